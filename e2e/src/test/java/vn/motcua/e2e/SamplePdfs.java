package vn.motcua.e2e;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * PDFs written byte by byte in plain ASCII (so they survive being sent as a Java string, as the matrix sends bodies):
 * one A4 page with a line of text, optionally a JavaScript open action, optionally padded with comment lines to any
 * size and produced as a stream, never held whole (the 200 MB upload).
 */
final class SamplePdfs {

    private SamplePdfs() {}

    /** A one-page PDF showing {@code text} (ASCII letters, digits and spaces). */
    static String page(String text) {
        return new String(build(text, false, 0).head, StandardCharsets.US_ASCII)
                + new String(build(text, false, 0).tail, StandardCharsets.US_ASCII);
    }

    static byte[] pageBytes(String text) {
        return page(text).getBytes(StandardCharsets.US_ASCII);
    }

    /** A one-page PDF whose catalogue runs JavaScript when opened: digitization-service must refuse it. */
    static byte[] withJavaScript() {
        Built b = build("Mo tep nay", true, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(b.head);
        out.writeBytes(b.tail);
        return out.toByteArray();
    }

    /** Exactly {@code size} bytes of a valid one-page PDF, padded with comment lines, generated as it is read. */
    static InputStream padded(long size) {
        long padding = 0;
        Built b = build("Tep lon", false, padding);
        // startxref names the padded offset: its digits change the tail's length, so settle the padding by repeating
        for (int i = 0; i < 5; i++) {
            padding = size - b.head.length - b.tail.length;
            b = build("Tep lon", false, padding);
        }
        if (padding < 2 || b.head.length + padding + b.tail.length != size) {
            throw new IllegalArgumentException("cannot pad a PDF to " + size + " bytes");
        }
        return new SequenceInputStream(
                new SequenceInputStream(new java.io.ByteArrayInputStream(b.head), comments(padding)),
                new java.io.ByteArrayInputStream(b.tail));
    }

    /** {@code length} bytes of PDF comment lines ("%xxxx...\n"). */
    private static InputStream comments(long length) {
        return new InputStream() {
            private long at;

            @Override
            public int read() {
                if (at >= length) {
                    return -1;
                }
                long i = at++;
                if (i == length - 1 || i % 1024 == 1023) {
                    return '\n';
                }
                return i % 1024 == 0 ? '%' : 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= length) {
                    return -1;
                }
                int n = (int) Math.min(len, length - at);
                for (int k = 0; k < n; k++) {
                    b[off + k] = (byte) read();
                }
                return n;
            }
        };
    }

    /** head: header and objects; tail: the cross-reference table and trailer, offsets counting {@code padding}. */
    private record Built(byte[] head, byte[] tail) {}

    private static Built build(String text, boolean javaScript, long padding) {
        String content = "BT /F1 18 Tf 72 760 Td (" + text + ") Tj ET\n0 0 0 rg 200 300 200 150 re f\n";
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R"
                + (javaScript ? " /OpenAction << /S /JavaScript /JS (app.alert\\('x'\\);) >>" : "") + " >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>");
        objects.add("<< /Length " + content.length() + " >>\nstream\n" + content + "endstream");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder head = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(head.length());
            head.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        long xref = head.length() + padding;
        StringBuilder tail =
                new StringBuilder("xref\n0 ").append(objects.size() + 1).append("\n");
        tail.append("0000000000 65535 f \n");
        for (int offset : offsets) {
            tail.append(String.format("%010d 00000 n \n", offset));
        }
        tail.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return new Built(
                head.toString().getBytes(StandardCharsets.US_ASCII),
                tail.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
