package vn.motcua.payment.payment.grpc;

import static vn.motcua.payment.payment.grpc.PaymentMessages.money;
import static vn.motcua.payment.payment.grpc.PaymentMessages.timestamp;

import jakarta.inject.Singleton;
import vn.motcua.payment.payment.domain.Payment;
import vn.motcua.payment.payment.service.PaymentFeed;
import vn.motcua.proto.payment.v1.PaymentChanged;

/** The payment feed's payload, {@code motcua.payment.v1.PaymentChanged}: no payer name, no citizen id. */
@Singleton
public class PaymentEventMessages implements PaymentFeed.Encoder {

    @Override
    public PaymentChanged changed(Payment p, String receiptNumber, Long refundAmount) {
        PaymentChanged.Builder b = PaymentChanged.newBuilder()
                .setId(p.id())
                .setDossierCode(p.dossierCode())
                .setUnitCode(p.unitCode())
                .setProcedureCode(p.procedureCode())
                .setStatus(PaymentMessages.status(p.status()))
                .setState(PaymentMessages.state(p.state()))
                .setAmount(money(p.amountShownDong()))
                .setRefunded(money(p.refundedDong()))
                .setCreatedAt(timestamp(p.createdAt()));
        if (p.channel() != null) {
            b.setChannel(PaymentMessages.channel(p.channel()));
        }
        if (p.paidAt() != null) {
            b.setPaidAt(timestamp(p.paidAt()));
        }
        if (refundAmount != null) {
            b.setRefundAmount(money(refundAmount));
        }
        if (receiptNumber != null) {
            b.setReceiptNumber(receiptNumber);
        }
        return b.build();
    }
}
