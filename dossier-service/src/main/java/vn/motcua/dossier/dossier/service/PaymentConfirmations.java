package vn.motcua.dossier.dossier.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.DossierStateMachine;
import vn.motcua.dossier.dossier.domain.PaidPayment;
import vn.motcua.dossier.dossier.domain.PaymentSettlement;
import vn.motcua.dossier.dossier.domain.PaymentSettlement.Outcome;
import vn.motcua.dossier.dossier.domain.TransitionDecision;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.dossier.dossier.repository.DossierRepository.StoredDossier;
import vn.motcua.dossier.dossier.repository.PauseRepository;
import vn.motcua.dossier.dossier.repository.PaymentRequestRepository;
import vn.motcua.dossier.dossier.repository.PaymentRequestRepository.StoredPaymentRequest;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * A paid payment request meets the financial obligation it was made for (issue 11): the dossier goes from
 * AWAITING_PAYMENT back to IN_PROCESS exactly as if the officer had confirmed the e-receipt (clock pause ended, due
 * time moved where the procedure says so, history line, dossier.financial_obligation_fulfilled on the feed), with the
 * payment system as the actor and the receipt number as the reason.
 *
 * <p>Runs inside the feed consumer's transaction (FeedCursorStore.applyOnce), so the effect commits together with the
 * event-id dedup record and the cursor: a paid event redelivered, or delivered again after a restart, finds its event
 * id consumed and does nothing. Every other paid event (see {@link PaymentSettlement}) is recorded on the payment
 * request's row and otherwise ignored. A concurrent officer confirmation makes this transaction fail
 * (CONCURRENT_UPDATE); the consumer retries the event, which then finds the dossier no longer awaiting.
 */
