package vn.motcua.payment.receipt.service;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import vn.motcua.payment.receipt.domain.Receipt;
import vn.motcua.payment.receipt.domain.ReceiptNumbers;
import vn.motcua.payment.receipt.repository.ReceiptRepository;

/**
 * Issues the receipt of a payment inside the paying transaction: the number comes from the unit's yearly counter,
 * locked until that transaction ends, so a rolled-back payment leaves no number used and two payments never share
 * one. Receipts are rare (one per paid fee), so serialising a unit's payments on its counter costs nothing.
 */
@Singleton
public class ReceiptIssuer {

    private final ReceiptRepository receipts;

    public ReceiptIssuer(ReceiptRepository receipts) {
        this.receipts = receipts;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Receipt issue(String paymentId, String unitCode, long amountDong, Instant paidAt) {
        int year = ReceiptNumbers.yearOf(paidAt);
        long seq = receipts.nextSeq(unitCode, year);
        Receipt receipt = new Receipt(
                ReceiptNumbers.format(unitCode, year, seq),
                paymentId,
                unitCode,
                year,
                seq,
                ReceiptNumbers.checkCode(),
                amountDong,
                paidAt);
        receipts.insert(receipt);
        return receipt;
    }

    public Optional<Receipt> ofPayment(String paymentId) {
        return receipts.ofPayment(paymentId);
    }

    public Optional<Receipt> byNumber(String number) {
        return receipts.byNumber(number);
    }
}
