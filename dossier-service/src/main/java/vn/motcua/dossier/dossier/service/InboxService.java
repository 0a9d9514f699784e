package vn.motcua.dossier.dossier.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.common.Scope;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.repository.DossierListRepository;
import vn.motcua.dossier.dossier.repository.DossierListRepository.Listed;
import vn.motcua.dossier.dossier.repository.DossierListRepository.UnitColumn;
import vn.motcua.dossier.dossier.repository.DossierListRepository.Waiting;
import vn.motcua.dossier.dossier.repository.ListOrder;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.paging.Page;

/**
 * Work lists. An officer's inbox holds the dossiers whose current state waits on one of their roles, in their
 * unit's subtree: the desk (reception_officer) at the receiving unit for SUBMITTED, RECEIVED, SUPPLEMENT_REQUESTED
 * and RESULT_READY; specialists and leaders at the handling unit for IN_PROCESS and AWAITING_PAYMENT; clerks at the
 * handling unit for IN_PROCESS. By default most urgent first: by due time, dossiers without one (not yet accepted)
 * last; an {@link InboxQuery} narrows it and picks another order.
 */
@Singleton
public class InboxService {

    private static final Map<String, Waiting> WAITS_ON = Map.of(
            Roles.RECEPTION_OFFICER,
                    new Waiting(
                            UnitColumn.RECEIVING,
                            EnumSet.of(
                                    DossierState.SUBMITTED,
                                    DossierState.RECEIVED,
                                    DossierState.RESULT_READY,
                                    DossierState.SUPPLEMENT_REQUESTED)),
            Roles.SPECIALIST,
                    new Waiting(
                            UnitColumn.HANDLING, EnumSet.of(DossierState.IN_PROCESS, DossierState.AWAITING_PAYMENT)),
            Roles.UNIT_LEADER,
                    new Waiting(
                            UnitColumn.HANDLING, EnumSet.of(DossierState.IN_PROCESS, DossierState.AWAITING_PAYMENT)),
            Roles.CLERK, new Waiting(UnitColumn.HANDLING, EnumSet.of(DossierState.IN_PROCESS)));
    /** The clock is stopped while the applicant owes a supplement, and not started before acceptance. */
    private static final Set<DossierState> CLOCK_STOPPED =
            EnumSet.of(DossierState.SUBMITTED, DossierState.PRE_SUPPLEMENT, DossierState.SUPPLEMENT_REQUESTED);

    /** Rows read per query while a deadline filter skips some: few round trips, bounded memory. */
    private static final int FILTER_BATCH = 200;
    /** Rows read per query while counting a deadline state. */
    private static final int COUNT_BATCH = 500;

    private final DossierListRepository lists;
    private final UnitDirectory units;
    private final DeadlineCalculators deadlines;
    private final Clock clock;

