package vn.motcua.payment.receipt.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.payment.receipt.domain.Receipt;
import vn.motcua.payment.receipt.domain.ReceiptDocument;
import vn.motcua.payment.receipt.domain.ReceiptNumbers;

/** The receipt PDF read back as text and as a scanner reads its QR code. */
class ReceiptPdfTest {

    private static final Instant PAID = Instant.parse("2026-12-31T17:30:00Z");

    private static ReceiptDocument document(List<ReceiptDocument.RefundLine> refunds, long refunded) {
        Receipt receipt = new Receipt("11077/2027/000123", "PAY-X", "11077", 2027, 123, "ABCDEFGH23", 45_000, PAID);
        return new ReceiptDocument(
                receipt,
                "H23.45-261207-0001",
                "1.001234",
                "Nguyễn Thị Hồng Nhung",
                "Trực tuyến",
                "14001234",
                List.of(
                        new ReceiptDocument.Line("Lệ phí cấp giấy chứng nhận", 30_000, "Thông tư 85/2019/TT-BTC"),
                        new ReceiptDocument.Line("Phí thẩm định hồ sơ", 20_000, "")),
                refunds,
                refunded,
                new ReceiptLinks("http://localhost:8080/#/bien-lai/{number}?check={check}")
                        .checkUrl(receipt.number(), receipt.checkCode()));
    }

    @Test
    void showsTheReceiptInVietnameseWithTheTimeInVietnam() {
        String text = Pdfs.text(new ReceiptPdf().render(document(List.of(), 0)));
        assertThat(text)
                .contains("BIÊN LAI THU PHÍ, LỆ PHÍ")
                .contains("11077/2027/000123")
                .contains("ABCDEFGH23")
                .contains("Nguyễn Thị Hồng Nhung")
                .contains("Lệ phí cấp giấy chứng nhận")
                .contains("Thông tư 85/2019/TT-BTC")
                .contains("45.000 đồng")
                // 17:30 UTC on 31 December is 00:30 on 1 January in Hà Nội
                .contains("01/01/2027 00:30")
                .doesNotContain("Lịch sử hoàn tiền");
    }

    @Test
    void itsQrCodeResolvesToThePublicCheckOfThisReceipt() {
        String qr = Pdfs.decodeQrFromRenderedPage(new ReceiptPdf().render(document(List.of(), 0)));
        assertThat(qr).isEqualTo("http://localhost:8080/#/bien-lai/11077%2F2027%2F000123?check=ABCDEFGH23");
    }

    @Test
    void listsTheRefundHistory() {
        String text = Pdfs.text(new ReceiptPdf()
                .render(document(
                        List.of(new ReceiptDocument.RefundLine(
                                Instant.parse("2027-01-02T03:00:00Z"), 15_000, "Thu thừa phí", "Đã hoàn")),
                        15_000)));
        assertThat(text)
                .contains("Lịch sử hoàn tiền")
                .contains("15.000 đồng")
                .contains("Thu thừa phí")
                .contains("Đã hoàn: 15.000 đồng")
                .contains("02/01/2027 10:00");
    }

    @Test
    void numbersFollowTheUnitsYearlySeriesFormat() {
        assertThat(ReceiptNumbers.format("11077", 2026, 123)).isEqualTo("11077/2026/000123");
        assertThat(ReceiptNumbers.NUMBER.matcher("11077/2026/000123").matches()).isTrue();
        assertThat(ReceiptNumbers.yearOf(Instant.parse("2026-12-31T17:00:00Z"))).isEqualTo(2027);
        assertThat(ReceiptNumbers.checkCode()).matches("[A-Z2-7]{10}");
    }
}
