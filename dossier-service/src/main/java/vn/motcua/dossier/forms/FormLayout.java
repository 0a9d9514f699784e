package vn.motcua.dossier.forms;

import static vn.motcua.dossier.forms.VietnameseFormats.text;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.awt.Color;
import java.time.Instant;
import java.util.Locale;
import vn.motcua.platform.pdf.PdfFonts;
import vn.motcua.platform.pdf.QrCodes;

/**
 * Building blocks shared by all forms (national header, title, fields, signature blocks)
 * for one document. Sizes scale from the body size so one layout serves A5 and A4.
 *
 * <p>All text goes through {@link VietnameseFormats#text} here, so no caller can bypass NFC.
 */
final class FormLayout {

    static final float MM = 72f / 25.4f;
    /** QR side length; about 25 mm as on the provincial one-stop systems' slips. */
    static final float QR_SIZE = 25 * MM;
    /** Forms have no italic font bundled; a skewed regular face marks hints and the date line. */
    private static final float ITALIC_SKEW = 12f;

    private final PdfFonts fonts;
    private final float width;
    final float body;

    FormLayout(PdfFonts fonts, float contentWidth, float bodySize) {
        this.fonts = fonts;
        this.width = contentWidth;
        this.body = bodySize;
    }

    float width() {
        return width;
    }

    Font regular(float size) {
        return new Font(fonts.regular, size);
    }

    Font bold(float size) {
        return new Font(fonts.bold, size);
    }

    Phrase phrase(String s, Font font) {
        return new Phrase(text(s), font);
    }

    Paragraph paragraph(String s, Font font, int align) {
        Paragraph p = new Paragraph(body * 1.35f, text(s), font);
        p.setAlignment(align);
        return p;
    }

    /**
     * Paragraph to add chunks to. Its own font must be ours too: OpenPDF ends a paragraph
     * with a newline in the paragraph font, which would otherwise pull in a non-embedded
     * Helvetica (not PDF/A-friendly, and it cannot show Vietnamese).
     */
    Paragraph empty(float leading) {
        Paragraph p = new Paragraph(leading);
        p.setFont(regular(body));
        return p;
    }

    /** Body paragraph that keeps the line breaks of free text (reasons, requested items). */
    Paragraph freeText(String s) {
        Paragraph p = paragraph(s, regular(body), Element.ALIGN_JUSTIFIED);
        p.setSpacingAfter(body * 0.3f);
        return p;
    }

    /** "Label: value" with the value bold, the form-filling convention of the circular's templates. */
    Paragraph field(String label, String value) {
        Paragraph p = empty(body * 1.35f);
        p.add(new Chunk(text(label) + ": ", regular(body)));
        p.add(new Chunk(blankIfEmpty(value), bold(body)));
        p.setSpacingAfter(body * 0.2f);
        return p;
    }

    /** Two fields on one line, e.g. phone and email. */
    Paragraph fields(String label1, String value1, String label2, String value2) {
        Paragraph p = field(label1, value1);
        p.add(new Chunk("     " + text(label2) + ": ", regular(body)));
        p.add(new Chunk(blankIfEmpty(value2), bold(body)));
        return p;
    }

    Chunk italic(String s, float size) {
        Chunk c = new Chunk(text(s), regular(size));
        c.setSkew(0, ITALIC_SKEW);
        return c;
    }

    /** Dotted placeholder for a field the officer fills by hand, as on the paper templates. */
    static String blankIfEmpty(String value) {
        return value == null || value.isBlank() ? "……………" : text(value);
    }

    /** Largest size in [min, max] at which {@code s} fits on one line of {@code available} points. */
    static float fit(BaseFont font, String s, float available, float max, float min) {
        float atOne = font.getWidthPoint(text(s), 1f);
        // 4% slack: OpenPDF wraps a line that fills the column exactly.
        return atOne <= 0 ? max : Math.max(min, Math.min(max, available * 0.96f / atOne));
    }

    /** "Mẫu số 05 (Thông tư số 01/2018/TT-VPCP)" in the top-right corner, as in the circular's annex. */
    Paragraph formLabel(FormType type, FormRegime regime) {
        Paragraph p = empty(body * 1.35f);
        p.add(italic(type.formLabel(regime) + " (" + regime.circular() + ")", body * 0.72f));
        p.setAlignment(Element.ALIGN_RIGHT);
        p.setSpacingAfter(2);
        return p;
    }

    /**
     * National header: issuing unit (left) beside the motto and the place/date line (right),
     * the layout of Decree 30/2020 administrative documents. {@code qrContent} adds the QR
     * in a first, top-left column; null for forms that are not about one dossier.
     */
    PdfPTable nationalHeader(FormHeader header, Instant issuedAt, String qrContent) {
        boolean withQr = qrContent != null;
        float rest = width - (withQr ? QR_SIZE + 4 : 0);
        float unitW = rest * 0.40f;
        float mottoW = rest - unitW;
        PdfPTable t = new PdfPTable(withQr ? new float[] {QR_SIZE + 4, unitW, mottoW} : new float[] {unitW, mottoW});
        t.setTotalWidth(width);
        t.setLockedWidth(true);
        if (withQr) {
            Image qr = QrCodes.image(qrContent, QR_SIZE);
            PdfPCell c = new PdfPCell(qr, false);
            c.setBorder(Rectangle.NO_BORDER);
            c.setPadding(0);
            c.setPaddingRight(4);
            c.setVerticalAlignment(Element.ALIGN_TOP);
            t.addCell(c);
        }
        t.addCell(unitCell(header, unitW - 4));
        t.addCell(mottoCell(header, issuedAt, mottoW - 4));
        t.setSpacingAfter(body);
        return t;
    }

