package vn.motcua.gateway.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.motcua.gateway.dossier.EntityTagged;
import vn.motcua.gateway.dossier.EntityTags;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.payment.v1.CheckReceiptResponse;
import vn.motcua.proto.payment.v1.FeeLine;
import vn.motcua.proto.payment.v1.Payment;
import vn.motcua.proto.payment.v1.Receipt;
import vn.motcua.proto.payment.v1.Refund;

/**
 * A payment request of a dossier (fees owed, paid online or at the counter) as the API shows it. Amounts are whole
 * đồng (VND). status is the public set AWAITING, IN_PROGRESS, PAID, FAILED, CANCELLED, EXPIRED or ERROR; state the
 * internal one (CREATED, STARTED, SUBMITTED, SUCCESS, FAILED_DECLINED, FAILED_TIMED_OUT, FAILED_CANCELLED_BY_PAYER,
 * CANCELLED, EXPIRED, ERROR); channel ONLINE, COUNTER_CASH, COUNTER_CARD or POSTAL; instants ISO-8601 UTC. The
 * answer carries the payment's ETag ({@code "r<revision>"}) for If-Match on the officer's actions.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PaymentJson(
        String id,
        String dossierCode,
        String unitCode,
        @Nullable String procedureCode,
        @Nullable String payerName,
        @Nullable String payerCitizenId,
        List<Line> lines,
        long amount,
        int onlineDiscountPercent,
        @Nullable String status,
        @Nullable String state,
        @Nullable String channel,
        @Nullable String transactionRef,
        @Nullable String createdAt,
        @Nullable String paidAt,
        @Nullable String expiresAt,
        @Nullable ReceiptJson receipt,
        List<RefundJson> refunds,
        long refunded,
        long revision)
        implements EntityTagged {

    static PaymentJson from(Payment p) {
        return new PaymentJson(
                p.getId(),
                p.getDossierCode(),
                p.getUnitCode(),
                ProtoValues.text(p.getProcedureCode()),
                ProtoValues.text(p.getPayerName()),
                ProtoValues.text(p.getPayerCitizenId()),
                p.getLinesList().stream().map(Line::from).toList(),
                dong(p.getAmount()),
                p.getOnlineDiscountPercent(),
                ProtoValues.enumName(p.getStatus(), "PAYMENT_STATUS_"),
                ProtoValues.enumName(p.getState(), "PAYMENT_STATE_"),
                ProtoValues.enumName(p.getChannel(), "PAYMENT_CHANNEL_"),
                ProtoValues.text(p.getTransactionRef()),
                ProtoValues.instant(p.hasCreatedAt(), p.getCreatedAt()),
                ProtoValues.instant(p.hasPaidAt(), p.getPaidAt()),
                ProtoValues.instant(p.hasExpiresAt(), p.getExpiresAt()),
                p.hasReceipt() ? ReceiptJson.from(p.getReceipt()) : null,
                p.getRefundsList().stream().map(RefundJson::from).toList(),
                dong(p.getRefunded()),
                p.getRevision());
    }

    @Override
    public String entityTag() {
        return EntityTags.of(revision);
    }

    static long dong(Money money) {
        return money.getAmount();
    }

    /** One fee item (lệ phí, phí) with its legal basis. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Line(String name, long amount, @Nullable String legalBasis) {

        static Line from(FeeLine line) {
            return new Line(line.getName(), dong(line.getAmount()), ProtoValues.text(line.getLegalBasis()));
        }
    }

    /**
     * The e-receipt (biên lai điện tử). number is "unit/year/sequence"; pathNumber is the same with '-' for '/', the
     * form the public check route takes in its path (GET /api/v1/public/receipts/{pathNumber}?check={checkCode}).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReceiptJson(
            String number,
            String pathNumber,
            @Nullable String checkCode,
            @Nullable String issuedAt,
            long amount) {

        static ReceiptJson from(Receipt r) {
            return new ReceiptJson(
                    r.getNumber(),
                    ReceiptNumbers.pathForm(r.getNumber()),
                    ProtoValues.text(r.getCheckCode()),
                    ProtoValues.instant(r.hasIssuedAt(), r.getIssuedAt()),
                    dong(r.getAmount()));
        }
    }

    /** A refund; state SUBMITTED, SUCCESS or FAILED. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RefundJson(
            String id,
            long amount,
            @Nullable String reason,
            @Nullable String state,
            @Nullable String requestedBy,
            @Nullable String requestedAt,
            @Nullable String settledAt) {

        static RefundJson from(Refund r) {
            return new RefundJson(
                    r.getId(),
                    dong(r.getAmount()),
                    ProtoValues.text(r.getReason()),
                    ProtoValues.enumName(r.getState(), "REFUND_STATE_"),
                    ProtoValues.text(r.getRequestedBy()),
                    ProtoValues.instant(r.hasRequestedAt(), r.getRequestedAt()),
                    ProtoValues.instant(r.hasSettledAt(), r.getSettledAt()));
        }
    }

    /** A dossier's payment requests, newest first; nextPageToken is null on the last page. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<PaymentJson> payments, @Nullable String nextPageToken) {}

    /** What start-online answers: the payment as it is now and the provider's page to send the payer to. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Started(PaymentJson payment, String redirectUrl) {}

    /** What the public receipt check shows: no personal data (the unit, the amount, the date, what was refunded). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReceiptCheck(
            String number,
            String unitCode,
            String dossierCode,
            long amount,
            long refunded,
            @Nullable String issuedAt) {

        static ReceiptCheck from(CheckReceiptResponse r) {
            return new ReceiptCheck(
                    r.getNumber(),
                    r.getUnitCode(),
                    r.getDossierCode(),
                    dong(r.getAmount()),
                    dong(r.getRefunded()),
                    ProtoValues.instant(r.hasIssuedAt(), r.getIssuedAt()));
        }
    }
}
