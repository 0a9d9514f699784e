package vn.motcua.report.importer.format;

import java.io.IOException;
import java.io.InputStream;
import vn.motcua.report.importer.domain.ImportFormat;
import vn.motcua.report.importer.domain.SourceRow;

/** Reads an import file one row at a time, whatever its size: nothing but the current row is held. */
public interface RowReader {

    /**
     * @return the next row (blank lines skipped), or null at the end
     * @throws ImportStreamException when the file itself is unusable; a row that is merely wrong comes back as a
     *                               {@link SourceRow} with problems
     */
    SourceRow next() throws IOException;

    /**
     * Reads to the end (instead of {@link #next}) checking only what refuses the file as a whole: encoding, row
     * length, quotes, the CSV header.
     *
     * @return the number of rows, or {@code max + 1} as soon as there are more than {@code max}
     * @throws ImportStreamException when the file itself is unusable
     */
    long countRows(long max) throws IOException;

    /** Counts the non-blank records left, stopping at {@code max + 1}. */
    static long count(RecordReader records, long max) throws IOException {
        long rows = 0;
        for (RecordReader.Record record = records.next(); record != null; record = records.next()) {
            if (!record.isBlank() && ++rows > max) {
                return rows;
            }
        }
        return rows;
    }

    static RowReader open(ImportFormat format, InputStream in) {
        return switch (format) {
            case CSV -> new CsvRowReader(in);
            case JSON_LINES -> new JsonLinesRowReader(in);
        };
    }
}
