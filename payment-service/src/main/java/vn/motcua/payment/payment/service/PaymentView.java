package vn.motcua.payment.payment.service;

import java.util.List;
import vn.motcua.payment.payment.domain.Payment;
import vn.motcua.payment.payment.domain.Refund;
import vn.motcua.payment.receipt.domain.Receipt;

/** A payment as answered: with its receipt (null until paid) and its refunds, oldest first. */
public record PaymentView(Payment payment, Receipt receipt, List<Refund> refunds) {

    public PaymentView {
        refunds = List.copyOf(refunds);
    }
}
