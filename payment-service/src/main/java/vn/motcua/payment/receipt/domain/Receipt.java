package vn.motcua.payment.receipt.domain;

import java.time.Instant;

/** An e-receipt (biên lai điện tử) of a paid payment. */
public record Receipt(
        String number,
        String paymentId,
        String unitCode,
        int year,
        long seq,
        String checkCode,
        long amountDong,
        Instant issuedAt) {}
