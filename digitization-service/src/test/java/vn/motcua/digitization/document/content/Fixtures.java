package vn.motcua.digitization.document.content;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/** Real file bytes for the inspection tests, made on the spot (no binary fixtures in the repository). */
public final class Fixtures {

    private Fixtures() {}

    public static byte[] pdf(int pages) {
        return save(document(pages), true);
    }

    static PDDocument document(int pages) {
        PDDocument doc = new PDDocument();
        for (int i = 0; i < pages; i++) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Page " + (i + 1));
                content.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return doc;
    }

    static byte[] save(PDDocument doc, boolean compressed) {
        try (doc) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out, compressed ? CompressParameters.DEFAULT_COMPRESSION : CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF that runs JavaScript when opened (catalog /OpenAction). */
    public static byte[] pdfWithOpenActionJavaScript(boolean compressed) {
        PDDocument doc = document(1);
        doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi');"));
        return save(doc, compressed);
    }

    /** A PDF whose document-level JavaScript sits in the /Names /JavaScript tree. */
    static byte[] pdfWithJavaScriptNameTree() {
        PDDocument doc = document(1);
        PDJavascriptNameTreeNode tree = new PDJavascriptNameTreeNode();
        tree.setNames(java.util.Map.of("init", new PDActionJavaScript("app.alert('x');")));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        names.setJavascript(tree);
        doc.getDocumentCatalog().setNames(names);
        return save(doc, true);
    }

    /** A link annotation whose action is JavaScript. */
    static byte[] pdfWithLinkJavaScript() {
        PDDocument doc = document(1);
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(72, 72, 100, 20));
        link.setAction(new PDActionJavaScript("this.print();"));
        try {
            doc.getPage(0).getAnnotations().add(link);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return save(doc, true);
    }

    /** A page with an additional-actions (/AA) entry holding a JavaScript action, written uncompressed. */
    static byte[] pdfWithPageAdditionalActionJavaScript() {
        PDDocument doc = document(1);
        org.apache.pdfbox.cos.COSDictionary aa = new org.apache.pdfbox.cos.COSDictionary();
        aa.setItem(COSName.O, new PDActionJavaScript("app.beep(0);").getCOSObject());
        doc.getPage(0).getCOSObject().setItem(COSName.AA, aa);
        return save(doc, false);
    }

    /** Encrypted with a user password (cannot be opened) or with an owner password only. */
    public static byte[] encryptedPdf(String userPassword) {
        PDDocument doc = document(1);
        StandardProtectionPolicy policy =
                new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        try {
            doc.protect(policy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return save(doc, true);
    }

    /** A hand-written PDF whose one stream is {@code inflated} zero bytes deflated (a few KiB on disk). */
    public static byte[] pdfBomb(int inflated) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[inflated]);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (!deflater.finished()) {
            compressed.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        return handWrittenPdf("/Filter /FlateDecode", compressed.toByteArray(), "");
    }

    /** A hand-written one-page PDF with {@code extraCatalog} added to the catalog dictionary. */
    public static byte[] handWrittenPdf(String streamDictionary, byte[] streamData, String extraCatalog) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        offsets.add(out.size());
        write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R " + extraCatalog + " >>\nendobj\n");
        offsets.add(out.size());
        write(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        offsets.add(out.size());
        write(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n");
        offsets.add(out.size());
        write(out, "4 0 obj\n<< /Length " + streamData.length + " " + streamDictionary + " >>\nstream\n");
        out.writeBytes(streamData);
        write(out, "\nendstream\nendobj\n");
        return withXref(out, offsets);
    }

    /** A one-page PDF followed by {@code extra} empty objects ({@code << >>}), each listed in the xref table. */
    public static byte[] pdfWithEmptyObjects(int extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.7\n");
        offsets.add(out.size());
        write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets.add(out.size());
        write(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        offsets.add(out.size());
        write(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n");
        for (int i = 0; i < extra; i++) {
            offsets.add(out.size());
            write(out, (4 + i) + " 0 obj\n<< >>\nendobj\n");
        }
        return withXref(out, offsets);
    }

    /** Ends a hand-written PDF: the xref table of objects 1..n at {@code offsets}, the trailer (catalog 1 0 R). */
    private static byte[] withXref(ByteArrayOutputStream out, List<Integer> offsets) {
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ")
                .append(offsets.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    /** {@code depth} dictionaries nested directly in one another ({@code << /Next << /Next ... >> >>}). */
    public static String nestedDictionaries(int depth) {
        return "<< /Next ".repeat(depth) + "<< >>" + " >>".repeat(depth);
    }

    /**
     * A PDF whose catalog holds a chain of {@code depth} direct dictionaries, the last a JavaScript action, all
     * saved in a Flate-compressed object stream (nothing of it readable in the raw bytes).
     */
    public static byte[] pdfWithJavaScriptDeepInACompressedObjectStream(int depth) {
        PDDocument doc = document(1);
        org.apache.pdfbox.cos.COSDictionary chain = new PDActionJavaScript("app.alert('deep');").getCOSObject();
        for (int i = 0; i < depth; i++) {
            org.apache.pdfbox.cos.COSDictionary outer = new org.apache.pdfbox.cos.COSDictionary();
            outer.setItem(COSName.getPDFName("Next"), chain);
            chain = outer;
        }
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("Deep"), chain);
        return save(doc, true);
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static byte[] png(int width, int height) {
        return image("png", width, height, BufferedImage.TYPE_INT_RGB);
    }

    public static byte[] jpeg(int width, int height) {
        return image("jpg", width, height, BufferedImage.TYPE_INT_RGB);
    }

    private static byte[] image(String format, int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        image.getGraphics().fillRect(0, 0, width / 2, height / 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG signature and a valid IHDR claiming {@code width × height}, then an empty IDAT and IEND. */
    public static byte[] pngHeaderClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        ByteBuffer length = ByteBuffer.allocate(4).putInt(data.length);
        out.writeBytes(length.array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A JPEG start and a baseline frame header (SOF0) claiming {@code width × height}, then EOI. */
    public static byte[] jpegHeaderClaiming(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.putShort((short) 0xFFD8);
        b.putShort((short) 0xFFE0).putShort((short) 16).put("JFIF\0".getBytes(StandardCharsets.US_ASCII));
        b.put(new byte[] {1, 1, 0, 0, 1, 0, 1, 0, 0});
        b.putShort((short) 0xFFC0).putShort((short) 11).put((byte) 8);
        b.putShort((short) height).putShort((short) width).put((byte) 1).put(new byte[] {1, 0x11, 0});
        b.putShort((short) 0xFFD9);
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        return out;
    }

    /** The start of a Linux ELF executable, padded. */
    public static byte[] elfExecutable() {
        byte[] b = new byte[4096];
        byte[] head = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(head, 0, b, 0, head.length);
        b[16] = 2; // ET_EXEC
        b[18] = 0x3E; // x86-64
        return b;
    }

    /** The start of a Windows PE executable (MZ stub pointing at a PE header), padded. */
    public static byte[] windowsExecutable() {
        byte[] b = new byte[4096];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3C] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        String stub = "This program cannot be run in DOS mode.";
        System.arraycopy(stub.getBytes(StandardCharsets.US_ASCII), 0, b, 0x4E, stub.length());
        return b;
    }
}
