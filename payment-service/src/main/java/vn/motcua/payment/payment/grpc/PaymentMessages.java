package vn.motcua.payment.payment.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import vn.motcua.payment.payment.domain.FeeLine;
import vn.motcua.payment.payment.domain.Payment;
import vn.motcua.payment.payment.domain.PaymentChannel;
import vn.motcua.payment.payment.domain.PaymentState;
import vn.motcua.payment.payment.domain.PaymentStatus;
import vn.motcua.payment.payment.domain.Refund;
import vn.motcua.payment.payment.domain.RefundState;
import vn.motcua.payment.payment.service.PaymentView;
import vn.motcua.payment.receipt.domain.Receipt;
import vn.motcua.proto.common.v1.Money;

/** Domain values to and from the generated payment messages; absent values stay unset. */
final class PaymentMessages {

    private PaymentMessages() {}

    static vn.motcua.proto.payment.v1.Payment payment(PaymentView v) {
        Payment p = v.payment();
        vn.motcua.proto.payment.v1.Payment.Builder b = vn.motcua.proto.payment.v1.Payment.newBuilder()
                .setId(p.id())
                .setDossierCode(p.dossierCode())
                .setUnitCode(p.unitCode())
                .setProcedureCode(p.procedureCode())
                .setPayerName(p.payerName())
                .setAmount(money(p.amountShownDong()))
                .setOnlineDiscountPercent(p.onlineDiscountPercent())
                .setStatus(status(p.status()))
                .setState(state(p.state()))
                .setCreatedAt(timestamp(p.createdAt()))
                .setExpiresAt(timestamp(p.expiresAt()))
                .setRefunded(money(p.refundedDong()))
                .setRevision(p.revision());
        if (p.payerCitizenId() != null) {
            b.setPayerCitizenId(p.payerCitizenId());
        }
        for (FeeLine l : p.lines()) {
            b.addLines(vn.motcua.proto.payment.v1.FeeLine.newBuilder()
                    .setName(l.name())
                    .setAmount(money(l.amountDong()))
                    .setLegalBasis(l.legalBasis() == null ? "" : l.legalBasis()));
        }
        if (p.channel() != null) {
            b.setChannel(channel(p.channel()));
        }
        if (p.transactionRef() != null) {
            b.setTransactionRef(p.transactionRef());
        }
        if (p.paidAt() != null) {
            b.setPaidAt(timestamp(p.paidAt()));
        }
        if (v.receipt() != null) {
            b.setReceipt(receipt(v.receipt()));
        }
        v.refunds().forEach(r -> b.addRefunds(refund(r)));
        return b.build();
    }

    static vn.motcua.proto.payment.v1.Receipt receipt(Receipt r) {
        return vn.motcua.proto.payment.v1.Receipt.newBuilder()
                .setNumber(r.number())
                .setCheckCode(r.checkCode())
                .setIssuedAt(timestamp(r.issuedAt()))
                .setAmount(money(r.amountDong()))
                .build();
    }

    static vn.motcua.proto.payment.v1.Refund refund(Refund r) {
        vn.motcua.proto.payment.v1.Refund.Builder b = vn.motcua.proto.payment.v1.Refund.newBuilder()
                .setId(r.id())
                .setAmount(money(r.amountDong()))
                .setReason(r.reason())
                .setState(refundState(r.state()))
                .setRequestedBy(r.requestedBy())
                .setRequestedAt(timestamp(r.requestedAt()));
        if (r.settledAt() != null) {
            b.setSettledAt(timestamp(r.settledAt()));
        }
        return b.build();
    }

    static Money money(long dong) {
        return Money.newBuilder().setAmount(dong).setCurrencyCode("VND").build();
    }

    static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder()
                .setSeconds(at.getEpochSecond())
                .setNanos(at.getNano())
                .build();
    }

    static vn.motcua.proto.payment.v1.PaymentStatus status(PaymentStatus s) {
        return vn.motcua.proto.payment.v1.PaymentStatus.valueOf("PAYMENT_STATUS_" + s.name());
    }

    /** The public status asked for, null for UNSPECIFIED (no filter). */
    static PaymentStatus status(vn.motcua.proto.payment.v1.PaymentStatus s) {
        if (s == vn.motcua.proto.payment.v1.PaymentStatus.PAYMENT_STATUS_UNSPECIFIED) {
            return null;
        }
        if (s == vn.motcua.proto.payment.v1.PaymentStatus.UNRECOGNIZED) {
            throw vn.motcua.platform.error.DomainException.invalid("status", "is not a known status");
        }
        return PaymentStatus.valueOf(s.name().substring("PAYMENT_STATUS_".length()));
    }

    static vn.motcua.proto.payment.v1.PaymentState state(PaymentState s) {
        return vn.motcua.proto.payment.v1.PaymentState.valueOf("PAYMENT_STATE_" + s.name());
    }

    static vn.motcua.proto.payment.v1.PaymentChannel channel(PaymentChannel c) {
        return vn.motcua.proto.payment.v1.PaymentChannel.valueOf("PAYMENT_CHANNEL_" + c.name());
    }

    /** The channel asked for, null when unspecified or unknown (the service refuses it). */
    static PaymentChannel channel(vn.motcua.proto.payment.v1.PaymentChannel c) {
        return switch (c) {
            case PAYMENT_CHANNEL_ONLINE -> PaymentChannel.ONLINE;
            case PAYMENT_CHANNEL_COUNTER_CASH -> PaymentChannel.COUNTER_CASH;
            case PAYMENT_CHANNEL_COUNTER_CARD -> PaymentChannel.COUNTER_CARD;
            case PAYMENT_CHANNEL_POSTAL -> PaymentChannel.POSTAL;
            default -> null;
        };
    }

    static vn.motcua.proto.payment.v1.RefundState refundState(RefundState s) {
        return vn.motcua.proto.payment.v1.RefundState.valueOf("REFUND_STATE_" + s.name());
    }
}
