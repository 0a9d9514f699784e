package vn.motcua.dossier.dossier.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.catalog.ProcedureRepository;
import vn.motcua.dossier.common.RequestIdempotency;
import vn.motcua.dossier.dossier.domain.ActorContext;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.DossierFacts;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.domain.DossierStateMachine;
import vn.motcua.dossier.dossier.domain.LegalRegime;
import vn.motcua.dossier.dossier.domain.TransitionDecision;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.dossier.dossier.repository.DossierRepository.StoredDossier;
import vn.motcua.dossier.dossier.repository.PauseRepository;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.dossier.unit.domain.UnitChanges;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * The dossier lifecycle after creation at the desk (domain.md §4.3): online submission (T1, created through
 * {@link DossierCreation}) and every verb on an existing dossier. Each verb loads the dossier in the caller's scope
 * (NOT_FOUND otherwise), asks the pure state machine once, and on success applies what the decided row declares,
 * in one transaction: the optimistic state change, clock pauses, one history line and one change-feed event. A
 * rejection writes nothing, not even the request-id claim.
 *
 * <p>Online dossiers get their legal code at submission, so the citizen can look them up at once; the code's date
 * is then the submission day. The clock (received_at, due times) starts only at acceptance (ND61 Art 17).
 */
@Singleton
public class WorkflowService {

    static final String SUBMIT_OPERATION = "SubmitDossier";
    /** ND61 Art 19(4): a supplement may be requested during processing only this long after reception. */
    static final TimeLimit SUPPLEMENT_WINDOW = TimeLimit.workingDays(3);

    private final TransactionOperations<Connection> tx;
    private final DossierCreation creation;
    private final DossierRepository dossiers;
    private final PauseRepository pauses;
    private final RequestIdempotency idempotency;
    private final ProcedureRepository procedures;
    private final UnitDirectory units;
    private final DeadlineCalculators deadlines;
    private final DossierFeed feed;
    private final DossierQueryService queries;
    private final LegalRegime regime;
    private final Clock clock;
    private final DossierStateMachine machine = new DossierStateMachine();

    public WorkflowService(
            TransactionOperations<Connection> tx,
            DossierCreation creation,
            DossierRepository dossiers,
            PauseRepository pauses,
            RequestIdempotency idempotency,
            ProcedureRepository procedures,
            UnitDirectory units,
            DeadlineCalculators deadlines,
            DossierFeed feed,
            DossierQueryService queries,
            Clock clock,
            @Value("${motcua.dossier.legal-regime:REGIME_2018}") LegalRegime regime) {
        this.tx = tx;
        this.creation = creation;
        this.dossiers = dossiers;
        this.pauses = pauses;
        this.idempotency = idempotency;
        this.procedures = procedures;
        this.units = units;
        this.deadlines = deadlines;
        this.feed = feed;
        this.queries = queries;
        this.clock = clock;
        this.regime = regime;
    }

    /** T1: a citizen files online at a unit that receives the procedure and offers it online (partly or fully). */
    public Dossier submit(Caller caller, SubmitCommand command) {
        Instant now = clock.instant();
        if (caller.hasRole(Roles.CITIZEN) && caller.citizen().isEmpty()) {
            throw DomainException.of(
                    ErrorKind.PERMISSION_DENIED, ErrorReason.SCOPE_MISSING, "the token carries no citizen_id");
        }
        WorkflowCommandValidator.validate(command, caller.citizenId());
        UnitTree tree = units.tree();
        AdminUnit unit =
                tree.find(command.unitCode()).orElseThrow(() -> DomainException.notFound("unit " + command.unitCode()));
        UnitChanges.requireOpenOn(tree, unit, WorkCalendar.localDate(now));
        ActorContext actor = Actors.actor(caller, tree);
        TransitionDecision.Allowed allowed = DomainErrors.allowedOrThrow(machine.decide(
                null,
                DossierEvent.SUBMIT_ONLINE,
                actor,
                DossierFacts.builder()
                        .regime(regime)
                        .receivingUnitCode(unit.code())
                        .competentUnitCode(unit.code())
                        .applicantCitizenId(caller.citizenId())
                        .build()));
        ProcedureRepository.ReceivableProcedure receivable = creation.receivable(command.procedureCode(), unit.code());
        if (receivable.procedure().onlineLevel() == Procedure.OnlineLevel.NONE) {
            throw DomainException.ruleViolated(
                    "ONLINE_SUBMISSION_NOT_OFFERED",
                    "procedure " + command.procedureCode() + " is not offered online at unit " + unit.code());
        }
        Applicant typed = command.applicant();
        Applicant applicant =
                new Applicant(typed.fullName(), caller.citizenId(), typed.phone(), typed.email(), typed.address());
        return creation.create(
                caller,
                SUBMIT_OPERATION,
                command.requestId(),
                command.fingerprint(),
                new DossierCreation.NewDossier(
                        allowed, unit, receivable, Channel.ONLINE, applicant, command.note(), null),
                now);
    }

