package vn.motcua.dossier.dossier.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.repository.DossierListRepository;
import vn.motcua.dossier.dossier.repository.DossierListRepository.SweepCandidate;
import vn.motcua.dossier.dossier.repository.DossierRepository;

/**
 * Announces deadline crossings on the change feed: {@code dossier.near_due} when at most one working day is left
 * (the last chance for an apology letter), {@code dossier.overdue} when the due time has passed. Each crossing is
 * announced once: the last announced state is stored per dossier and advanced by compare-and-set, so concurrent
 * sweeps on several replicas never announce a crossing twice (correctness needs no lease; DeadlineSweepJob holds one
 * only so that the replicas do not all read the same candidates). A due time that moves (supplement, extension) resets it, and the next
 * crossing is announced again. A dossier that skipped NEAR_DUE (service down) gets only the OVERDUE event.
 *
 * <p>Only dossiers whose clock runs are swept: RECEIVED, IN_PROCESS and AWAITING_PAYMENT, unless a pause is open
 * (a procedure version may say the time spent on financial obligations does not count: land procedures).
 */
@Singleton
public class DeadlineSweep {

    static final Set<DossierState> CLOCK_RUNNING =
            EnumSet.of(DossierState.RECEIVED, DossierState.IN_PROCESS, DossierState.AWAITING_PAYMENT);
    /** One working day can span Tết plus two weekends; anything due later is certainly IN_TIME. */
    private static final Duration HORIZON = Duration.ofDays(21);

    private static final int BATCH = 200;

    private final TransactionOperations<Connection> tx;
    private final DossierListRepository lists;
    private final DossierRepository dossiers;
    private final DeadlineCalculators deadlines;
    private final DossierFeed feed;

    public DeadlineSweep(
            TransactionOperations<Connection> tx,
            DossierListRepository lists,
            DossierRepository dossiers,
            DeadlineCalculators deadlines,
            DossierFeed feed) {
        this.tx = tx;
        this.lists = lists;
        this.dossiers = dossiers;
        this.deadlines = deadlines;
        this.feed = feed;
    }

    /** @return how many events were emitted */
    public int sweep(Instant now) {
        return sweep(now, () -> true);
    }

    /**
     * One pass that stops between batches once {@code keepGoing} says no (the replica lost its lease): the next pass,
     * on whichever replica holds it then, finds what is left.
     *
     * @return how many events were emitted
     */
    public int sweep(Instant now, BooleanSupplier keepGoing) {
        Map<String, DeadlineCalculator> calendars = new HashMap<>();
        int announced = 0;
        String after = "";
        List<SweepCandidate> batch;
        do {
            batch = lists.sweepCandidates(CLOCK_RUNNING, now.plus(HORIZON), after, BATCH);
            for (SweepCandidate candidate : batch) {
                after = candidate.dossier().code();
                DeadlineState state = calendars
                        .computeIfAbsent(candidate.dossier().competentUnitCode(), deadlines::forUnit)
                        .stateAt(now, candidate.dossier().dueAt());
                if (state.compareTo(candidate.announced()) > 0 && announce(candidate, state, now)) {
                    announced++;
                }
            }
        } while (batch.size() == BATCH && keepGoing.getAsBoolean());
        return announced;
    }

    private boolean announce(SweepCandidate candidate, DeadlineState state, Instant now) {
        return tx.executeWrite(status -> {
            if (!dossiers.markAnnounced(
                    candidate.dossier().code(), candidate.version(), candidate.announced(), state)) {
                return false;
            }
            feed.append(
                    state == DeadlineState.OVERDUE ? "dossier.overdue" : "dossier.near_due",
                    null,
                    candidate.dossier(),
                    null,
                    null,
                    now,
                    new DossierFeed.Detail.Deadline(state));
            return true;
        });
    }
}
