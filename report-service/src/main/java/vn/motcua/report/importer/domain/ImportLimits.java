package vn.motcua.report.importer.domain;

/** The fixed limits of an import; the configurable ones (size, rows) are {@code motcua.report.import.*}. */
public final class ImportLimits {

    /** A row (a CSV record, quoted line breaks included, or a JSON line) longer than this refuses the whole file. */
    public static final int MAX_ROW_BYTES = 64 * 1024;
    /** The proto's promise: a chunk carries at most 1 MiB. */
    public static final int MAX_CHUNK_BYTES = 1024 * 1024;

    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final int MAX_BATCH_SIZE = 10_000;
    /** The answer lists at most this many row errors, the first by line. */
    public static final int MAX_ERRORS = 100;

    public static final int MAX_REQUEST_ID = 64;
    public static final int MAX_UNIT_CODE = 32;
    /** Status history entries per dossier; real dossiers change status a handful of times. */
    public static final int MAX_HISTORY = 100;

    private ImportLimits() {}
}