    /** Every verb on an existing dossier (T2–T16), whatever its current revision. */
    public Dossier transition(Caller caller, TransitionCommand command) {
        return transition(caller, command, null);
    }

    /**
     * Every verb on an existing dossier (T2–T16). With an expected revision (the HTTP If-Match of the gateway) the
     * verb only applies to the dossier as the caller last saw it: two officers deciding on the same screen must not
     * have the second decision land on a dossier the first one already changed. A replayed request id answers
     * its first result even though that result changed the revision.
     */
    public Dossier transition(Caller caller, TransitionCommand command, Long expectedRevision) {
        Instant now = clock.instant();
        UnitTree tree = units.tree();
        WorkflowCommandValidator.validate(command, tree);
        ActorContext actor = Actors.actor(caller, tree);
        String fingerprint = command.fingerprint();
        return tx.executeWrite(status -> {
            RequestIdempotency.Claim claim =
                    idempotency.claim(caller, command.operation(), command.requestId(), fingerprint, now);
            if (claim.isReplay()) {
                return dossiers.replayed(claim.resultRef());
            }
            StoredDossier stored = dossiers.findStored(command.code())
                    .filter(s -> queries.isVisible(caller, s.dossier()))
                    .orElseThrow(() -> DomainException.notFound("dossier"));
            Dossier before = stored.dossier();
            if (expectedRevision != null && expectedRevision != stored.version()) {
                throw DomainException.of(
                        ErrorKind.FAILED_PRECONDITION,
                        ErrorReason.STALE_REVISION,
                        "dossier " + before.code() + " is at revision " + stored.version() + ", not " + expectedRevision
                                + "; reload it and decide again");
            }
            DeadlineCalculator calendar = deadlines.forUnit(before.competentUnitCode());
            TransitionDecision.Allowed allowed = DomainErrors.allowedOrThrow(
                    machine.decide(before.state(), command.event(), actor, facts(before, calendar, now)));
            Dossier after = allowed.applyTo(
                    before, now, command.newDueAt(), new ProcedureDueTimes(() -> calendar, () -> timeLimit(before)));
            boolean dueMoved = !Objects.equals(after.dueAt(), before.dueAt());
            if (!dossiers.update(after, before.state(), stored.version(), command.returnChannel(), dueMoved, now)) {
                throw DomainException.of(
                        ErrorKind.ABORTED,
                        ErrorReason.CONCURRENT_UPDATE,
                        "dossier " + before.code() + " was changed meanwhile; reload and retry");
            }
            switch (allowed.transition().pauseEffect()) {
                case STARTS_SUPPLEMENT_PAUSE ->
                    pauses.open(before.code(), PauseRepository.SUPPLEMENT, now, command.reason());
                case ENDS_PAUSE -> pauses.closeOpen(before.code(), now);
                case NONE -> {
                    // the clock runs on, or stays paused
                }
            }
            String target =
                    command.returnChannel() != null ? command.returnChannel().name() : command.target();
            dossiers.appendHistory(HistoryLines.of(
                    caller,
                    after,
                    command.event(),
                    before.state(),
                    FieldChecks.blankToNull(command.reason()),
                    FieldChecks.blankToNull(target),
                    command.stepDueAt(),
                    now));
            claim.complete(before.code());
            feed.append(
                    allowed.feedEventType(),
                    command.event().name(),
                    after,
                    before.state(),
                    stored.submittedAt(),
                    now,
                    DossierFeed.Detail.returnChannel(command.returnChannel()));
            return after;
        });
    }

    /**
     * The facts the state machine needs, the calendar-dependent ones precomputed with the competent unit's working
     * calendar: the supplement window (3 working days from reception) and the apology deadline.
     */
    DossierFacts facts(Dossier d, DeadlineCalculator calendar, Instant now) {
        boolean withinSupplementWindow =
                d.receivedAt() != null && !now.isAfter(calendar.dueAt(d.receivedAt(), SUPPLEMENT_WINDOW));
        boolean apologyInTime = d.dueAt() != null && calendar.canApologise(now, d.dueAt());
        boolean resultIssued = d.state() == DossierState.RESULT_READY || d.state() == DossierState.RETURNED;
        return DossierFacts.builder()
                .receivingUnitCode(d.receivingUnitCode())
                .competentUnitCode(d.competentUnitCode())
                .currentHandlingUnitCode(d.handlingUnitCode())
                .applicantCitizenId(d.applicant().citizenId())
                .regime(regime)
                .receivedAt(d.receivedAt())
                .dueAt(d.dueAt())
                .extensionUsed(d.extensionUsed())
                .resultIssued(resultIssued)
                .withinSupplementWindow(withinSupplementWindow)
                .atLeastOneWorkingDayBeforeDue(apologyInTime)
                .build();
    }

    private TimeLimit timeLimit(Dossier d) {
        return procedures
                .findVersion(d.procedureCode(), d.procedureVersion())
                .orElseThrow(() -> new IllegalStateException("procedure " + d.procedureCode() + " v"
                        + d.procedureVersion() + " of dossier " + d.code() + " is missing"))
                .timeLimit();
    }
}
