package vn.motcua.dossier.forms;

import static vn.motcua.dossier.forms.VietnameseFormats.dateTime;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * Dossier tracking register (2018 Mẫu 06 / 2025 Mẫu 07) on A4 landscape. The column set is
 * the likely one listed in domain.md 3.1, not verified against the circular [U].
 */
final class TrackingRegisterWriter {

    private static final String[] HEADS = {
        "STT",
        "Mã hồ sơ",
        "Tên thủ tục hành chính",
        "Số lượng hồ sơ (bộ)",
        "Tên cá nhân, tổ chức",
        "Địa chỉ, số điện thoại",
        "Cơ quan chủ trì giải quyết",
        "Nhận hồ sơ",
        "Hẹn trả kết quả",
        "Chuyển hồ sơ đến cơ quan giải quyết",
        "Nhận kết quả từ cơ quan giải quyết",
        "Trả kết quả",
        "Ký nhận",
        "Ghi chú"
    };
    /** Relative widths; the code column is wide enough to keep a dossier code on one line. */
    private static final float[] WIDTHS = {22, 108, 90, 30, 70, 70, 64, 52, 52, 52, 52, 52, 36, 36};

    private final FormLayout l;
    private final RegisterBook book;

    TrackingRegisterWriter(FormLayout layout, RegisterBook book) {
        this.l = layout;
        this.book = book;
    }

    void write(Document doc) throws DocumentException {
        doc.add(l.centered("Quyển số: " + book.bookNumber() + " - Năm " + book.year(), l.bold(l.body)));
        doc.add(table());
    }

    private PdfPTable table() throws DocumentException {
        float s = l.body * 0.85f;
        PdfPTable t = new PdfPTable(WIDTHS.length);
        t.setTotalWidth(l.width());
        t.setLockedWidth(true);
        t.setWidths(WIDTHS);
        // The register runs over many pages; every page must show what each column is.
        t.setHeaderRows(1);
        t.setSpacingBefore(l.body * 0.6f);
        for (String h : HEADS) {
            t.addCell(l.headCell(h, s));
        }
        float codeWidth = l.width() * WIDTHS[1] / sum(WIDTHS) - 6;
        for (RegisterRow r : book.rows()) {
            // Sequence numbers print at least two digits: "01", as the circular numbers them.
            t.addCell(l.cell(String.format("%02d", r.sequenceNo()), s, Element.ALIGN_CENTER));
            t.addCell(codeCell(r.dossierCode(), s, codeWidth));
            t.addCell(l.cell(r.procedureName(), s, Element.ALIGN_LEFT));
            t.addCell(l.cell(Integer.toString(r.dossierCount()), s, Element.ALIGN_CENTER));
            t.addCell(l.cell(r.applicantName(), s, Element.ALIGN_LEFT));
            t.addCell(l.cell(r.applicantContact(), s, Element.ALIGN_LEFT));
            t.addCell(l.cell(r.competentUnit(), s, Element.ALIGN_LEFT));
            t.addCell(l.cell(dateTime(r.receivedAt()), s, Element.ALIGN_LEFT));
            t.addCell(l.cell(dateTime(r.dueAt()), s, Element.ALIGN_LEFT));
            t.addCell(l.cell(dateTime(r.transferredAt()), s, Element.ALIGN_LEFT));
            t.addCell(l.cell(dateTime(r.resultReceivedAt()), s, Element.ALIGN_LEFT));
            t.addCell(l.cell(dateTime(r.returnedAt()), s, Element.ALIGN_LEFT));
            t.addCell(l.cell("", s, Element.ALIGN_LEFT)); // signed by hand on collection
            t.addCell(l.cell(r.note(), s, Element.ALIGN_LEFT));
        }
        return t;
    }

    /** A dossier code split over two lines is misread and unsearchable; shrink it instead. */
    private PdfPCell codeCell(String code, float size, float available) {
        float fitted = FormLayout.fit(l.regular(size).getBaseFont(), code, available, size, size * 0.6f);
        return l.cell(code, fitted, Element.ALIGN_LEFT);
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }
}
