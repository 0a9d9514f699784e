package vn.motcua.payment.provider;

import java.time.Instant;

/**
 * A notification or return (protocol sections 2 and 3) whose signature, merchant and currency were verified.
 * The amount is checked against the attempt by the caller, which knows it.
 *
 * @param payDate the provider's pay date, null when absent or unreadable
 */
public record ProviderNotification(
        String orderRef, long amountDong, String responseCode, String transactionNo, Instant payDate) {}
