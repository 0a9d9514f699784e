package vn.motcua.dossier.dossier.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.common.Page;
import vn.motcua.dossier.common.Scope;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.domain.Roles;
import vn.motcua.dossier.dossier.repository.DossierListRepository;
import vn.motcua.dossier.dossier.repository.DossierListRepository.UnitColumn;
import vn.motcua.dossier.dossier.repository.DossierListRepository.Waiting;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Work lists. An officer's inbox holds the dossiers whose current state waits on one of their roles, in their
 * unit's subtree: the desk (reception_officer) at the receiving unit for SUBMITTED, RECEIVED, SUPPLEMENT_REQUESTED
 * and RESULT_READY; specialists and leaders at the handling unit for IN_PROCESS and AWAITING_PAYMENT; clerks at the
 * handling unit for IN_PROCESS. Most urgent first: by due time, dossiers without one (not yet accepted) last.
 */
@Singleton
public class InboxService {

    private static final Map<String, Waiting> WAITS_ON = Map.of(
            Roles.RECEPTION_OFFICER, new Waiting(UnitColumn.RECEIVING, EnumSet.of(DossierState.SUBMITTED,
                    DossierState.RECEIVED, DossierState.RESULT_READY, DossierState.SUPPLEMENT_REQUESTED)),
            Roles.SPECIALIST, new Waiting(UnitColumn.HANDLING,
                    EnumSet.of(DossierState.IN_PROCESS, DossierState.AWAITING_PAYMENT)),
            Roles.UNIT_LEADER, new Waiting(UnitColumn.HANDLING,
                    EnumSet.of(DossierState.IN_PROCESS, DossierState.AWAITING_PAYMENT)),
            Roles.CLERK, new Waiting(UnitColumn.HANDLING, EnumSet.of(DossierState.IN_PROCESS)));
    /** The clock is stopped while the applicant owes a supplement, and not started before acceptance. */
    private static final Set<DossierState> CLOCK_STOPPED = EnumSet.of(DossierState.SUBMITTED,
            DossierState.PRE_SUPPLEMENT, DossierState.SUPPLEMENT_REQUESTED);

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

    @Transactional(readOnly = true)
    public Page<InboxItem> inbox(Caller caller, Page.Request page) {
        String unitCode = Scope.requireOfficerUnit(caller);
        Map<UnitColumn, Set<DossierState>> merged = new HashMap<>();
        WAITS_ON.forEach((role, waiting) -> {
            if (caller.hasRole(role)) {
                merged.computeIfAbsent(waiting.column(), c -> EnumSet.noneOf(DossierState.class))
                        .addAll(waiting.states());
            }
        });
        List<Waiting> waiting = new ArrayList<>();
        merged.forEach((column, states) -> waiting.add(new Waiting(column, states)));
        Keyset after = Keyset.of(page);
        List<Dossier> fetched = lists.inbox(waiting, units.tree().subtreeCodes(unitCode), after.at(), after.code(),
                page.size() + 1);
        Instant now = clock.instant();
        Map<String, DeadlineCalculator> calendars = new HashMap<>();
        List<InboxItem> items = fetched.stream().map(d -> new InboxItem(d, deadlineState(d, now,
                calendars.computeIfAbsent(d.competentUnitCode(), deadlines::forUnit)))).toList();
        return Page.of(items, page.size(), item -> (item.dossier().dueAt() == null
                ? DossierListRepository.NO_DUE_KEY : item.dossier().dueAt()) + "|" + item.dossier().code());
    }

    /** A citizen's own dossiers (the token's citizen id), newest first. */
    @Transactional(readOnly = true)
    public Page<Dossier> mine(Caller caller, Page.Request page) {
        if (!caller.hasRole(Roles.CITIZEN)) {
            throw DomainException.permissionDenied("this list is for citizens");
        }
        String citizenId = caller.citizen().orElseThrow(() -> DomainException.of(ErrorKind.PERMISSION_DENIED,
                ErrorReason.SCOPE_MISSING, "the token carries no citizen_id"));
        Keyset after = Keyset.of(page);
        List<Dossier> fetched = lists.ownedBy(citizenId, after.at(), after.code(), page.size() + 1);
        return Page.of(fetched, page.size(), d -> lists.createdAt(d.code()) + "|" + d.code());
    }

    /**
     * IN_TIME / NEAR_DUE / OVERDUE while the clock runs; for a finished result waiting at the desk, whether it was
     * finished late; null (unspecified) while the clock is stopped or not started.
     */
    static DeadlineState deadlineState(Dossier d, Instant now, DeadlineCalculator calendar) {
        if (d.dueAt() == null || CLOCK_STOPPED.contains(d.state())) {
            return null;
        }
        if (d.finishedAt() != null) {
            return d.finishedAt().isAfter(d.dueAt()) ? DeadlineState.OVERDUE : DeadlineState.IN_TIME;
        }
        return calendar.stateAt(now, d.dueAt());
    }

    /** A page position "instant|code"; both null on the first page. */
    private record Keyset(Instant at, String code) {

        static Keyset of(Page.Request page) {
            if (page.after().isEmpty()) {
                return new Keyset(null, null);
            }
            String key = page.after();
            int bar = key.indexOf('|');
            try {
                if (bar > 0 && bar < key.length() - 1) {
                    return new Keyset(Instant.parse(key.substring(0, bar)), key.substring(bar + 1));
                }
            } catch (DateTimeParseException e) {
                // fall through: not ours
            }
            throw DomainException.invalid("page.page_token", "is not a token this service issued");
        }
    }

    public record InboxItem(Dossier dossier, DeadlineState deadlineState) {
    }
}
