package vn.motcua.payment.payment.service;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.payment.payment.domain.Attempt;
import vn.motcua.payment.payment.domain.Payment;
import vn.motcua.payment.payment.domain.PaymentEvent;
import vn.motcua.payment.payment.domain.PaymentState;
import vn.motcua.payment.payment.domain.PaymentStateMachine;
import vn.motcua.payment.payment.domain.Refund;
import vn.motcua.payment.payment.domain.RefundState;
import vn.motcua.payment.payment.repository.AttemptRepository;
import vn.motcua.payment.payment.repository.PaymentRepository;
import vn.motcua.payment.payment.repository.RefundRepository;
import vn.motcua.payment.provider.ProviderClient;
import vn.motcua.payment.provider.ProviderConfiguration;
import vn.motcua.platform.lease.Lease;
import vn.motcua.platform.lease.Leases;

/**
 * Settles what the provider never told us and expires what nobody paid, on the replica holding the database lease
 * {@code payment-sweep} (not an in-memory flag: with several replicas, one asks the provider). Each change happens
 * under the payment's row lock like a callback's, so a callback arriving meanwhile and the sweep never both settle an
 * attempt; correctness rests on that lock, the lease only saves duplicate provider queries.
 * <ol>
 *   <li>Open attempts (STARTED, SUBMITTED) past their provider window: the status query decides. Found with an
 *       outcome: settled like a callback. Pending: SUBMITTED (and TIME_OUT once pending for another whole window).
 *       Unknown to the provider: the payer never got there, TIME_OUT. Unreachable or badly signed: next time.</li>
 *   <li>Payments past {@code expires_at} in CREATED, FAILED_* or STARTED: EXPIRE, payment.expired.</li>
 *   <li>Online refunds left SUBMITTED (the provider did not answer): asked again with the same refund_ref.</li>
 * </ol>
 */
