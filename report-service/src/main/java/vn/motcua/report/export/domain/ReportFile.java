package vn.motcua.report.export.domain;

/**
 * A rendered report.
 *
 * @param fileName ASCII, e.g. {@code BC-II06a_30_2026-Q3.xlsx}
 * @param etag     quoted strong validator derived from the figures (not from the file's bytes)
 */
public record ReportFile(byte[] content, String contentType, String fileName, String etag) {}
