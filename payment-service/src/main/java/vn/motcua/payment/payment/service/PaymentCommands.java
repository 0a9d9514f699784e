package vn.motcua.payment.payment.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.payment.payment.domain.Attempt;
import vn.motcua.payment.payment.domain.FeeLine;
import vn.motcua.payment.payment.domain.Payment;
import vn.motcua.payment.payment.domain.PaymentAccess;
import vn.motcua.payment.payment.domain.PaymentChannel;
import vn.motcua.payment.payment.domain.PaymentEvent;
import vn.motcua.payment.payment.domain.PaymentState;
import vn.motcua.payment.payment.domain.PaymentStateMachine;
import vn.motcua.payment.payment.domain.Refund;
import vn.motcua.payment.payment.domain.RefundState;
import vn.motcua.payment.payment.repository.AttemptRepository;
import vn.motcua.payment.payment.repository.PaymentRepository;
import vn.motcua.payment.payment.repository.RefundRepository;
import vn.motcua.payment.provider.PaymentRedirect;
import vn.motcua.payment.provider.ProviderClient;
import vn.motcua.payment.provider.ProviderConfiguration;
import vn.motcua.payment.receipt.domain.Receipt;
import vn.motcua.payment.receipt.service.ReceiptIssuer;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.idempotency.RequestIdempotency;
import vn.motcua.platform.ids.RandomCodes;

/**
 * Payment commands. Each checks the caller's role and the request's fields before anything is read, then, in one
 * transaction: claims the request id (first statement, so a concurrent duplicate waits on it), locks the payment
 * (NOT_FOUND when outside the caller's scope), checks {@code expected_revision}, asks the state graph, and writes the
 * change with its change-feed event. A refusal rolls everything back, the claim included.
 */
