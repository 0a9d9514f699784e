package vn.motcua.report.importer.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import vn.motcua.report.importer.domain.ImportLimits;

/**
 * Cuts a UTF-8 byte stream into records with bounded memory: a JSON Lines line, or a CSV record (a line break inside
 * double quotes does not end it). A record longer than {@link ImportLimits#MAX_ROW_BYTES}, bytes that are not UTF-8
 * and an unclosed quote at the end refuse the file ({@link ImportStreamException}, with the line). A leading byte order
 * mark is skipped; CRLF and LF both end a line.
 * <p>
 * Why not commons-csv: it keeps a field of any length in memory and reports no record length, so a hostile file of one
 * 2 GiB quoted field would exhaust the heap before a check could run. Scanning bytes is safe for the quote state
 * because UTF-8 never uses a byte below 0x80 inside a multi-byte character.
 */
public final class RecordReader {

    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final boolean csvQuotes;
    private final byte[] buffer = new byte[BUFFER];
    private final byte[] record = new byte[ImportLimits.MAX_ROW_BYTES];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(ImportLimits.MAX_ROW_BYTES);
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;
    private boolean ended;

    /** One record and the line it starts on. */
    public record Record(long line, String text) {

        public boolean isBlank() {
            return text.isBlank();
        }
    }

    /** @param csvQuotes true for CSV (quoted line breaks stay in the record), false for JSON Lines */
    public RecordReader(InputStream in, boolean csvQuotes) {
        this.in = in;
        this.csvQuotes = csvQuotes;
    }

    /** @return the next record, or null at the end of the stream */
    public Record next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        if (ended) {
            return null;
        }
        long start = line;
        int length = 0;
        boolean quoted = false;
        boolean any = false;
        while (true) {
            int b = read();
            if (b < 0) {
                ended = true;
                if (!any) {
                    return null;
                }
                if (quoted) {
                    throw new ImportStreamException(start, "a quoted field is never closed (a \" is missing)");
                }
                break;
            }
            any = true;
            if (b == '\n') {
                line++;
                if (!quoted) {
                    break;
                }
            } else if (b == '"' && csvQuotes) {
                quoted = !quoted;
            }
            if (length == record.length) {
                throw new ImportStreamException(
                        start, "the row is longer than " + ImportLimits.MAX_ROW_BYTES + " bytes (64 KiB)");
            }
            record[length++] = (byte) b;
        }
        if (length > 0 && record[length - 1] == '\r') {
            length--;
        }
        return new Record(start, decode(start, length));
    }

    private String decode(long start, int length) {
        ByteBuffer bytes = ByteBuffer.wrap(record, 0, length);
        chars.clear();
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            throw new ImportStreamException(lineAt(start, bytes.position()), "the bytes are not valid UTF-8 text");
        }
        decoder.flush(chars);
        chars.flip();
        return chars.toString();
    }

    /** The line of byte {@code offset} of the current record (quoted line breaks move it on). */
    private long lineAt(long start, int offset) {
        long at = start;
        for (int i = 0; i < offset; i++) {
            if (record[i] == '\n') {
                at++;
            }
        }
        return at;
    }

    private void skipByteOrderMark() throws IOException {
        while (limit < 3) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                break;
            }
            limit += n;
        }
        if (limit >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
            position = 3;
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            int n;
            do {
                n = in.read(buffer, 0, buffer.length);
            } while (n == 0);
            if (n < 0) {
                return -1;
            }
            position = 0;
            limit = n;
        }
        return buffer[position++] & 0xFF;
    }
}
