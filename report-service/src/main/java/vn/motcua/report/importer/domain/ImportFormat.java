package vn.motcua.report.importer.domain;

/** The two file formats an import accepts (report-service/README.md, "Historical import"). */
public enum ImportFormat {
    /** One JSON object per line, UTF-8. */
    JSON_LINES,
    /** RFC 4180 CSV with a header row, comma-separated, UTF-8 (a leading BOM is skipped). */
    CSV
}