@Singleton
public class PaymentCommands {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentCommands.class);

    static final String CREATE = "CreatePaymentRequest";
    static final String START = "StartOnlinePayment";
    static final String COUNTER = "RecordCounterPayment";
    static final String CANCEL = "CancelPayment";
    static final String REFUND = "RefundPayment";

    /** Officers whose token may create a payment request (forwarded by dossier-service). */
    static final Set<String> REQUESTERS =
            Set.of(Roles.RECEPTION_OFFICER, Roles.SPECIALIST, Roles.UNIT_LEADER, Roles.CLERK);

    private final TransactionOperations<Connection> tx;
    private final PaymentRepository payments;
    private final AttemptRepository attempts;
    private final RefundRepository refunds;
    private final ReceiptIssuer receipts;
    private final RequestIdempotency idempotency;
    private final PaymentFeed feed;
    private final PaymentConfiguration config;
    private final ProviderConfiguration provider;
    private final ProviderClient providerClient;
    private final Clock clock;

    public PaymentCommands(
            TransactionOperations<Connection> tx,
            PaymentRepository payments,
            AttemptRepository attempts,
            RefundRepository refunds,
            ReceiptIssuer receipts,
            RequestIdempotency idempotency,
            PaymentFeed feed,
            PaymentConfiguration config,
            ProviderConfiguration provider,
            ProviderClient providerClient,
            Clock clock) {
        this.tx = tx;
        this.payments = payments;
        this.attempts = attempts;
        this.refunds = refunds;
        this.receipts = receipts;
        this.idempotency = idempotency;
        this.feed = feed;
        this.config = config;
        this.provider = provider;
        this.providerClient = providerClient;
        this.clock = clock;
    }

    /** {@code PAY-} and 20 random base32 characters (100 bits): not guessable, not sequential. */
    static String newPaymentId() {
        return "PAY-" + RandomCodes.base32(20);
    }

    /** {@code RF-} and 24 random base32 characters (120 bits), like a payment id: a refund's id is not guessable. */
    static String newRefundId() {
        return "RF-" + RandomCodes.base32(24);
    }

    /**
     * A payment request for a dossier's fees, asked by dossier-service with the officer's token (the officer's unit
     * must be on the unit path) or by one of the configured requester service accounts.
     */
    public PaymentView create(Caller caller, CreatePaymentCommand c) {
        // a service account's own token (Keycloak names its user service-account-<client>), not a person's token
        // issued through that client
        boolean service = config.getRequesterClients().contains(caller.clientId())
                && caller.username() != null
                && caller.username().equals("service-account-" + caller.clientId());
        if (!service && !caller.hasAnyRole(REQUESTERS)) {
            throw DomainException.permissionDenied("only officers and dossier-service create payment requests");
        }
        PaymentValidator v = PaymentValidator.start()
                .text("request_id", c.requestId(), true, 128)
                .matches("dossier_code", c.dossierCode(), PaymentValidator.CODE, true)
                .matches("unit_code", c.unitCode(), PaymentValidator.UNIT, true)
                .matches("procedure_code", c.procedureCode(), PaymentValidator.CODE, true)
                .text("payer_name", c.payerName(), true, 300)
                .matches("payer_citizen_id", c.payerCitizenId(), PaymentValidator.CITIZEN_ID, false)
                .check(!c.lines().isEmpty(), "lines", "at least one fee line is required")
                .check(c.lines().size() <= 50, "lines", "at most 50 fee lines")
                .check(
                        c.onlineDiscountPercent() >= 0 && c.onlineDiscountPercent() <= 100,
                        "online_discount_percent",
                        "must be between 0 and 100")
                .check(c.unitPath().size() <= 10, "unit_path", "at most 10 units");
        for (int i = 0; i < c.unitPath().size(); i++) {
            v.matches("unit_path[" + i + "]", c.unitPath().get(i), PaymentValidator.UNIT, true);
        }
        for (int i = 0; i < c.lines().size(); i++) {
            CreatePaymentCommand.Line line = c.lines().get(i);
            v.text("lines[" + i + "].name", line.name(), true, 500)
                    .amount("lines[" + i + "].amount", line.amountDong(), line.currency(), line.amountPresent())
                    .text("lines[" + i + "].legal_basis", line.legalBasis(), false, 500);
        }
        v.done();
        List<String> path = unitPath(c.unitPath(), c.unitCode());
        if (!service && (caller.unit().isEmpty() || !path.contains(caller.unit().get()))) {
            // the dossier is outside the officer's subtree: as for every read, it does not exist for them
            throw DomainException.notFound("unit " + c.unitCode());
        }
        Instant now = now();
        List<FeeLine> lines =
                c.lines().stream().map(CreatePaymentCommand.Line::fee).toList();
        return tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = idempotency.claim(caller, CREATE, c.requestId(), c.fingerprint(), now);
            if (claim.isReplay()) {
                return view(payments.find(claim.resultRef()).orElseThrow());
            }
            Payment created = Payment.create(
                    newPaymentId(),
                    c.dossierCode(),
                    c.unitCode(),
                    path,
                    c.procedureCode(),
                    c.payerName().strip(),
                    blankToNull(c.payerCitizenId()),
                    lines,
                    c.onlineDiscountPercent(),
                    now,
                    now.plus(config.getExpiresAfter()));
            payments.insert(created, caller.subject());
            claim.complete(created.id());
            feed.append(PaymentFeed.REQUESTED, created, null, null, now);
            return new PaymentView(created, null, List.of());
        });
    }

    /** The ancestry as given (duplicates dropped) ending with the unit itself. */
    static List<String> unitPath(List<String> given, String unitCode) {
        List<String> path = new ArrayList<>();
        for (String u : given) {
            if (!u.equals(unitCode) && !path.contains(u)) {
                path.add(u);
            }
        }
        path.add(unitCode);
        return path;
    }

    /** The redirect the payer follows, with the payment after the attempt began. */
    public record Started(PaymentView payment, String redirectUrl) {}

    /**
     * The payer starts (or, after a failure, restarts) paying online: a new attempt {@code <id>-<n>} for the online
     * amount, whose provider window ends at the attempt timeout or the payment's expiry, whichever is first.
     */
    public Started startOnline(
            Caller caller, String requestId, String id, String returnUrl, String locale, String clientIp) {
        if (!caller.hasRole(Roles.CITIZEN)) {
            throw DomainException.permissionDenied("only the payer starts an online payment");
        }
        String lang = locale == null || locale.isEmpty() ? "vn" : locale;
        PaymentValidator.start()
                .text("id", id, true, 32)
                .text("return_url", returnUrl, true, 1000)
                .check(
                        returnUrl == null
                                || returnUrl.isEmpty()
                                || config.getReturnUrlPrefixes().stream().anyMatch(returnUrl::startsWith),
                        "return_url",
                        "must start with one of the allowed return URL prefixes")
                .check("vn".equals(lang) || "en".equals(lang), "locale", "must be vn or en")
                .matches("client_ip", clientIp, PaymentValidator.CLIENT_IP, true)
                .text("request_id", requestId, false, 128)
                .done();
        Instant now = now();
        String fingerprint = RequestIdempotency.fingerprint(id, returnUrl, lang, clientIp);
        return tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = idempotency.claim(caller, START, requestId, fingerprint, now);
            if (claim.isReplay()) {
                Attempt attempt = attempts.find(claim.resultRef()).orElseThrow();
                return new Started(view(payments.find(attempt.paymentId()).orElseThrow()), attempt.redirectUrl());
            }
            Payment before = payments.lock(id)
                    .filter(p -> PaymentAccess.payer(p, caller.roles(), caller.citizenId()))
                    .orElseThrow(PaymentErrors::notFound);
            if (!before.expiresAt().isAfter(now)) {
                throw PaymentErrors.rule("not_expired", "the payment request expired at " + before.expiresAt());
            }
            Payment after = before.startOnline(now);
            if (after.onlineAmountDong() == 0) {
                // a 100% online discount (or nothing owed) would send the payer to the provider for a 0-đồng order,
                // which the provider cannot collect and which would leave nothing to confirm the payment
                throw PaymentErrors.rule(
                        "nothing_to_pay_online",
                        "the online amount is 0 đồng (" + before.onlineDiscountPercent()
                                + "% online discount): there is nothing to pay online");
            }
            int attemptNo = after.currentAttempt();
            Instant expireAt = min(now.plus(config.getAttemptTimeout()), after.expiresAt());
            String orderRef = after.orderRef(attemptNo);
            String redirect = PaymentRedirect.url(
                    provider,
                    new PaymentRedirect.Order(
                            orderRef,
                            after.onlineAmountDong(),
                            "Thanh toán phí, lệ phí hồ sơ " + after.dossierCode(),
                            returnUrl,
                            now,
                            expireAt,
                            lang,
                            clientIp));
            attempts.insert(new Attempt(
                    orderRef,
                    after.id(),
                    attemptNo,
                    PaymentState.STARTED,
                    after.onlineAmountDong(),
                    null,
                    returnUrl,
                    redirect,
                    now,
                    expireAt,
                    null,
                    null,
                    null));
            payments.update(after);
            claim.complete(orderRef);
            return new Started(view(after), redirect);
        });
    }

    /** A reception officer records the full amount received at the desk or by post; the receipt is issued. */
    public PaymentView recordCounter(
            Caller caller,
            String requestId,
            String id,
            PaymentChannel channel,
            long amountDong,
            String currency,
            boolean amountPresent,
            String note,
            Long expectedRevision) {
        requireCashier(caller);
        PaymentValidator.start()
                .text("id", id, true, 32)
                .check(channel != null && channel.counter(), "channel", "must be COUNTER_CASH, COUNTER_CARD or POSTAL")
                .amount("amount", amountDong, currency, amountPresent)
                .text("note", note, false, 300)
                .text("request_id", requestId, false, 128)
                .done();
        Instant now = now();
        String fingerprint = RequestIdempotency.fingerprint(id, channel, amountDong, note, expectedRevision);
        return tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = idempotency.claim(caller, COUNTER, requestId, fingerprint, now);
            if (claim.isReplay()) {
                return view(payments.find(claim.resultRef()).orElseThrow());
            }
            Payment before = lockAsCashier(caller, id, expectedRevision);
            PaymentStateMachine.next(before.state(), PaymentEvent.RECORD_COUNTER);
            if (amountDong != before.amountDong()) {
                throw DomainException.invalid(
                        "amount.amount", "must equal the amount owed, " + before.amountDong() + " đồng");
            }
            Payment after = before.recordCounter(channel, blankToNull(note), now);
            payments.update(after);
            Receipt receipt = receipts.issue(after.id(), after.unitCode(), after.paidAmountDong(), now);
            claim.complete(after.id());
            feed.append(PaymentEvent.RECORD_COUNTER.feedEventType(), after, receipt.number(), null, now);
            return new PaymentView(after, receipt, refunds.ofPayment(after.id()));
        });
    }

    /** A reception officer waives a request nobody is paying (CREATED, failed, or ERROR after a look). */
    public PaymentView cancel(Caller caller, String requestId, String id, String reason, Long expectedRevision) {
        requireCashier(caller);
        PaymentValidator.start()
                .text("id", id, true, 32)
                .text("reason", reason, true, 1000)
                .text("request_id", requestId, false, 128)
                .done();
        Instant now = now();
        String fingerprint = RequestIdempotency.fingerprint(id, reason, expectedRevision);
        return tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = idempotency.claim(caller, CANCEL, requestId, fingerprint, now);
            if (claim.isReplay()) {
                return view(payments.find(claim.resultRef()).orElseThrow());
            }
            Payment before = lockAsCashier(caller, id, expectedRevision);
            Payment after = before.cancel(reason.strip(), now);
            payments.update(after);
            claim.complete(after.id());
            feed.append(PaymentEvent.CANCEL.feedEventType(), after, null, null, now);
            return view(after);
        });
    }

    /** The payment after a refund was asked for, and that refund. */
    public record Refunded(PaymentView payment, Refund refund) {}

    /**
     * A full or partial refund of a paid payment: at most what was paid less what was refunded or is being
     * refunded. A counter payment is refunded at the desk, so the refund succeeds at once. An online one is asked of
     * the provider after the refund row (SUBMITTED) has committed, then settled in a second transaction: a crash in
     * between leaves it SUBMITTED, holding its amount, never refunded twice.
     */
    public Refunded refund(
            Caller caller,
            String requestId,
            String id,
            long amountDong,
            String currency,
            boolean amountPresent,
            String reason,
            Long expectedRevision) {
        requireCashier(caller);
        PaymentValidator.start()
                .text("id", id, true, 32)
                .amount("amount", amountDong, currency, amountPresent)
                .text("reason", reason, true, 1000)
                .text("request_id", requestId, false, 128)
                .done();
        Instant now = now();
        String fingerprint = RequestIdempotency.fingerprint(id, amountDong, reason, expectedRevision);
        Refunded submitted = tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = idempotency.claim(caller, REFUND, requestId, fingerprint, now);
            if (claim.isReplay()) {
                Refund earlier = refunds.find(claim.resultRef()).orElseThrow();
                return new Refunded(view(payments.find(earlier.paymentId()).orElseThrow()), earlier);
            }
            Payment before = lockAsCashier(caller, id, expectedRevision);
            if (before.state() != PaymentState.SUCCESS) {
                throw new DomainException(
                        ErrorKind.FAILED_PRECONDITION,
                        ErrorReason.ILLEGAL_TRANSITION,
                        "cannot refund a payment in state " + before.state(),
                        java.util.Map.of("from", before.state().name(), "event", "REFUND"),
                        List.of());
            }
            long available = before.refundableDong() - refunds.pendingDong(before.id());
            if (amountDong > available) {
                throw PaymentErrors.rule(
                        "refund_within_paid",
                        "at most " + available + " đồng may be refunded (paid less refunded and pending refunds)");
            }
            Refund refund = new Refund(
                    newRefundId(),
                    before.id(),
                    amountDong,
                    reason.strip(),
                    RefundState.SUBMITTED,
                    caller.username() == null ? caller.subject() : caller.username(),
                    now,
                    null,
                    null);
            refunds.insert(refund);
            claim.complete(refund.id());
            if (before.channel() != PaymentChannel.ONLINE) {
                Refund done = refund.settled(true, now, null);
                refunds.update(done);
                Payment after = before.refunded(amountDong, now);
                payments.update(after);
                Receipt receipt = receipts.ofPayment(after.id()).orElse(null);
                feed.append(PaymentFeed.REFUNDED, after, receipt == null ? null : receipt.number(), amountDong, now);
                return new Refunded(view(after), done);
            }
            Payment after = before.touch(now);
            payments.update(after);
            return new Refunded(view(after), refund);
        });
        if (submitted.refund().state() != RefundState.SUBMITTED) {
            return submitted;
        }
        return askProvider(submitted.refund());
    }

    /** Asks the provider for a SUBMITTED online refund and settles it by its answer; unreachable: stays SUBMITTED. */
    Refunded askProvider(Refund refund) {
        Attempt paid = tx.executeRead(status -> attempts.paidAttempt(refund.paymentId()))
                .orElseThrow();
        ProviderClient.RefundAnswer answer;
        try {
            answer = providerClient.refund(paid.orderRef(), refund.id(), refund.amountDong());
        } catch (ProviderClient.ProviderUnavailable e) {
            LOG.warn(
                    "Refund {} of {}: provider unavailable, stays SUBMITTED: {}",
                    refund.id(),
                    paid.orderRef(),
                    e.getMessage());
            return tx.executeRead(status ->
                    new Refunded(view(payments.find(refund.paymentId()).orElseThrow()), refund));
        }
        return tx.executeWrite(status -> {
            Instant now = now();
            Payment before = payments.lock(refund.paymentId()).orElseThrow();
            Refund current = refunds.find(refund.id()).orElseThrow();
            if (current.state() != RefundState.SUBMITTED) {
                return new Refunded(view(before), current);
            }
            Refund settled = current.settled(answer.done(), now, answer.responseCode());
            refunds.update(settled);
            Payment after;
            if (answer.done()) {
                after = before.refunded(settled.amountDong(), now);
                Receipt receipt = receipts.ofPayment(after.id()).orElse(null);
                payments.update(after);
                feed.append(
                        PaymentFeed.REFUNDED,
                        after,
                        receipt == null ? null : receipt.number(),
                        settled.amountDong(),
                        now);
            } else {
                LOG.warn("Refund {} refused by the provider with code {}", refund.id(), answer.responseCode());
                after = before.touch(now);
                payments.update(after);
            }
            return new Refunded(view(after), settled);
        });
    }

    private static void requireCashier(Caller caller) {
        if (!caller.hasAnyRole(PaymentAccess.CASHIERS)) {
            throw DomainException.permissionDenied("only reception officers record, cancel or refund payments");
        }
    }

    private Payment lockAsCashier(Caller caller, String id, Long expectedRevision) {
        Payment p = payments.lock(id)
                .filter(x -> PaymentAccess.officerInScope(
                        x, caller.roles(), PaymentAccess.CASHIERS, caller.unit().orElse(null)))
                .orElseThrow(PaymentErrors::notFound);
        if (expectedRevision != null && expectedRevision != p.revision()) {
            throw PaymentErrors.stale(expectedRevision, p.revision());
        }
        return p;
    }

    PaymentView view(Payment p) {
        return new PaymentView(p, receipts.ofPayment(p.id()).orElse(null), refunds.ofPayment(p.id()));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
