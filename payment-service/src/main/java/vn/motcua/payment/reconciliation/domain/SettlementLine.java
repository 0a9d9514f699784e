package vn.motcua.payment.reconciliation.domain;

import java.time.LocalDateTime;

/**
 * One line of the provider's settlement file (docs/payment-provider-protocol.md section 6), validated.
 *
 * @param line    its line number in the file (the header is line 1)
 * @param payDate the provider's pay_date, Asia/Ho_Chi_Minh wall-clock time as written in the file
 */
public record SettlementLine(
        int line,
        String orderRef,
        String transactionNo,
        long amountDong,
        String currency,
        LocalDateTime payDate,
        String status) {}
