package vn.motcua.payment.receipt.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a receipt PDF shows: the receipt, who paid what for which dossier, and the refund history. Filled by the
 * payment feature, so the receipt feature needs nothing from it.
 */
public record ReceiptDocument(
        Receipt receipt,
        String dossierCode,
        String procedureCode,
        String payerName,
        String channelLabel,
        String transactionRef,
        List<Line> lines,
        List<RefundLine> refunds,
        long refundedDong,
        String checkUrl) {

    public ReceiptDocument {
        lines = List.copyOf(lines);
        refunds = List.copyOf(refunds);
    }

    public record Line(String name, long amountDong, String legalBasis) {}

    /** @param stateLabel Vietnamese: "Đã hoàn", "Đang xử lý", "Không thành công" */
    public record RefundLine(Instant at, long amountDong, String reason, String stateLabel) {}
}
