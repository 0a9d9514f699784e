package vn.motcua.digitization.document.content;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One streaming pass over a PDF's raw bytes, before any PDF library parses it, with memory bounded by a few buffers:
 * <ul>
 *   <li>finds {@code /JS}, {@code /JavaScript}, {@code /Launch} and {@code /XFA} name tokens (with {@code #xx} escapes
 *       decoded) outside strings, comments and stream data, so active content is found even where a broken
 *       cross-reference table would hide the object from a structural walk; the same tokenizer reads the inflated
 *       bytes of every object stream ({@code /Type /ObjStm}), where compressed objects would otherwise hide;</li>
 *   <li>estimates the number of objects without building any: the {@code obj} keywords, plus the {@code /N} counts
 *       of object streams, or the largest {@code /Size} of a trailer or cross-reference stream when that is more, so
 *       a file of millions of tiny objects is refused before PDFBox holds each one in memory;</li>
 *   <li>inflates every stream body that is zlib data (FlateDecode) into a discarding buffer, counting, and stops at
 *       the first stream or the total that passes its limit: a decompression bomb is refused without ever being
 *       expanded in memory or on disk, and only then may PDFBox decode object streams.</li>
 * </ul>
 * Stream bodies are delimited by the {@code stream} keyword and the next {@code endstream}, not by {@code /Length}
 * (which an attacker controls and may make indirect).
 */
final class PdfRawScanner {

    private static final byte[] ENDSTREAM = "endstream".getBytes(StandardCharsets.US_ASCII);

    record Result(
            boolean javaScript,
            boolean launch,
            boolean xfa,
            long objects,
            long largestInflated,
            long totalInflated,
            String bomb) {}

    private final long maxStreamInflated;
    private final long maxTotalInflated;

    private boolean javaScript;
    private boolean launch;
    private boolean xfa;
    private long objKeywords;
    private long objectStreamObjects;
    private long declaredSize;
    private long totalInflated;
    private long largestInflated;
    private String bomb;

    // stream body state
    private final Inflater inflater = new Inflater();
    private boolean inflating;
    private long streamInflated;
    private final byte[] pending = new byte[64 * 1024];
    private int pendingLength;
    private final byte[] scratch = new byte[64 * 1024];

    // the dictionary before a stream: whether it is an object stream, and its /N or /Size when given
    private boolean objectStream;
    private String lastName = "";
    private final NameTokenizer inflatedNames = new NameTokenizer(decoded -> {
        if (!"ObjStm".equals(decoded)) {
            name(decoded);
        }
    });

    PdfRawScanner(long maxStreamInflated, long maxTotalInflated) {
        this.maxStreamInflated = maxStreamInflated;
        this.maxTotalInflated = maxTotalInflated;
    }

    static Result scan(Path file, long maxStreamInflated, long maxTotalInflated) {
        PdfRawScanner scanner = new PdfRawScanner(maxStreamInflated, maxTotalInflated);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 128 * 1024)) {
            scanner.run(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            scanner.inflater.end();
        }
        long objects = Math.max(scanner.objKeywords + scanner.objectStreamObjects, scanner.declaredSize);
        return new Result(
                scanner.javaScript,
                scanner.launch,
                scanner.xfa,
                objects,
                scanner.largestInflated,
                scanner.totalInflated,
                scanner.bomb);
    }

    private void name(String decoded) {
        switch (decoded) {
            case "JS", "JavaScript" -> javaScript = true;
            case "Launch" -> launch = true;
            case "XFA" -> xfa = true;
            case "ObjStm" -> objectStream = true;
            default -> {
                // other names do not matter here
            }
        }
    }

    /** A number right after {@code /N} (object stream count) or {@code /Size} (cross-reference size). */
    private void number(CharSequence token) {
        if (token.isEmpty() || token.length() > 10) {
            return;
        }
        for (int i = 0; i < token.length(); i++) {
            if (!Character.isDigit(token.charAt(i))) {
                return;
            }
        }
        long value = Long.parseLong(token.toString());
        if ("N".equals(lastName)) {
            objectStreamObjects += value;
        } else if ("Size".equals(lastName)) {
            declaredSize = Math.max(declaredSize, value);
        }
    }

    static boolean isWhite(int b) {
        return b == 0 || b == 9 || b == 10 || b == 12 || b == 13 || b == 32;
    }

    static boolean isDelimiter(int b) {
        return b == '(' || b == ')' || b == '<' || b == '>' || b == '[' || b == ']' || b == '{' || b == '}' || b == '/'
                || b == '%';
    }

    private void run(InputStream in) throws IOException {
        int b = in.read();
        StringBuilder token = new StringBuilder();
        while (b >= 0 && bomb == null) {
            if ((isWhite(b) || isDelimiter(b)) && !token.isEmpty()) {
                endToken(token);
                token.setLength(0);
            }
            if (b == '%') {
                while (b >= 0 && b != '\n' && b != '\r') {
                    b = in.read();
                }
                continue;
            }
            if (b == '(') {
                b = skipString(in);
                continue;
            }
            if (b == '/') {
                StringBuilder name = new StringBuilder();
                b = in.read();
                while (b >= 0 && !isWhite(b) && !isDelimiter(b) && name.length() < 64) {
                    name.append((char) b);
                    b = in.read();
                }
                String decoded = decodeName(name);
                name(decoded);
                lastName = decoded;
                continue;
            }
            if (isWhite(b) || isDelimiter(b)) {
                if (!isWhite(b)) {
                    // a value after /N or /Size is a number right after the name, not inside an array or dictionary
                    lastName = "";
                }
                b = in.read();
                continue;
            }
            // a regular character: part of a keyword or number
            if (token.length() < 16) {
                token.append((char) b);
            }
            b = in.read();
            if ((b < 0 || isWhite(b) || isDelimiter(b)) && "stream".contentEquals(token)) {
                token.setLength(0);
                lastName = "";
                // the keyword is followed by CRLF or LF (a lone CR is tolerated)
                if (b == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                } else if (b != '\n') {
                    continue;
                }
                b = streamBody(in);
            }
        }
    }

    /** A keyword or number ended: {@code obj} counts an object, a number may be an /N or /Size value. */
    private void endToken(CharSequence token) {
        if ("obj".contentEquals(token)) {
            objKeywords++;
            objectStream = false;
        } else {
            number(token);
        }
        lastName = "";
    }

    /** Skips a literal string (balanced parentheses, backslash escapes); returns the byte after it. */
    private static int skipString(InputStream in) throws IOException {
        int depth = 1;
        int b = in.read();
        while (b >= 0) {
            if (b == '\\') {
                in.read();
            } else if (b == '(') {
                depth++;
            } else if (b == ')' && --depth == 0) {
                return in.read();
            }
            b = in.read();
        }
        return b;
    }

    static String decodeName(CharSequence raw) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '#' && i + 2 < raw.length()) {
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.append((char) (hi * 16 + lo));
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Reads a stream body up to and including {@code endstream}, inflating it on the way; returns the next byte. */
    private int streamBody(InputStream in) throws IOException {
        boolean tokenize = objectStream;
        objectStream = false;
        inflatedNames.reset(tokenize);
        inflater.reset();
        inflating = true;
        streamInflated = 0;
        pendingLength = 0;
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            pending[pendingLength++] = (byte) b;
            if (pendingLength == pending.length) {
                flush();
                if (bomb != null) {
                    return -1;
                }
            }
            if (b == ENDSTREAM[matched]) {
                matched++;
                if (matched == ENDSTREAM.length) {
                    flush();
                    inflatedNames.end();
                    largestInflated = Math.max(largestInflated, streamInflated);
                    return in.read();
                }
            } else {
                matched = b == ENDSTREAM[0] ? 1 : 0;
            }
        }
        flush();
        inflatedNames.end();
        largestInflated = Math.max(largestInflated, streamInflated);
        return -1;
    }

    private void flush() {
        int length = pendingLength;
        pendingLength = 0;
        if (!inflating || length == 0 || inflater.finished()) {
            return;
        }
        inflater.setInput(pending, 0, length);
        try {
            while (!inflater.needsInput() && !inflater.finished()) {
                int n = inflater.inflate(scratch);
                if (n == 0 && (inflater.needsDictionary() || inflater.needsInput() || inflater.finished())) {
                    break;
                }
                inflatedNames.accept(scratch, n);
                streamInflated += n;
                totalInflated += n;
                if (streamInflated > maxStreamInflated) {
                    bomb = "a compressed stream inflates to more than " + maxStreamInflated + " bytes";
                    return;
                }
                if (totalInflated > maxTotalInflated) {
                    bomb = "its compressed streams inflate to more than " + maxTotalInflated + " bytes";
                    return;
                }
            }
            if (inflater.needsDictionary()) {
                inflating = false;
            }
        } catch (DataFormatException notZlib) {
            // not Flate data (an image in DCT, or raw bytes): nothing to inflate
            inflating = false;
        }
    }
}