@Singleton
public class PaymentSweep {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentSweep.class);

    private final TransactionOperations<Connection> tx;
    private final PaymentRepository payments;
    private final AttemptRepository attempts;
    private final ProviderClient provider;
    private final ProviderOutcomes outcomes;
    private final PaymentFeed feed;
    private final PaymentCommands commands;
    private final RefundRepository refunds;
    private final ProviderConfiguration providerConfig;
    private final PaymentConfiguration config;
    private final Clock clock;
    private final Lease lease;
    private volatile Thread worker;
    private volatile boolean stopping;

    public PaymentSweep(
            TransactionOperations<Connection> tx,
            PaymentRepository payments,
            AttemptRepository attempts,
            ProviderClient provider,
            ProviderOutcomes outcomes,
            PaymentFeed feed,
            PaymentCommands commands,
            RefundRepository refunds,
            ProviderConfiguration providerConfig,
            PaymentConfiguration config,
            Clock clock,
            Leases leases) {
        this.tx = tx;
        this.payments = payments;
        this.attempts = attempts;
        this.provider = provider;
        this.outcomes = outcomes;
        this.feed = feed;
        this.commands = commands;
        this.refunds = refunds;
        this.providerConfig = providerConfig;
        this.config = config;
        this.clock = clock;
        this.lease = leases.named("payment-sweep");
    }

    public Lease lease() {
        return lease;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!config.isSweepEnabled() || worker != null) {
            return;
        }
        Thread thread = new Thread(this::loop, "payment-sweep");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        stopping = true;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            thread.join(2000);
            lease.release();
        }
    }

    private void loop() {
        while (!stopping) {
            try {
                if (lease.held()) {
                    // a pass may outlast the lease (motcua.lease.duration): asking before each provider call stops it
                    // once another
                    // replica may have taken over, so the two do not query the provider for the same orders
                    sweep(lease::held);
                }
            } catch (RuntimeException e) {
                if (stopping) {
                    return;
                }
                LOG.warn("Payment sweep failed; trying again at the next interval", e);
            }
            try {
                Thread.sleep(config.getSweepInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** What one pass did. */
    public record Result(int settled, int submitted, int expired, int unanswered) {}

    /** One pass, whether or not this replica holds the lease (tests call it directly). */
    public Result sweepOnce() {
        return sweep(() -> true);
    }

    /**
     * One pass that stops (with what it did so far) when {@code mayGoOn} says no before an attempt or a refund;
     * correctness does not depend on it, the row locks do, it only spares duplicate provider calls.
     */
    private Result sweep(BooleanSupplier mayGoOn) {
        int settled = 0;
        int submitted = 0;
        int unanswered = 0;
        for (Attempt stuck : tx.executeRead(status -> attempts.openPast(now(), config.getSweepBatch()))) {
            if (!mayGoOn.getAsBoolean()) {
                return stopped(settled, submitted, 0, unanswered);
            }
            ProviderClient.QueryAnswer answer;
            try {
                answer = provider.query(stuck.orderRef());
            } catch (ProviderClient.ProviderUnavailable e) {
                LOG.warn("Status query for {} failed: {}", stuck.orderRef(), e.getMessage());
                unanswered++;
                continue;
            }
            switch (decide(stuck, answer, now())) {
                case SETTLE -> {
                    // an outcome as the provider gives it; pending too long or never seen by the provider: timed out
                    boolean outcome = answer.found() && !answer.pending();
                    String code = outcome ? answer.transactionStatus() : "11";
                    long amount = outcome ? answer.amountDong() : stuck.amountDong();
                    ProviderOutcomes.Outcome o = outcomes.settle(
                            stuck.orderRef(), amount, code, answer.transactionNo(), answer.payDate(), "status query");
                    if ("00".equals(o.code())) {
                        settled++;
                    }
                }
                case SUBMIT -> {
                    // only a STARTED attempt changes; one already SUBMITTED waits for its second window without a
                    // write transaction every pass (markSubmitted checks again under the lock)
                    if (stuck.state() == PaymentState.STARTED && markSubmitted(stuck.orderRef())) {
                        submitted++;
                    }
                }
                case WAIT -> unanswered++;
            }
        }
        int expired = 0;
        for (String id : tx.executeRead(status -> payments.expirable(now(), config.getSweepBatch()))) {
            if (expire(id)) {
                expired++;
            }
        }
        // refunds whose provider call failed or timed out: asked again with the same refund_ref (the protocol's unique
        // key, so the provider refunds once); only those older than two request timeouts, so a call still in
        // flight on another thread is not repeated
        Instant askedBefore = now().minus(providerConfig.getRequestTimeout().multipliedBy(2));
        for (Refund pendingRefund :
                tx.executeRead(status -> refunds.submittedBefore(askedBefore, config.getSweepBatch()))) {
            if (!mayGoOn.getAsBoolean()) {
                return stopped(settled, submitted, expired, unanswered);
            }
            if (commands.askProvider(pendingRefund).refund().state() == RefundState.SUBMITTED) {
                unanswered++;
            }
        }
        if (settled + submitted + expired > 0) {
            LOG.info("Payment sweep: {} settled, {} submitted, {} expired", settled, submitted, expired);
        }
        return new Result(settled, submitted, expired, unanswered);
    }

    private static Result stopped(int settled, int submitted, int expired, int unanswered) {
        LOG.info(
                "Payment sweep stopped, the lease is no longer held: {} settled, {} submitted, {} expired",
                settled,
                submitted,
                expired);
        return new Result(settled, submitted, expired, unanswered);
    }

    enum Decision {
        SETTLE,
        SUBMIT,
        WAIT
    }

    /**
     * What a status answer means for an attempt past its window: an outcome settles it; "pending" marks it
     * SUBMITTED until a second window has passed, then it timed out; "order not found" means the payer never reached
     * the provider, whose window is over: timed out. Anything else (97: our query's signature refused) waits.
     */
    Decision decide(Attempt attempt, ProviderClient.QueryAnswer answer, Instant now) {
        if (answer.found() && !answer.pending()) {
            return Decision.SETTLE;
        }
        if (answer.pending()) {
            Instant giveUp = attempt.expireAt().plus(config.getAttemptTimeout());
            return now.isAfter(giveUp) ? Decision.SETTLE : Decision.SUBMIT;
        }
        if ("01".equals(answer.responseCode())) {
            return Decision.SETTLE;
        }
        LOG.warn("Status query for {} answered {}: trying again later", attempt.orderRef(), answer.responseCode());
        return Decision.WAIT;
    }

    private boolean markSubmitted(String orderRef) {
        return tx.executeWrite(status -> {
            Attempt known = attempts.find(orderRef).orElseThrow();
            Payment payment = payments.lock(known.paymentId()).orElseThrow();
            Attempt attempt = attempts.lock(orderRef).orElseThrow();
            if (attempt.state() != PaymentState.STARTED) {
                return false;
            }
            outcomes.submitted(payment, attempt, now());
            return true;
        });
    }

    private boolean expire(String id) {
        return tx.executeWrite(status -> {
            Instant now = now();
            Payment before = payments.lock(id).orElseThrow();
            if (before.expiresAt().isAfter(now)
                    || PaymentStateMachine.target(before.state(), PaymentEvent.EXPIRE)
                            .isEmpty()) {
                return false;
            }
            Payment after = before.expire(now);
            payments.update(after);
            feed.append(PaymentEvent.EXPIRE.feedEventType(), after, null, null, now);
            return true;
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
