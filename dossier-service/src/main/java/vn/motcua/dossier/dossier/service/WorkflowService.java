package vn.motcua.dossier.dossier.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.catalog.ProcedureRepository;
import vn.motcua.dossier.common.Scope;
import vn.motcua.dossier.dossier.domain.ActorContext;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.DossierFacts;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.domain.DossierStateMachine;
import vn.motcua.dossier.dossier.domain.LegalRegime;
import vn.motcua.dossier.dossier.domain.Roles;
import vn.motcua.dossier.dossier.domain.TransitionDecision;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.dossier.dossier.repository.DossierRepository.StoredDossier;
import vn.motcua.dossier.dossier.repository.PauseRepository;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.dossier.unit.domain.UnitChanges;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The dossier lifecycle after creation at the desk (domain.md §4.3): online submission (T1) and every verb on an
 * existing dossier. Each verb loads the dossier in the caller's scope (NOT_FOUND otherwise), asks the pure state
 * machine, and on success writes, in one transaction: the optimistic state change, clock pauses, one history line
 * and one change-feed event. A rejection writes nothing, not even the request-id claim.
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

    public WorkflowService(TransactionOperations<Connection> tx, DossierRepository dossiers, PauseRepository pauses,
                           RequestIdempotency idempotency, ProcedureRepository procedures, UnitDirectory units,
                           DeadlineCalculators deadlines, DossierFeed feed, DossierQueryService queries, Clock clock,
                           @Value("${motcua.dossier.legal-regime:REGIME_2018}") LegalRegime regime) {
        this.tx = tx;
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
            throw DomainException.of(ErrorKind.PERMISSION_DENIED, ErrorReason.SCOPE_MISSING,
                    "the token carries no citizen_id");
        }
        WorkflowCommandValidator.validate(command, caller.citizenId());
        UnitTree tree = units.tree();
        AdminUnit unit = tree.find(command.unitCode())
                .orElseThrow(() -> DomainException.notFound("unit " + command.unitCode()));
        UnitChanges.requireOpenOn(tree, unit, WorkCalendar.localDate(now));
        ActorContext actor = Scope.actor(caller, tree);
        DossierFacts creation = new DossierFacts(unit.code(), unit.code(), null, caller.citizenId(), regime, null,
                null, false, false, false, false);
        TransitionDecision decision = machine.decide(null, DossierEvent.SUBMIT_ONLINE, actor, creation);
        if (decision instanceof TransitionDecision.Rejected r) {
            throw DomainErrors.rejected(r);
        }
        TransitionDecision.Allowed allowed = (TransitionDecision.Allowed) decision;
        ProcedureRepository.ReceivableProcedure receivable = procedures.findReceivable(command.procedureCode(),
                unit.code()).orElseThrow(() -> DomainException.notFound("procedure " + command.procedureCode()
                + " at unit " + unit.code()));
        if (receivable.procedure().onlineLevel() == Procedure.OnlineLevel.NONE) {
            throw DomainException.ruleViolated("ONLINE_SUBMISSION_NOT_OFFERED",
                    "procedure " + command.procedureCode() + " is not offered online at unit " + unit.code());
        }
        String fingerprint = command.fingerprint();
        return tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = idempotency.claim(caller, SUBMIT_OPERATION, command.requestId(),
                    fingerprint, now);
            if (claim.isReplay()) {
                return replayed(claim);
            }
            String code = dossiers.allocateCode(unit.agencyCode(), WorkCalendar.localDate(now));
            Applicant typed = command.applicant();
            Applicant applicant = new Applicant(typed.fullName(), caller.citizenId(), typed.phone(), typed.email(),
                    typed.address());
            Dossier dossier = new Dossier(code, receivable.procedure().code(), receivable.procedure().version(),
                    receivable.procedure().name(), unit.code(), receivable.competentUnitCode(),
                    allowed.handlingUnitCodeAfter(), allowed.to(), Channel.ONLINE, applicant,
                    FieldChecks.blankToNull(command.note()), null, null, null, null, false, 0);
            dossiers.insert(dossier, now, now);
            dossiers.appendHistory(history(caller, dossier, DossierEvent.SUBMIT_ONLINE, null,
                    FieldChecks.blankToNull(command.note()), null, null, now));
            claim.complete(code);
            feed.append(allowed.feedEventType(), DossierEvent.SUBMIT_ONLINE.name(), dossier, null, now, now,
                    DossierFeed.Detail.NONE);
            return dossier;
        });
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
        ActorContext actor = Scope.actor(caller, tree);
        String fingerprint = command.fingerprint();
        return tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = idempotency.claim(caller, command.operation(), command.requestId(),
                    fingerprint, now);
            if (claim.isReplay()) {
                return replayed(claim);
            }
            StoredDossier stored = dossiers.findStored(command.code())
                    .filter(s -> queries.isVisible(caller, s.dossier()))
                    .orElseThrow(() -> DomainException.notFound("dossier"));
            Dossier before = stored.dossier();
            if (expectedRevision != null && expectedRevision != stored.version()) {
                throw DomainException.of(ErrorKind.FAILED_PRECONDITION, ErrorReason.STALE_REVISION,
                        "dossier " + before.code() + " is at revision " + stored.version() + ", not "
                                + expectedRevision + "; reload it and decide again");
            }
            DeadlineCalculator calendar = deadlines.forUnit(before.competentUnitCode());
            TransitionDecision decision = machine.decide(before.state(), command.event(), actor,
                    facts(before, calendar, now));
            if (decision instanceof TransitionDecision.Rejected r) {
                throw DomainErrors.rejected(r);
            }
            TransitionDecision.Allowed allowed = (TransitionDecision.Allowed) decision;
            TimeLimit limit = TransitionEffects.needsTimeLimit(command) ? timeLimit(before) : null;
            Dossier after = TransitionEffects.apply(before, allowed, command, now, calendar, limit);
            boolean dueMoved = !Objects.equals(after.dueAt(), before.dueAt());
            if (!dossiers.update(after, before.state(), stored.version(), command.returnChannel(), dueMoved, now)) {
                throw DomainException.of(ErrorKind.ABORTED, ErrorReason.CONCURRENT_UPDATE,
                        "dossier " + before.code() + " was changed meanwhile; reload and retry");
            }
            if (command.event() == DossierEvent.REQUEST_SUPPLEMENT) {
                pauses.open(before.code(), PauseRepository.SUPPLEMENT, now, command.reason());
            } else if (command.event() == DossierEvent.SUPPLEMENT_RECEIVED || after.finishedAt() != null) {
                pauses.closeOpen(before.code(), now);
            }
            String target = command.returnChannel() != null ? command.returnChannel().name() : command.target();
            dossiers.appendHistory(history(caller, after, command.event(), before.state(),
                    FieldChecks.blankToNull(command.reason()), FieldChecks.blankToNull(target), command.stepDueAt(),
                    now));
            claim.complete(before.code());
            feed.append(allowed.feedEventType(), command.event().name(), after, before.state(), stored.submittedAt(),
                    now, DossierFeed.Detail.returnChannel(command.returnChannel()));
            return after;
        });
    }

    /**
     * The facts the state machine needs, the calendar-dependent ones precomputed with the competent unit's working
     * calendar: the supplement window (3 working days from reception) and the apology deadline.
     */
    private DossierFacts facts(Dossier d, DeadlineCalculator calendar, Instant now) {
        boolean withinSupplementWindow = d.receivedAt() != null
                && !now.isAfter(calendar.dueAt(d.receivedAt(), SUPPLEMENT_WINDOW));
        boolean apologyInTime = d.dueAt() != null && calendar.canApologise(now, d.dueAt());
        boolean resultIssued = d.state() == DossierState.RESULT_READY || d.state() == DossierState.RETURNED;
        return new DossierFacts(d.receivingUnitCode(), d.competentUnitCode(), d.handlingUnitCode(),
                d.applicant().citizenId(), regime, d.receivedAt(), d.dueAt(), d.extensionUsed(), resultIssued,
                withinSupplementWindow, apologyInTime);
    }

    private TimeLimit timeLimit(Dossier d) {
        return procedures.findVersion(d.procedureCode(), d.procedureVersion())
                .orElseThrow(() -> new IllegalStateException("procedure " + d.procedureCode() + " v"
                        + d.procedureVersion() + " of dossier " + d.code() + " is missing"))
                .timeLimit();
    }

    private Dossier replayed(RequestIdempotency.Claim claim) {
        return dossiers.findByCode(claim.resultRef())
                .orElseThrow(() -> new IllegalStateException("replayed dossier missing"));
    }

    private static DossierRepository.HistoryEntry history(Caller caller, Dossier after, DossierEvent event,
                                                          DossierState from, String reason, String target,
                                                          Instant stepDueAt, Instant now) {
        return new DossierRepository.HistoryEntry(after.code(), event.name(), from == null ? null : from.name(),
                after.state().name(), caller.subject(), caller.username(), caller.unit().orElse(null),
                String.join(",", caller.roles()), reason, now, target, stepDueAt, after.dueAt());
    }
}
