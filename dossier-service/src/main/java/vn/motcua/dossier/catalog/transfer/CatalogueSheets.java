package vn.motcua.dossier.catalog.transfer;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.dossier.catalog.domain.ProcedureDraft;
import vn.motcua.dossier.catalog.domain.ProcedureVersion;

/**
 * Reading and writing catalogue files (CSV or XLSX, one row per procedure version, columns of
 * {@link CatalogueCells}). Reading never throws for bad content: problems come back with the row number and column
 * they concern, so that an import can refuse the whole file and say where to fix it.
 */
public final class CatalogueSheets {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ROWS = 2000;

    private CatalogueSheets() {}

    public static List<String> columns() {
        return CatalogueCells.COLUMNS;
    }

    /**
     * @return the drafts of the rows that could be read, and every problem found, each either about the file
     *         (column "content") or about one cell of a row
     */
    public static Parsed read(CatalogueFormat format, byte[] content) {
        if (content.length == 0) {
            return Parsed.fileProblem("is empty");
        }
        if (content.length > MAX_BYTES) {
            return Parsed.fileProblem("is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        List<SheetRow> rows;
        try {
            rows = format == CatalogueFormat.XLSX
                    ? XlsxSheet.read(content, MAX_ROWS)
                    : CsvSheet.read(content, MAX_ROWS);
        } catch (CatalogueFileException e) {
            return Parsed.fileProblem(e.getMessage());
        }
        if (rows.isEmpty()) {
            return Parsed.fileProblem("has a header but no procedure rows");
        }
        List<Row> parsed = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (SheetRow row : rows) {
            ProcedureDraft draft = CatalogueCells.read(
                    row, (column, description) -> problems.add(new Problem(row.number(), column, description)));
            parsed.add(new Row(row.number(), draft));
        }
        return new Parsed(parsed, problems);
    }

    /** The versions as a file, in the given order. */
    public static byte[] write(CatalogueFormat format, List<ProcedureVersion> versions) {
        List<List<String>> rows = versions.stream().map(CatalogueCells::write).toList();
        return format == CatalogueFormat.XLSX ? XlsxSheet.write(rows) : CsvSheet.write(rows);
    }

    static void requireColumns(List<String> header) throws CatalogueFileException {
        List<String> missing = CatalogueCells.COLUMNS.stream()
                .filter(c -> !header.contains(c) && !CatalogueCells.OPTIONAL_COLUMNS.contains(c))
                .toList();
        if (!missing.isEmpty()) {
            throw new CatalogueFileException(
                    "misses the column(s) " + String.join(", ", missing) + " in its header row");
        }
    }

    /** One row that could be read into a draft (which may still break the catalogue rules). */
    public record Row(int number, ProcedureDraft draft) {}

    /**
     * A problem of the file (row 0, column "content") or of one cell.
     */
    public record Problem(int row, String column, String description) {}

    /** What a file held. */
    public record Parsed(List<Row> rows, List<Problem> problems) {

        static Parsed fileProblem(String description) {
            return new Parsed(List.of(), List.of(new Problem(0, "content", description)));
        }
    }
}