    private PdfPCell unitCell(FormHeader header, float w) {
        PdfPCell c = borderless();
        float max = body * 1.05f;
        if (header.parentAuthorityName() != null
                && !header.parentAuthorityName().isBlank()) {
            String parent = header.parentAuthorityName().toUpperCase(Locale.ROOT);
            c.addElement(centered(parent, regular(fit(fonts.regular, parent, w, max, body * 0.8f))));
        }
        String unit = header.issuingUnitName().toUpperCase(Locale.ROOT);
        // Long unit names wrap rather than shrink below readability.
        c.addElement(centered(unit, bold(fit(fonts.bold, unit, w, max, body * 0.85f))));
        c.addElement(rule(30));
        return c;
    }

    private PdfPCell mottoCell(FormHeader header, Instant issuedAt, float w) {
        PdfPCell c = borderless();
        String motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        c.addElement(centered(motto, bold(fit(fonts.bold, motto, w, body * 1.1f, body * 0.7f))));
        Paragraph p = empty(body * 1.35f);
        Chunk slogan = new Chunk(text("Độc lập - Tự do - Hạnh phúc"), bold(body * 1.05f));
        slogan.setUnderline(0.5f, -2f);
        p.add(slogan);
        p.setAlignment(Element.ALIGN_CENTER);
        c.addElement(p);
        Paragraph date = empty(body * 1.35f);
        date.setSpacingBefore(body * 0.5f);
        date.add(italic(VietnameseFormats.placeAndDate(header.placeName(), issuedAt), body * 0.95f));
        date.setAlignment(Element.ALIGN_CENTER);
        c.addElement(date);
        return c;
    }

    Paragraph title(String title, float max) {
        Paragraph p = centered(title, bold(fit(fonts.bold, title, width, max, body)));
        p.setSpacingBefore(body * 0.5f);
        return p;
    }

    /** The dossier code as text under the title: the QR is for scanners, this is for people. */
    Paragraph dossierCode(String code) {
        Paragraph p = empty(body * 1.5f);
        p.add(new Chunk(text("Mã hồ sơ: "), regular(body * 1.05f)));
        p.add(new Chunk(text(code), bold(body * 1.05f)));
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(body * 0.8f);
        return p;
    }

    Paragraph centered(String s, Font font) {
        return paragraph(s, font, Element.ALIGN_CENTER);
    }

    private Paragraph rule(float percent) {
        // Own line below the unit name, clear of its descenders (Decree 30/2020 layout).
        Paragraph p = empty(body * 0.9f);
        p.add(new Chunk(new LineSeparator(0.5f, percent, Color.BLACK, Element.ALIGN_CENTER, 0)));
        return p;
    }

    static PdfPCell borderless() {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setPadding(2);
        return c;
    }

    /** One signature block: position, hint, room for the signature, printed name. */
    record SignBlock(String position, String hint, String name) {}

    /**
     * Signature row. A null block leaves its half empty, so a single signer still sits on the
     * right as on the paper templates.
     */
    PdfPTable signatures(SignBlock left, SignBlock right) {
        PdfPTable t = new PdfPTable(2);
        t.setTotalWidth(width);
        t.setLockedWidth(true);
        t.setSpacingBefore(body);
        t.setKeepTogether(true);
        t.addCell(signCell(left));
        t.addCell(signCell(right));
        return t;
    }

    private PdfPCell signCell(SignBlock b) {
        PdfPCell c = borderless();
        if (b == null) {
            return c;
        }
        c.addElement(centered(b.position(), bold(body)));
        Paragraph hint = empty(body * 1.35f);
        hint.add(italic(b.hint(), body * 0.85f));
        hint.setAlignment(Element.ALIGN_CENTER);
        c.addElement(hint);
        // Room for a wet signature or the visible stamp of a digital one.
        Paragraph name = centered(b.name() == null ? "" : b.name(), bold(body));
        name.setSpacingBefore(body * 4.5f);
        c.addElement(name);
        return c;
    }

    /** Header cell of a bordered table: bold, centred, grey background for legibility. */
    PdfPCell headCell(String s, float size) {
        PdfPCell c = new PdfPCell(phrase(s, bold(size)));
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setBackgroundColor(new Color(235, 235, 235));
        c.setPadding(3);
        return c;
    }

    PdfPCell cell(String s, float size, int align) {
        PdfPCell c = new PdfPCell(phrase(s, regular(size)));
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        return c;
    }
}
