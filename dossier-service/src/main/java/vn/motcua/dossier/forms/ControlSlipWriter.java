package vn.motcua.dossier.forms;

import static vn.motcua.dossier.forms.VietnameseFormats.dateTime;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * Processing-control slip (2018 Mẫu 05 / 2025 Mẫu 06): travels with the paper dossier and
 * gets one row per hand-over, BPMC → division → leader → … → BPMC (domain.md 3.1).
 */
final class ControlSlipWriter {

    /**
     * The slip is often printed at reception and then filled in by hand as the dossier moves,
     * so it always offers at least this many rows; empty ones are left for handwriting.
     */
    static final int MIN_ROWS = 4;

    private final FormLayout l;
    private final FormData data;

    ControlSlipWriter(FormLayout layout, FormData data) {
        this.l = layout;
        this.data = data;
    }

    void write(Document doc) throws DocumentException {
        DossierSnapshot d = data.dossier();
        Paragraph ref = l.empty(l.body * 1.35f);
        ref.add(l.italic(
                "(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Quyển số: "
                        + FormLayout.blankIfEmpty(d.registerBook()) + ", Số thứ tự: "
                        + FormLayout.blankIfEmpty(d.registerNumber()) + ")",
                l.body * 0.9f));
        ref.setAlignment(Element.ALIGN_CENTER);
        ref.setSpacingAfter(l.body * 0.6f);
        doc.add(ref);
        doc.add(l.field("Người nộp hồ sơ", d.applicant().name()));
        doc.add(l.field("Thủ tục", d.procedureName()));
        doc.add(l.field("Cơ quan (bộ phận) giải quyết hồ sơ", d.competentUnit()));
        doc.add(l.field("Thời gian tiếp nhận hồ sơ", dateTime(d.receivedAt())));
        doc.add(l.field("Thời gian hẹn trả kết quả", dateTime(d.dueAt())));
        doc.add(table());
    }

    private PdfPTable table() {
        float s = l.body * 0.9f;
        PdfPTable t = new PdfPTable(new float[] {30, 36, 17, 17});
        t.setWidthPercentage(100);
        // Repeats the column heads if a long journey spills onto a second page.
        t.setHeaderRows(1);
        t.setSpacingBefore(l.body * 0.6f);
        t.addCell(l.headCell("TÊN CƠ QUAN", s));
        t.addCell(l.headCell("THỜI GIAN GIAO, NHẬN HỒ SƠ", s));
        t.addCell(l.headCell("KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn / Đúng hạn / Quá hạn)", s));
        t.addCell(l.headCell("GHI CHÚ", s));
        int n = 1;
        for (HandoverRow r : data.handovers()) {
            t.addCell(l.cell(n++ + ". Giao: " + r.fromUnit() + "\n     Nhận: " + r.toUnit(), s, Element.ALIGN_LEFT));
            t.addCell(l.cell(
                    dateTime(r.handedAt())
                            + "\nNgười giao: " + nullToEmpty(r.giverName())
                            + "\nNgười nhận: " + nullToEmpty(r.receiverName()),
                    s,
                    Element.ALIGN_LEFT));
            t.addCell(l.cell(r.result() == null ? "" : r.result().label(), s, Element.ALIGN_CENTER));
            t.addCell(l.cell(nullToEmpty(r.note()), s, Element.ALIGN_LEFT));
        }
        for (int i = data.handovers().size(); i < MIN_ROWS; i++) {
            for (int col = 0; col < 4; col++) {
                PdfPCell c = l.cell("", s, Element.ALIGN_LEFT);
                c.setMinimumHeight(l.body * 4);
                t.addCell(c);
            }
        }
        return t;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
