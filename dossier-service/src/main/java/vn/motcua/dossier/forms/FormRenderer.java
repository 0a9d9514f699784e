package vn.motcua.dossier.forms;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.Objects;
import vn.motcua.platform.pdf.PdfFonts;

/**
 * Renders the one-stop-shop forms to PDF. Stateless and thread-safe: each call builds its
 * own document and font objects.
 *
 * <p>Output is unsigned; the circular requires forms to be digitally signed (ký số), which is
 * a later step on the returned bytes.
 */
public final class FormRenderer {

    private static final float MM = FormLayout.MM;

    /**
     * @throws FormNotInRegimeException if the form set has no such form (stop notice in 2018)
     * @throws IllegalArgumentException if {@code data} lacks a part this form needs
     */
    public byte[] render(FormType type, FormRegime regime, FormData data) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(data, "data");
        type.requireIn(regime);
        FormDataRules.check(type, regime, data);

        boolean a5 = type.paper() == FormType.Paper.A5_PORTRAIT;
        // A real landscape media box rather than A4.rotate(), which OpenPDF writes as portrait
        // plus /Rotate 90: some printing and text tools ignore /Rotate.
        Rectangle page = a5 ? PageSize.A5 : new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth());
        float side = a5 ? 8 * MM : 10 * MM;
        Document doc = new Document(page, side, side, 7 * MM, 10 * MM);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            // Language tag: screen readers and text search pick Vietnamese rules.
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("vi-VN"));
            PdfFonts fonts = PdfFonts.create();
            float body = a5 ? 8.5f : 8f;
            if (!a5) {
                // The register runs over many pages: number them (Circular 01/2018 Art 10(2)).
                writer.setPageEvent(new PageNumbers(fonts, body * 0.85f));
            }
            doc.addTitle(VietnameseFormats.text(type.title(regime)));
            if (data.dossier() != null) {
                doc.addSubject(data.dossier().code());
            }
            doc.addCreator("MotCua");
            doc.open();
            FormLayout layout = new FormLayout(fonts, doc.right() - doc.left(), body);
            writeForm(type, regime, data, doc, layout);
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render " + type + " under " + regime, e);
        }
        return out.toByteArray();
    }

    private static void writeForm(FormType type, FormRegime regime, FormData data, Document doc, FormLayout l)
            throws DocumentException {
        String qr = type.perDossier() ? data.dossier().code() : null;
        doc.add(l.formLabel(type, regime));
        doc.add(l.nationalHeader(data.header(), data.issuedAt(), qr));
        doc.add(l.title(type.title(regime), type.paper() == FormType.Paper.A5_PORTRAIT ? 12f : 15f));
        if (type.perDossier()) {
            doc.add(l.dossierCode(data.dossier().code()));
        }
        switch (type) {
            case CONTROL_SLIP -> new ControlSlipWriter(l, data).write(doc);
            case TRACKING_REGISTER -> new TrackingRegisterWriter(l, data.register()).write(doc);
            default -> new DossierLetters(l, regime, data).write(type, doc);
        }
    }

    /** "Trang N" centred in the bottom margin. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final PdfFonts fonts;
        private final float size;

        PageNumbers(PdfFonts fonts, float size) {
            this.fonts = fonts;
            this.size = size;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Phrase p = new Phrase("Trang " + writer.getPageNumber(), new com.lowagie.text.Font(fonts.regular, size));
            ColumnText.showTextAligned(
                    writer.getDirectContent(),
                    Element.ALIGN_CENTER,
                    p,
                    (document.left() + document.right()) / 2,
                    document.bottom() - 5 * MM,
                    0);
        }
    }
}
