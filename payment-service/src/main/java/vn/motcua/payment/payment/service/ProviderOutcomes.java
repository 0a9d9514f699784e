package vn.motcua.payment.payment.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.payment.payment.domain.Attempt;
import vn.motcua.payment.payment.domain.Payment;
import vn.motcua.payment.payment.domain.PaymentEvent;
import vn.motcua.payment.payment.domain.PaymentState;
import vn.motcua.payment.payment.repository.AttemptRepository;
import vn.motcua.payment.payment.repository.PaymentRepository;
import vn.motcua.payment.provider.CallbackVerifier;
import vn.motcua.payment.provider.ProviderConfiguration;
import vn.motcua.payment.provider.ProviderNotification;
import vn.motcua.payment.receipt.domain.Receipt;
import vn.motcua.payment.receipt.service.ReceiptIssuer;

/**
 * What the provider tells us about an attempt: its notification (IPN), the payer's return and the status query all
 * end here. Everything is verified before anything is read for writing (signature, merchant, currency, then order
 * and amount); a refused message changes nothing, is logged, and gets the code the provider expects.
 *
 * <p>Exactly once: the payment row and then the attempt row are locked ({@code FOR UPDATE}), and only an open
 * attempt (STARTED, SUBMITTED) is settled, by an update conditional on its state. Of 100 concurrent deliveries of one
 * notification, the first settles the attempt, marks the payment paid, issues the receipt and writes one
 * {@code payment.paid}, all in one transaction; the 99 others wait on the lock, find the attempt settled and answer
 * "02" (already confirmed). The answer is built only after the commit: a crash before it leaves nothing committed
 * and no answer, so the provider redelivers and the redelivery is applied once.
 */
