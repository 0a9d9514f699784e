package vn.motcua.report.importer.domain;

/**
 * Why a row was refused, which refuses its whole batch.
 *
 * @param line  1-based line of the file where the row starts (a CSV file's header row is line 1)
 * @param field the field at fault (a column or JSON key, e.g. {@code NgayTiepNhan}, {@code TienTrinh[2].ThoiDiem}),
 *              or empty when the row as a whole is at fault
 */
public record RowError(long line, String field, String message) {}