    public InboxService(DossierListRepository lists, UnitDirectory units, DeadlineCalculators deadlines, Clock clock) {
        this.lists = lists;
        this.units = units;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * The inbox narrowed and ordered by {@code query}. The deadline state is computed from the unit's calendar, not
     * stored, so that filter reads on in batches until the page is full or the list ends.
     */
    @Transactional(readOnly = true)
    public Page<InboxItem> inbox(Caller caller, InboxQuery query, Page.Request page) {
        String unitCode = Scope.requireOfficerUnit(caller);
        List<Waiting> waiting = waiting(caller, query);
        String list = query.listName();
        Page.Keyset after = Page.Keyset.of(page.forList(list));
        ListOrder order = query.sort().order();
        Set<String> unitCodes = units.tree().subtreeCodes(unitCode);
        DossierListRepository.InboxFilter filter = filter(query);
        int batch = query.deadlineState() == null ? page.size() + 1 : Math.max(page.size() + 1, FILTER_BATCH);
        Instant now = clock.instant();
        Map<String, DeadlineCalculator> calendars = new HashMap<>();
        List<Keyed> kept = new ArrayList<>();
        Instant at = after.at();
        String code = after.id();
        while (true) {
            List<Listed> fetched = lists.inbox(waiting, unitCodes, filter, order, at, code, batch);
            for (Listed row : fetched) {
                Dossier d = row.dossier();
                InboxItem item = new InboxItem(
                        d,
                        deadlineState(
                                d,
                                row.clockPaused(),
                                now,
                                calendars.computeIfAbsent(d.competentUnitCode(), deadlines::forUnit)));
                if (query.deadlineState() == null || query.deadlineState() == item.deadlineState()) {
                    kept.add(new Keyed(item, row.key()));
                    if (kept.size() > page.size()) {
                        return page(kept, page, list);
                    }
                }
            }
            if (fetched.size() < batch) {
                return page(kept, page, list);
            }
            Listed last = fetched.get(fetched.size() - 1);
            at = last.key();
            code = last.dossier().code();
        }
    }

    /**
     * How many dossiers the inbox narrowed by {@code query} holds over all its pages. Without a deadline filter one
     * COUNT; with one, the deadline state is the calendar's to compute, so the list is read through in batches.
     */
    @Transactional(readOnly = true)
    public long total(Caller caller, InboxQuery query) {
        String unitCode = Scope.requireOfficerUnit(caller);
        List<Waiting> waiting = waiting(caller, query);
        Set<String> unitCodes = units.tree().subtreeCodes(unitCode);
        DossierListRepository.InboxFilter filter = filter(query);
        if (query.deadlineState() == null) {
            return lists.countInbox(waiting, unitCodes, filter);
        }
        ListOrder order = InboxQuery.Sort.DUE_AT_ASC.order();
        Instant now = clock.instant();
        Map<String, DeadlineCalculator> calendars = new HashMap<>();
        long total = 0;
        Instant at = null;
        String code = null;
        while (true) {
            List<Listed> fetched = lists.inbox(waiting, unitCodes, filter, order, at, code, COUNT_BATCH);
            for (Listed row : fetched) {
                Dossier d = row.dossier();
                if (deadlineState(
                                d,
                                row.clockPaused(),
                                now,
                                calendars.computeIfAbsent(d.competentUnitCode(), deadlines::forUnit))
                        == query.deadlineState()) {
                    total++;
                }
            }
            if (fetched.size() < COUNT_BATCH) {
                return total;
            }
            Listed last = fetched.get(fetched.size() - 1);
            at = last.key();
            code = last.dossier().code();
        }
    }

    /** The states each of the caller's roles waits on, by unit column, narrowed to the query's states. */
    private static List<Waiting> waiting(Caller caller, InboxQuery query) {
        Map<UnitColumn, Set<DossierState>> merged = new HashMap<>();
        WAITS_ON.forEach((role, waiting) -> {
            if (caller.hasRole(role)) {
                merged.computeIfAbsent(waiting.column(), c -> EnumSet.noneOf(DossierState.class))
                        .addAll(waiting.states());
            }
        });
        List<Waiting> waiting = new ArrayList<>();
        merged.forEach((column, states) -> {
            if (!query.statuses().isEmpty()) {
                states.retainAll(query.statuses());
            }
            if (!states.isEmpty()) {
                waiting.add(new Waiting(column, states));
            }
        });
        return waiting;
    }

    private static DossierListRepository.InboxFilter filter(InboxQuery query) {
        return new DossierListRepository.InboxFilter(query.search(), query.awaitingApproval());
    }

    private static Page<InboxItem> page(List<Keyed> kept, Page.Request page, String list) {
        return Page.of(
                        kept,
                        page.size(),
                        list,
                        k -> Page.Keyset.key(k.key(), k.item().dossier().code()))
                .map(Keyed::item);
    }

    /** A citizen's own dossiers (the token's citizen id), narrowed and ordered by {@code query}. */
    @Transactional(readOnly = true)
    public Page<Dossier> mine(Caller caller, MyDossiersQuery query, Page.Request page) {
        if (!caller.hasRole(Roles.CITIZEN)) {
            throw DomainException.permissionDenied("this list is for citizens");
        }
        String citizenId = caller.citizen()
                .orElseThrow(() -> DomainException.of(
                        ErrorKind.PERMISSION_DENIED, ErrorReason.SCOPE_MISSING, "the token carries no citizen_id"));
        String list = query.listName();
        Page.Keyset after = Page.Keyset.of(page.forList(list));
        List<Listed> fetched = lists.ownedBy(
                citizenId, query.statuses(), query.sort().order(), after.at(), after.id(), page.size() + 1);
        return Page.of(
                        fetched,
                        page.size(),
                        list,
                        row -> Page.Keyset.key(row.key(), row.dossier().code()))
                .map(Listed::dossier);
    }

    /**
     * IN_TIME / NEAR_DUE / OVERDUE while the clock runs; for a finished result waiting at the desk, whether it was
     * finished late; null (unspecified) while the clock is stopped (a pause is open: {@code paused}) or not started.
     */
    static DeadlineState deadlineState(Dossier d, boolean paused, Instant now, DeadlineCalculator calendar) {
        if (d.dueAt() == null || paused || CLOCK_STOPPED.contains(d.state())) {
            return null;
        }
        if (d.finishedAt() != null) {
            return d.finishedAt().isAfter(d.dueAt()) ? DeadlineState.OVERDUE : DeadlineState.IN_TIME;
        }
        return calendar.stateAt(now, d.dueAt());
    }

    /** An inbox item with the key it sorted by: its page position. */
    private record Keyed(InboxItem item, Instant key) {}

    public record InboxItem(Dossier dossier, DeadlineState deadlineState) {}
}