@Singleton
public class ProviderOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderOutcomes.class);

    private final TransactionOperations<Connection> tx;
    private final PaymentRepository payments;
    private final AttemptRepository attempts;
    private final ReceiptIssuer receipts;
    private final PaymentFeed feed;
    private final ProviderConfiguration provider;
    private final CallbackFaults faults;
    private final Clock clock;

    public ProviderOutcomes(
            TransactionOperations<Connection> tx,
            PaymentRepository payments,
            AttemptRepository attempts,
            ReceiptIssuer receipts,
            PaymentFeed feed,
            ProviderConfiguration provider,
            CallbackFaults faults,
            Clock clock) {
        this.tx = tx;
        this.payments = payments;
        this.attempts = attempts;
        this.receipts = receipts;
        this.feed = feed;
        this.provider = provider;
        this.faults = faults;
        this.clock = clock;
    }

    /**
     * What to answer the provider, and the payment concerned when the message was genuine.
     *
     * @param code    the protocol's RspCode: 00 confirmed, 01 order not found, 02 already confirmed, 04 invalid
     *                amount, 97 invalid signature, 99 other
     */
    public record Outcome(String code, String message, String paymentId) {

        public boolean verified() {
            return paymentId != null;
        }
    }

    /** The provider's server-to-server notification, or (same parameters) the payer's return. */
    public Outcome notification(Map<String, String> params, String source) {
        CallbackVerifier.Result result =
                new CallbackVerifier(provider.signer(), provider.getMerchantId()).verify(params);
        if (result instanceof CallbackVerifier.Rejected r) {
            LOG.warn(
                    "Provider {} refused ({}): {}; order_ref={} amount={} response_code={}",
                    source,
                    r.providerCode(),
                    r.reason(),
                    printable(params.get("order_ref")),
                    printable(params.get("amount")),
                    printable(params.get("response_code")));
            return new Outcome(r.providerCode(), message(r.providerCode()), null);
        }
        ProviderNotification n = ((CallbackVerifier.Verified) result).notification();
        return settle(n.orderRef(), n.amountDong(), n.responseCode(), n.transactionNo(), n.payDate(), source);
    }

    /**
     * Settles an open attempt with a verified outcome (notification, return or status query).
     *
     * @param responseCode the provider's code of the transaction (00 success, 24, 51, 11, 99)
     */
    public Outcome settle(
            String orderRef,
            long amountDong,
            String responseCode,
            String transactionNo,
            Instant payDate,
            String source) {
        Optional<Attempt> known = tx.executeRead(status -> attempts.find(orderRef));
        if (known.isEmpty()) {
            LOG.warn("Provider {} about an unknown order {}", source, printable(orderRef));
            return new Outcome("01", message("01"), null);
        }
        String paymentId = known.get().paymentId();
        return tx.executeWrite(status -> {
            Instant now = now();
            Payment payment = payments.lock(paymentId).orElseThrow();
            Attempt attempt = attempts.lock(orderRef).orElseThrow();
            if (attempt.amountDong() != amountDong) {
                LOG.warn(
                        "Provider {} for {} with amount {} but the order is {}: refused",
                        source,
                        orderRef,
                        amountDong,
                        attempt.amountDong());
                return new Outcome("04", message("04"), null);
            }
            if (!attempt.state().open()) {
                if ("00".equals(responseCode) && attempt.state() != PaymentState.SUCCESS) {
                    // the provider took the money for an attempt we already closed (the sweep timed it out, or it
                    // failed earlier): the state stays, as nothing may be settled twice, but the provider's
                    // transaction is kept on the row so that reconciliation and officers find what to refund
                    attempts.recordLateOutcome(attempt.orderRef(), attempt.state(), transactionNo, responseCode);
                    LOG.error(
                            "Provider {} says attempt {} of payment {} was paid but it was settled as {} ({}):"
                                    + " the payer must be refunded by an officer; transaction_no={}",
                            source,
                            orderRef,
                            paymentId,
                            attempt.state(),
                            attempt.responseCode(),
                            printable(transactionNo));
                } else if (!responseCode.equals(attempt.responseCode())) {
                    LOG.warn(
                            "Provider {} for {} says {} but the attempt was settled as {} ({}): nothing changes",
                            source,
                            orderRef,
                            responseCode,
                            attempt.state(),
                            attempt.responseCode());
                } else {
                    LOG.info("Provider {} for {} repeated; already {}", source, orderRef, attempt.state());
                }
                return new Outcome("02", message("02"), paymentId);
            }
            PaymentEvent event = PaymentEvent.ofProviderCode(responseCode);
            apply(payment, attempt, event, responseCode, transactionNo, payDate == null ? now : payDate, now);
            faults.beforeCommit(orderRef);
            LOG.info("Provider {} for {}: {} ({})", source, orderRef, event, responseCode);
            return new Outcome("00", message("00"), paymentId);
        });
    }

    /**
     * The outcome of an open attempt, inside the caller's transaction with the payment and attempt locked. The
     * attempt always settles; the payment follows when the attempt is its current one and the payment still waits
     * for it. A success of an attempt whose payment has moved on (expired or cancelled meanwhile) is recorded on the
     * attempt, where reconciliation sees it, and logged as an error: the money was taken and must be refunded by an
     * officer.
     */
    void apply(
            Payment payment,
            Attempt attempt,
            PaymentEvent event,
            String responseCode,
            String transactionNo,
            Instant settledAt,
            Instant now) {
        Attempt settled = attempt.settled(event, transactionNo, settledAt, responseCode);
        if (!attempts.update(settled, attempt.state())) {
            throw new IllegalStateException("attempt " + attempt.orderRef() + " changed while its payment was locked");
        }
        boolean current = payment.currentAttempt() == attempt.attemptNo()
                && payment.state().open();
        if (!current) {
            if (event == PaymentEvent.AUTHORISE) {
                LOG.error(
                        "Attempt {} was paid but payment {} is {}: the payer must be refunded by an officer",
                        attempt.orderRef(),
                        payment.id(),
                        payment.state());
            }
            return;
        }
        Payment after = payment.settleOnline(event, attempt.amountDong(), transactionNo, now);
        payments.update(after);
        if (after.state() == PaymentState.SUCCESS) {
            Receipt receipt = receipts.issue(after.id(), after.unitCode(), attempt.amountDong(), now);
            feed.append(event.feedEventType(), after, receipt.number(), null, now);
        } else {
            feed.append(event.feedEventType(), after, null, null, now);
        }
    }

    /** The sweep: the provider says the order is pending; STARTED becomes SUBMITTED (payment and attempt). */
    void submitted(Payment payment, Attempt attempt, Instant now) {
        if (attempt.state() != PaymentState.STARTED) {
            return;
        }
        if (!attempts.update(attempt.submitted(now), attempt.state())) {
            throw new IllegalStateException("attempt " + attempt.orderRef() + " changed while its payment was locked");
        }
        if (payment.currentAttempt() == attempt.attemptNo() && payment.state() == PaymentState.STARTED) {
            payments.update(payment.submit(now));
        }
    }

    static String message(String code) {
        return switch (code) {
            case "00" -> "Confirm Success";
            case "01" -> "Order not found";
            case "02" -> "Order already confirmed";
            case "04" -> "Invalid amount";
            case "97" -> "Invalid signature";
            default -> "Unknown error";
        };
    }

    /** Untrusted text for a log line: bounded and without control characters. */
    private static String printable(String s) {
        if (s == null) {
            return "-";
        }
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
