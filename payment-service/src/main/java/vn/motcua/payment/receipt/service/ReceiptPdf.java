package vn.motcua.payment.receipt.service;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.motcua.payment.common.Vietnam;
import vn.motcua.payment.receipt.domain.ReceiptDocument;
import vn.motcua.platform.pdf.PdfFonts;
import vn.motcua.platform.pdf.QrCodes;

/**
 * Renders an e-receipt (biên lai điện tử) as an A5 PDF: Vietnamese text in the bundled DejaVu fonts (the standard
 * PDF fonts have no Vietnamese), the fee lines, the refund history, and a QR code of the public check URL.
 * Times are shown in Asia/Ho_Chi_Minh.
 */
@Singleton
public class ReceiptPdf {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Vietnam.ZONE);

    public byte[] render(ReceiptDocument d) {
        PdfFonts fonts = PdfFonts.create();
        Font title = new Font(fonts.bold, 14);
        Font bold = new Font(fonts.bold, 9);
        Font body = new Font(fonts.regular, 9);
        Font small = new Font(fonts.regular, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A5, 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Biên lai " + d.receipt().number());
            doc.addCreator("MotCua payment-service");
            doc.open();
            doc.add(centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold));
            doc.add(centered("Độc lập - Tự do - Hạnh phúc", body));
            doc.add(spacer(body));
            doc.add(centered("BIÊN LAI THU PHÍ, LỆ PHÍ", title));
            doc.add(centered("(Biên lai điện tử)", body));
            doc.add(spacer(body));

            PdfPTable head = new PdfPTable(new float[] {35, 65});
            head.setWidthPercentage(100);
            row(head, "Số biên lai:", d.receipt().number(), body, bold);
            row(head, "Mã tra cứu:", d.receipt().checkCode(), body, bold);
            row(head, "Ngày thu:", SHOWN.format(d.receipt().issuedAt()), body, body);
            row(head, "Đơn vị thu:", d.receipt().unitCode(), body, body);
            row(head, "Người nộp:", d.payerName(), body, body);
            row(head, "Hồ sơ:", d.dossierCode(), body, body);
            row(head, "Thủ tục:", d.procedureCode(), body, body);
            row(head, "Hình thức nộp:", d.channelLabel(), body, body);
            if (d.transactionRef() != null && !d.transactionRef().isBlank()) {
                row(head, "Mã giao dịch:", d.transactionRef(), body, body);
            }
            doc.add(head);
            doc.add(spacer(body));

            PdfPTable lines = new PdfPTable(new float[] {8, 52, 40});
            lines.setWidthPercentage(100);
            header(lines, bold, "STT", "Khoản thu", "Số tiền");
            int i = 1;
            for (ReceiptDocument.Line line : d.lines()) {
                String name = line.legalBasis() == null || line.legalBasis().isBlank()
                        ? line.name()
                        : line.name() + " (" + line.legalBasis() + ")";
                lines.addCell(cell(Integer.toString(i++), body, Element.ALIGN_CENTER));
                lines.addCell(cell(name, body, Element.ALIGN_LEFT));
                lines.addCell(cell(money(line.amountDong()), body, Element.ALIGN_RIGHT));
            }
            PdfPCell totalLabel = cell("Tổng số tiền đã nộp", bold, Element.ALIGN_RIGHT);
            totalLabel.setColspan(2);
            lines.addCell(totalLabel);
            lines.addCell(cell(money(d.receipt().amountDong()), bold, Element.ALIGN_RIGHT));
            doc.add(lines);

            if (!d.refunds().isEmpty()) {
                doc.add(spacer(body));
                doc.add(new Paragraph("Lịch sử hoàn tiền", bold));
                PdfPTable refunds = new PdfPTable(new float[] {25, 25, 30, 20});
                refunds.setWidthPercentage(100);
                header(refunds, bold, "Ngày", "Số tiền", "Lý do", "Trạng thái");
                for (ReceiptDocument.RefundLine r : d.refunds()) {
                    refunds.addCell(cell(SHOWN.format(r.at()), body, Element.ALIGN_LEFT));
                    refunds.addCell(cell(money(r.amountDong()), body, Element.ALIGN_RIGHT));
                    refunds.addCell(cell(r.reason(), body, Element.ALIGN_LEFT));
                    refunds.addCell(cell(r.stateLabel(), body, Element.ALIGN_LEFT));
                }
                doc.add(refunds);
                doc.add(new Paragraph("Đã hoàn: " + money(d.refundedDong()), bold));
            }

            doc.add(spacer(body));
            PdfPTable foot = new PdfPTable(new float[] {30, 70});
            foot.setWidthPercentage(100);
            Image qr = QrCodes.image(d.checkUrl(), 90);
            PdfPCell qrCell = new PdfPCell(qr, false);
            qrCell.setBorder(Rectangle.NO_BORDER);
            foot.addCell(qrCell);
            PdfPCell note = cell(
                    "Quét mã QR hoặc truy cập địa chỉ dưới đây, nhập số biên lai và mã tra cứu để kiểm tra biên lai: "
                            + d.checkUrl(),
                    small,
                    Element.ALIGN_LEFT);
            note.setBorder(Rectangle.NO_BORDER);
            foot.addCell(note);
            doc.add(foot);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException(
                    "cannot render receipt " + d.receipt().number(), e);
        }
        return out.toByteArray();
    }

    /** Vietnamese grouping with dots: 1.250.000 đồng. */
    static String money(long dong) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator('.');
        return new DecimalFormat("#,##0", symbols).format(dong) + " đồng";
    }

    static String shown(Instant at) {
        return SHOWN.format(at);
    }

    private static Paragraph centered(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    private static Paragraph spacer(Font font) {
        return new Paragraph(" ", font);
    }

    private static void row(PdfPTable table, String label, String value, Font labelFont, Font valueFont) {
        PdfPCell l = cell(label, labelFont, Element.ALIGN_LEFT);
        l.setBorder(Rectangle.NO_BORDER);
        PdfPCell v = cell(value == null ? "" : value, valueFont, Element.ALIGN_LEFT);
        v.setBorder(Rectangle.NO_BORDER);
        table.addCell(l);
        table.addCell(v);
    }

    private static void header(PdfPTable table, Font font, String... titles) {
        for (String t : titles) {
            table.addCell(cell(t, font, Element.ALIGN_CENTER));
        }
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        return c;
    }
}
