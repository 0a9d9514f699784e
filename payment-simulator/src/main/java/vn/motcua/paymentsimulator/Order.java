package vn.motcua.paymentsimulator;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One payment order as the provider knows it, from the payer's first visit of the pay page. Mutable, guarded by its
 * own monitor: the pay page, the decision, refunds and deliveries of its notifications may race.
 */
public final class Order {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    final String merchantId;
    final String orderRef;
    final long amount;
    final String currency;
    final String orderInfo;
    final String returnUrl;
    final String notifyUrl;
    final LocalDateTime expireAt;
    final String locale;
    /** Proof that a decision comes from the page that was shown for this order. */
    final String ticket;

    private Outcome outcome = Outcome.PENDING;
    private String transactionNo = "";
    private LocalDateTime payDate;
    private final Map<String, Long> refunds = new LinkedHashMap<>();
    private final List<String> deliveries = new ArrayList<>();

    Order(
            String merchantId,
            String orderRef,
            long amount,
            String currency,
            String orderInfo,
            String returnUrl,
            String notifyUrl,
            LocalDateTime expireAt,
            String locale,
            String ticket) {
        this.merchantId = merchantId;
        this.orderRef = orderRef;
        this.amount = amount;
        this.currency = currency;
        this.orderInfo = orderInfo;
        this.returnUrl = returnUrl;
        this.notifyUrl = notifyUrl;
        this.expireAt = expireAt;
        this.locale = locale;
        this.ticket = ticket;
    }

    /** Whether a repeated /pay for this order_ref asks for the same order (else the reference is reused). */
    boolean sameOrder(long amount, String currency, String returnUrl, String notifyUrl) {
        return this.amount == amount
                && this.currency.equals(currency)
                && this.returnUrl.equals(returnUrl)
                && this.notifyUrl.equals(notifyUrl);
    }

    /**
     * Records the outcome once; a later decision changes nothing.
     *
     * @return true when this call decided the order
     */
    synchronized boolean decide(Outcome outcome, String transactionNo, LocalDateTime now) {
        if (this.outcome != Outcome.PENDING) {
            return false;
        }
        this.outcome = outcome;
        this.transactionNo = transactionNo;
        this.payDate = now;
        return true;
    }

    synchronized Outcome outcome() {
        return outcome;
    }

    /** The outcome as the provider reports it now: a pending order past its expiry has timed out. */
    synchronized Outcome outcomeAt(LocalDateTime now) {
        return outcome == Outcome.PENDING && now.isAfter(expireAt) ? Outcome.TIMED_OUT : outcome;
    }

    synchronized String transactionNo() {
        return transactionNo;
    }

    synchronized LocalDateTime payDate() {
        return payDate;
    }

    /** Notification (and return) parameters, unsigned; the order must be decided. */
    synchronized Map<String, String> result() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("merchant_id", merchantId);
        p.put("order_ref", orderRef);
        p.put("amount", Long.toString(amount));
        p.put("currency", currency);
        p.put("response_code", outcome.code());
        p.put("transaction_no", transactionNo);
        p.put("pay_date", payDate == null ? "" : payDate.format(STAMP));
        return p;
    }

    /** 00 done (also for a repeated refund_ref with the same amount), 02 amount too large or refund_ref reused. */
    synchronized String refund(String refundRef, long refundAmount) {
        Long earlier = refunds.get(refundRef);
        if (earlier != null) {
            return earlier == refundAmount ? "00" : "02";
        }
        long refunded = refunds.values().stream().mapToLong(Long::longValue).sum();
        if (refundAmount > amount - refunded) {
            return "02";
        }
        refunds.put(refundRef, refundAmount);
        return "00";
    }

    synchronized void delivered(String line) {
        deliveries.add(line);
    }

    synchronized Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("order_ref", orderRef);
        m.put("amount", amount);
        m.put("outcome", outcome.name());
        m.put("response_code", outcome.code());
        m.put("transaction_no", transactionNo);
        m.put("pay_date", payDate == null ? "" : payDate.format(STAMP));
        m.put("refunds", new LinkedHashMap<>(refunds));
        m.put("deliveries", List.copyOf(deliveries));
        return m;
    }
}
