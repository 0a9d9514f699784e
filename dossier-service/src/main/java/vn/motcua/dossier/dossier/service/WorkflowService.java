package vn.motcua.dossier.dossier.service;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.catalog.ProcedureRepository;
import vn.motcua.dossier.dossier.domain.ActorContext;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.DossierFacts;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.domain.DossierStateMachine;
import vn.motcua.dossier.dossier.domain.DueEffect;
import vn.motcua.dossier.dossier.domain.RegimeSelection;
import vn.motcua.dossier.dossier.domain.StopGround;
import vn.motcua.dossier.dossier.domain.TransitionDecision;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.dossier.dossier.repository.DossierRepository.StoredDossier;
import vn.motcua.dossier.dossier.repository.PauseRepository;
import vn.motcua.dossier.dossier.repository.PaymentRequestRepository;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.dossier.unit.domain.UnitChanges;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.idempotency.RequestIdempotency;

/**
 * The dossier lifecycle after creation at the desk (domain.md §4.3): online submission (T1, created through
 * {@link DossierCreation}) and every verb on an existing dossier. Each verb loads the dossier in the caller's scope
 * (NOT_FOUND otherwise), asks the pure state machine once, and on success applies what the decided row declares,
 * in one transaction: the optimistic state change, clock pauses, one history line and one change-feed event. A
 * rejection writes nothing, not even the request-id claim.
 *
 * <p>Requiring a financial obligation of a dossier whose procedure version lists fees also asks payment-service for
 * the payment request (issue 11), <em>before</em> the transaction and outside it: the verb is checked read-only first
 * (a replay, a dossier out of scope, a stale revision or a refused transition make no call and then fail in the
 * transaction exactly as before), payment-service is called with the caller's token and a deadline, and only its
 * answer lets the transaction run. So a payment-service that is down or refuses leaves the dossier untouched (no
 * transaction was ever opened) and the verb fails with UNAVAILABLE / DOWNSTREAM_UNAVAILABLE; and no database
 * connection or dossier lock is held while payment-service takes its time. The payment request is idempotent on a
 * request id derived from the workflow request's ({@link PaymentRequestDraft#requestId}): if the transaction then
 * fails (a concurrent change), the retried verb gets the same payment request back, never a second one. Without fees
 * there is no call at all, and an officer confirms the obligation by hand, as before.
 *
 * <p>Issuing the result (T15, the only way to RESULT_READY) asks digitization-service, in the same read-only
 * pre-check and with the caller's token, whether the dossier's electronic result (a PDF whose signature verified as
 * VALID) is attached, and refuses the verb without it ({@link ElectronicResultRule}: FAILED_PRECONDITION /
 * RULE_VIOLATED, nothing written; UNAVAILABLE when digitization-service cannot be reached). A deployment that issues
 * paper results only turns this off ({@code motcua.dossier.result.require-electronic-result: false}).
 *
 * <p>Online dossiers get a submission reference at submission and their legal code at acceptance, dated and
 * numbered among that day's receptions (ND61 Art 26); the clock (received_at, due times) starts then too (ND61
 * Art 17). The code is allocated by the same read-only pre-check, before the transaction (see prepare), as it is at
 * the desk (DossierCreation, ADR 0006). Every rule that differs between the regimes follows the dossier's own regime.
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
    private final RegimeSelection regimes;
    private final LegalCodes legalCodes;
    private final PaymentRequests paymentRequests;
    private final PaymentRequestRepository paymentRecords;
    /** Lazily: PaymentConfirmations needs this service too, so a direct one would be a constructor cycle. */
    private final BeanProvider<PaymentConfirmations> confirmations;

    private final ElectronicResults electronicResults;
    /** motcua.dossier.result.require-electronic-result: IssueResult needs the attached electronic result. */
    private final boolean requireElectronicResult;

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
            RegimeSelection regimes,
            LegalCodes legalCodes,
            PaymentRequests paymentRequests,
            PaymentRequestRepository paymentRecords,
            BeanProvider<PaymentConfirmations> confirmations,
            ElectronicResults electronicResults,
            @Value("${motcua.dossier.result.require-electronic-result:true}") boolean requireElectronicResult) {
        this.confirmations = confirmations;
        this.electronicResults = electronicResults;
        this.requireElectronicResult = requireElectronicResult;
        this.paymentRequests = paymentRequests;
        this.paymentRecords = paymentRecords;
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
        this.regimes = regimes;
        this.legalCodes = legalCodes;
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
                        .regime(regimes.forDossierFiledOn(WorkCalendar.localDate(now)))
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
                        allowed, unit, receivable, Channel.ONLINE, applicant, command.note(), null, now, null),
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
        Prepared prepared = prepare(caller, command, expectedRevision, actor, tree, fingerprint, now);
        PaymentRequests.RequestedPayment payment = prepared.payment();
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
            DossierEvent event = effectiveEvent(command.event(), before);
            TransitionDecision.Allowed allowed = DomainErrors.allowedOrThrow(
                    machine.decide(before.state(), event, actor, facts(before, calendar, now)));
            String target = command.target();
            if (event == DossierEvent.STOP) {
                target = stopGround(caller, command.target()).name();
            }
            Dossier start = before;
            if (event == DossierEvent.RECEIVE_BY_POST) {
                // the completed postal dossier counts from its hand-over record (QĐ45/2016 Art 7(4))
                start = before.toBuilder()
                        .receivedAt(handover(command.handoverSignedAt(), now))
                        .build();
            }
            Dossier after = allowed.applyTo(
                    start,
                    now,
                    command.newDueAt(),
                    new ProcedureDueTimes(
                            () -> calendar,
                            () -> timeLimit(before),
                            () -> pauses.openSince(before.code(), PauseRepository.FINANCIAL_OBLIGATION)));
            if (allowed.transition().dueEffect() == DueEffect.CLOCK_STARTS && after.legalCode() == null) {
                // the legal code is dated and numbered at acceptance (ND61 Art 26, Circular 01/2018 Art 19); it was
                // allocated before this transaction (see prepare), never here, so that no acceptance holds a second
                // pooled connection for the counter while it holds this one
                LegalCode code = prepared.legalCode();
                if (code == null
                        || !code.agencyCode().equals(agencyOf(tree, before))
                        || !code.day().equals(WorkCalendar.localDate(after.receivedAt()))) {
                    // the dossier changed between the pre-read and now (it became acceptable, or its reception day
                    // differs): the retried verb pre-reads it again and allocates then
                    throw DomainException.of(
                            ErrorKind.ABORTED,
                            ErrorReason.CONCURRENT_UPDATE,
                            "dossier " + before.code() + " was changed meanwhile; reload and retry");
                }
                after = after.toBuilder().legalCode(code.code()).build();
            }
            boolean dueMoved = !Objects.equals(after.dueAt(), before.dueAt());
            if (!dossiers.update(after, before.state(), stored.version(), command.returnChannel(), dueMoved, now)) {
                throw DomainException.of(
                        ErrorKind.ABORTED,
                        ErrorReason.CONCURRENT_UPDATE,
                        "dossier " + before.code() + " was changed meanwhile; reload and retry");
            }
            applyPauseEffect(allowed, before, command.reason(), now);
            if (command.returnChannel() != null) {
                target = command.returnChannel().name();
            }
            dossiers.appendHistory(HistoryLines.of(
                    caller,
                    after,
                    event,
                    before.state(),
                    FieldChecks.blankToNull(command.reason()),
                    FieldChecks.blankToNull(target),
                    command.stepDueAt(),
                    now));
            boolean paidAlready = payment != null
                    && paymentRecords.recordRequested(
                            payment.paymentId(), before.code(), payment.requestId(), payment.amountDong(), now);
            claim.complete(before.code());
            feed.append(
                    allowed.feedEventType(),
                    event.name(),
                    after,
                    before.state(),
                    stored.submittedAt(),
                    now,
                    event == DossierEvent.ASSIGN
                            ? new DossierFeed.Detail.Assignee(command.target())
                            : DossierFeed.Detail.returnChannel(command.returnChannel()));
            if (paidAlready) {
                // the applicant paid after an earlier attempt of this verb failed; that paid event will not come
                // again, so the obligation is met now, after the requirement's own history line and feed event
                return confirmations.get().paidBeforeRecorded(before.code(), payment.paymentId(), now);
            }
            return after;
        });
    }

    /** What a verb needs from outside its transaction: a payment request, a legal code, either or both null. */
    private record Prepared(PaymentRequests.RequestedPayment payment, LegalCode legalCode) {
        static final Prepared NOTHING = new Prepared(null, null);
    }

    /** A legal code allocated (and committed) for a dossier received on {@code day} by the agency {@code agencyCode}. */
    private record LegalCode(String agencyCode, LocalDate day, String code) {}

    /**
     * What the read-only pre-check found for the verb to need from outside its transaction; {@code resultOf}: the
     * dossier whose attached electronic result must be checked (null: none).
     */
    private record Needs(
            Optional<PaymentRequestDraft> payment, String agencyCode, LocalDate receptionDay, String resultOf) {
        static final Needs NOTHING = new Needs(Optional.empty(), null, null, null);
    }

    /**
     * Everything a verb must get outside its business transaction, found by one read-only pre-check of the verb: the
     * payment request of a financial obligation about to be required (from payment-service), the legal code of a
     * dossier whose clock this verb starts (from the day's counter, in LegalCodes' own short transactions), and the
     * electronic result of a dossier whose result is about to be issued (from digitization-service). None is
     * taken while the business transaction holds its connection: a payment-service call would hold it for as long as
     * payment-service takes, and a code allocated inside it would hold a second pooled connection per acceptance (a
     * third on an agency's first reception of the day), so a burst of acceptances as large as the pool could deadlock
     * it (ADR 0006). Nothing is taken when the verb is a replay or will be refused in the transaction (out of scope,
     * stale revision, not allowed now), so a refused verb calls nobody and burns no number; a code allocated for a
     * verb that then fails anyway stays unused, a gap ADR 0006 allows, and the retry allocates another.
     *
     * @throws vn.motcua.platform.error.DomainException UNAVAILABLE when payment-service or digitization-service
     *     cannot be reached; FAILED_PRECONDITION / RULE_VIOLATED (rule ELECTRONIC_RESULT_ATTACHED) when the result
     *     to be issued has no electronic result attached
     */
    private Prepared prepare(
            Caller caller,
            TransitionCommand command,
            Long expectedRevision,
            ActorContext actor,
            UnitTree tree,
            String fingerprint,
            Instant now) {
        boolean mayOwe = command.event() == DossierEvent.REQUIRE_FINANCIAL_OBLIGATION;
        // only ACCEPT (and the paper receptions it stands for, see effectiveEvent) starts an existing dossier's clock
        boolean mayStartClock = command.event() == DossierEvent.ACCEPT;
        boolean mayIssue = requireElectronicResult && command.event() == DossierEvent.ISSUE_RESULT;
        if (!mayOwe && !mayStartClock && !mayIssue) {
            // no pre-read at all for the other verbs: they need nothing from outside
            return Prepared.NOTHING;
        }
        Needs needs = tx.executeRead(status -> {
            if (idempotency
                    .committedResult(caller, command.operation(), command.requestId(), fingerprint)
                    .isPresent()) {
                return Needs.NOTHING;
            }
            Optional<StoredDossier> stored =
                    dossiers.findStored(command.code()).filter(s -> queries.isVisible(caller, s.dossier()));
            if (stored.isEmpty()
                    || (expectedRevision != null
                            && expectedRevision != stored.get().version())) {
                return Needs.NOTHING;
            }
            Dossier d = stored.get().dossier();
            DeadlineCalculator calendar = deadlines.forUnit(d.competentUnitCode());
            DossierEvent event = effectiveEvent(command.event(), d);
            TransitionDecision decision = machine.decide(d.state(), event, actor, facts(d, calendar, now));
            if (!(decision instanceof TransitionDecision.Allowed allowed)) {
                return Needs.NOTHING;
            }
            Optional<PaymentRequestDraft> draft = mayOwe
                    ? PaymentRequestDraft.forObligation(
                            d, procedure(d), tree.path(d.receivingUnitCode()), caller.subject(), command.requestId())
                    : Optional.empty();
            String resultOf = mayIssue ? d.code() : null;
            if (allowed.transition().dueEffect() != DueEffect.CLOCK_STARTS || d.legalCode() != null) {
                return new Needs(draft, null, null, resultOf);
            }
            // the day the clock will start from, as the transaction computes it (Transition's CLOCK_STARTS)
            Instant start = event == DossierEvent.RECEIVE_BY_POST
                    ? handover(command.handoverSignedAt(), now)
                    : d.receivedAt() != null ? d.receivedAt() : now;
            return new Needs(draft, agencyOf(tree, d), WorkCalendar.localDate(start), resultOf);
        });
        if (needs.resultOf() != null) {
            ElectronicResultRule.requireAttached(needs.resultOf(), electronicResults.attached(needs.resultOf()));
        }
        PaymentRequests.RequestedPayment payment =
                needs.payment().map(paymentRequests::create).orElse(null);
        LegalCode code = needs.agencyCode() == null
                ? null
                : new LegalCode(
                        needs.agencyCode(),
                        needs.receptionDay(),
                        legalCodes.allocate(needs.agencyCode(), needs.receptionDay()));
        return new Prepared(payment, code);
    }

    private static String agencyOf(UnitTree tree, Dossier d) {
        return tree.find(d.receivingUnitCode())
                .orElseThrow(() -> new IllegalStateException("unit " + d.receivingUnitCode()))
                .agencyCode();
    }

    /**
     * Accepting a paper dossier that the desk sent back for a supplement before acceptance is its reception at the
     * counter or by post (ND61 Art 17(1)(c)): the same verb for the officer, the paper channel's row for the law.
     */
    private static DossierEvent effectiveEvent(DossierEvent requested, Dossier d) {
        if (requested == DossierEvent.ACCEPT && d.state() == DossierState.PRE_SUPPLEMENT) {
            return switch (d.channel()) {
                case COUNTER -> DossierEvent.RECEIVE_AT_COUNTER;
                case POSTAL -> DossierEvent.RECEIVE_BY_POST;
                case ONLINE -> DossierEvent.ACCEPT;
            };
        }
        return requested;
    }

    /**
     * The ground of a stop (Circular 03/2025 Art 7): the applicant's own request online, or the request filed
     * directly or by post that the desk records. An officer must name a ground the circular lists.
     */
    private static StopGround stopGround(Caller caller, String requested) {
        if (caller.hasRole(Roles.CITIZEN)) {
            return StopGround.forApplicant();
        }
        if (requested == null || requested.isBlank()) {
            throw DomainException.invalid("ground", "is required: the ground of the stop (Circular 03/2025 Art 7)");
        }
        StopGround ground = StopGround.valueOf(requested);
        if (!StopGround.recordableByOfficers().contains(ground)) {
            throw DomainException.invalid("ground", ground + " is the applicant's own online request");
        }
        return ground;
    }

    /** The hand-over time of a completed postal dossier: required, not in the future, at most 30 days old. */
    private static Instant handover(Instant signedAt, Instant now) {
        if (signedAt == null) {
            throw DomainException.invalid("handover_signed_at", "is required for postal reception");
        }
        if (signedAt.isAfter(now.plus(Duration.ofMinutes(5))) || signedAt.isBefore(now.minus(Duration.ofDays(30)))) {
            throw DomainException.invalid("handover_signed_at", "must be within the last 30 days");
        }
        return signedAt;
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
                .regime(d.regime())
                .receivedAt(d.receivedAt())
                .dueAt(d.dueAt())
                .extensionUsed(d.extensionUsed())
                .resultIssued(resultIssued)
                .withinSupplementWindow(withinSupplementWindow)
                .atLeastOneWorkingDayBeforeDue(apologyInTime)
                .build();
    }

    /**
     * Opens or ends the clock pause the decided row declares. Shared with the payment system's confirmation
     * (PaymentConfirmations) so that both follow the row, not a copy of it.
     */
    void applyPauseEffect(TransitionDecision.Allowed allowed, Dossier before, String reason, Instant now) {
        switch (allowed.transition().pauseEffect()) {
            case STARTS_SUPPLEMENT_PAUSE -> pauses.open(before.code(), PauseRepository.SUPPLEMENT, now, reason);
            case STARTS_FINANCIAL_OBLIGATION_PAUSE -> {
                if (procedure(before).financialObligationPausesClock()) {
                    pauses.open(before.code(), PauseRepository.FINANCIAL_OBLIGATION, now, reason);
                }
            }
            case ENDS_PAUSE -> pauses.closeOpen(before.code(), now);
            case NONE -> {
                // the clock runs on, or stays paused
            }
        }
    }

    private TimeLimit timeLimit(Dossier d) {
        return procedure(d).timeLimit();
    }

    /** The procedure version the dossier was filed under; package-private for PaymentConfirmations. */
    Procedure procedure(Dossier d) {
        return procedures
                .findVersion(d.procedureCode(), d.procedureVersion())
                .orElseThrow(() -> new IllegalStateException("procedure " + d.procedureCode() + " v"
                        + d.procedureVersion() + " of dossier " + d.code() + " is missing"));
    }
}
