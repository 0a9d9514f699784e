package vn.motcua.report.importer.format;

/**
 * The file itself is unusable (not UTF-8, a row over 64 KiB, an unclosed quote, a bad CSV header, no rows at all...):
 * the whole import is refused before anything is written.
 *
 * @see vn.motcua.report.importer.domain.ImportLimits
 */
public class ImportStreamException extends RuntimeException {

    private final long line;

    public ImportStreamException(long line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    /** 1-based line the problem is at; 0 when it concerns the file as a whole. */
    public long line() {
        return line;
    }

    /** The message with its line, as the caller reads it. */
    public String describe() {
        return line > 0 ? "line " + line + ": " + getMessage() : getMessage();
    }
}