@Singleton
public class PaymentConfirmations {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentConfirmations.class);

    private final TransactionOperations<Connection> tx;
    private final DossierRepository dossiers;
    private final PauseRepository pauses;
    private final PaymentRequestRepository payments;
    private final DeadlineCalculators deadlines;
    private final DossierFeed feed;
    private final WorkflowService workflow;
    private final Clock clock;
    private final DossierStateMachine machine = new DossierStateMachine();

    public PaymentConfirmations(
            TransactionOperations<Connection> tx,
            DossierRepository dossiers,
            PauseRepository pauses,
            PaymentRequestRepository payments,
            DeadlineCalculators deadlines,
            DossierFeed feed,
            WorkflowService workflow,
            Clock clock) {
        this.tx = tx;
        this.dossiers = dossiers;
        this.pauses = pauses;
        this.payments = payments;
        this.deadlines = deadlines;
        this.feed = feed;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** Applies a paid payment request to its dossier, in the caller's transaction if there is one. */
    public Outcome paid(PaidPayment paid) {
        return tx.executeWrite(status -> {
            Instant now = clock.instant();
            Optional<StoredPaymentRequest> request = payments.find(paid.paymentId());
            if (request.isEmpty()) {
                // payment-service made it but the workflow transaction that was to record it failed: keep the event,
                // so that the officer's retried verb (same payment) meets the obligation at once
                LOG.warn(
                        "payment.paid {} of payment {} for dossier {} arrived before the payment request was recorded;"
                                + " kept for its retried requirement",
                        paid.eventId(),
                        paid.paymentId(),
                        paid.dossierCode());
                payments.recordPaidBeforeRequested(
                        paid.paymentId(),
                        paid.dossierCode(),
                        paid.eventId(),
                        paid.receiptNumber(),
                        Outcome.UNKNOWN_PAYMENT.name(),
                        now);
                return Outcome.UNKNOWN_PAYMENT;
            }
            Optional<StoredDossier> stored = request.flatMap(r -> dossiers.findStored(r.dossierCode()))
                    .filter(s -> s.dossier().code().equals(paid.dossierCode())
                            || paid.dossierCode().equals(s.dossier().legalCode()));
            if (stored.isEmpty()) {
                // the row is another dossier's: left as it is, so an event naming the wrong dossier changes nothing
                LOG.warn(
                        "Ignoring payment.paid {} of payment {}: dossier-service requested no such payment for dossier"
                                + " {}",
                        paid.eventId(),
                        paid.paymentId(),
                        paid.dossierCode());
                return Outcome.UNKNOWN_PAYMENT;
            }
            Dossier before = stored.get().dossier();
            String current = payments.latestFor(before.code())
                    .map(StoredPaymentRequest::paymentId)
                    .orElse(null);
            Outcome outcome = PaymentSettlement.decide(before.state(), paid.paymentId(), true, current);
            if (outcome == Outcome.CONFIRMED) {
                confirm(stored.get(), paid, now);
            } else {
                LOG.info(
                        "Payment {} of dossier {} paid, obligation not confirmed by it: {} (dossier {})",
                        paid.paymentId(),
                        before.code(),
                        outcome,
                        before.state());
            }
            payments.settle(paid.paymentId(), paid.eventId(), paid.receiptNumber(), outcome.name(), now);
            return outcome;
        });
    }

    /**
     * The obligation just required of a dossier, met at once because its payment was paid before the requirement was
     * recorded ({@link PaymentRequestRepository#recordRequested}); in the workflow's transaction, after the
     * requirement's own history line and feed event, so the timeline reads required, then fulfilled. How it was paid
     * was not kept, so the reason names only the receipt and the payment.
     *
     * @return the dossier as it is now
     */
    Dossier paidBeforeRecorded(String dossierCode, String paymentId, Instant now) {
        StoredPaymentRequest request = payments.find(paymentId)
                .orElseThrow(() -> new IllegalStateException("payment request " + paymentId + " is not recorded"));
        StoredDossier stored = dossiers.findStored(dossierCode)
                .orElseThrow(() -> new IllegalStateException("dossier " + dossierCode + " is missing"));
        String current = payments.latestFor(dossierCode)
                .map(StoredPaymentRequest::paymentId)
                .orElse(null);
        Outcome outcome = PaymentSettlement.decide(stored.dossier().state(), paymentId, true, current);
        PaidPayment paid =
                new PaidPayment(request.paidEventId(), paymentId, dossierCode, request.receiptNumber(), null, null);
        Dossier result = stored.dossier();
        if (outcome == Outcome.CONFIRMED) {
            result = confirm(stored, paid, now);
        }
        payments.settle(paymentId, paid.eventId(), paid.receiptNumber(), outcome.name(), now);
        return result;
    }

    private Dossier confirm(StoredDossier stored, PaidPayment paid, Instant now) {
        Dossier before = stored.dossier();
        DeadlineCalculator calendar = deadlines.forUnit(before.competentUnitCode());
        TransitionDecision decision = machine.decideForSystem(
                before.state(), DossierEvent.OBLIGATION_FULFILLED, workflow.facts(before, calendar, now));
        TransitionDecision.Allowed allowed = DomainErrors.allowedOrThrow(decision);
        Dossier after = allowed.applyTo(
                before,
                now,
                null,
                new ProcedureDueTimes(
                        () -> calendar,
                        () -> workflow.procedure(before).timeLimit(),
                        () -> pauses.openSince(before.code(), PauseRepository.FINANCIAL_OBLIGATION)));
        boolean dueMoved = !Objects.equals(after.dueAt(), before.dueAt());
        if (!dossiers.update(after, before.state(), stored.version(), null, dueMoved, now)) {
            throw DomainException.of(
                    ErrorKind.ABORTED,
                    ErrorReason.CONCURRENT_UPDATE,
                    "dossier " + before.code() + " was changed meanwhile; the paid event is applied again");
        }
        // what the row declares (ENDS_PAUSE today), as for an officer's confirmation
        workflow.applyPauseEffect(allowed, before, null, now);
        dossiers.appendHistory(new DossierRepository.HistoryEntry(
                after.code(),
                DossierEvent.OBLIGATION_FULFILLED.name(),
                before.state().name(),
                after.state().name(),
                "system:" + PaymentSettlement.ACTOR_USERNAME,
                PaymentSettlement.ACTOR_USERNAME,
                null,
                "",
                PaymentSettlement.timelineReason(paid),
                now,
                paid.paymentId(),
                null,
                after.dueAt(),
                PaymentSettlement.ACTOR_NAME_VI));
        feed.append(
                allowed.feedEventType(),
                DossierEvent.OBLIGATION_FULFILLED.name(),
                after,
                before.state(),
                stored.submittedAt(),
                now,
                DossierFeed.Detail.NONE);
        return after;
    }
}
