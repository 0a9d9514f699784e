package vn.motcua.dossier.catalog.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Catalogue files as CSV (RFC 4180, comma, UTF-8). Export starts with a byte-order mark so that Excel shows the
 * Vietnamese text correctly; import accepts the file with or without it.
 */
final class CsvSheet {

    private static final char BOM = '\uFEFF';

    private CsvSheet() {}

    static List<SheetRow> read(byte[] content, int maxRows) throws CatalogueFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CatalogueFileException("is not UTF-8 text");
        }
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .setIgnoreEmptyLines(true)
                .get();
        List<SheetRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder()
                .setReader(new StringReader(text))
                .setFormat(format)
                .get()) {
            List<String> header =
                    parser.getHeaderNames().stream().map(String::strip).toList();
            CatalogueSheets.requireColumns(header);
            for (CSVRecord record : parser) {
                if (rows.size() == maxRows) {
                    throw new CatalogueFileException("has more than " + maxRows + " rows");
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    cells.put(header.get(i), record.get(i));
                }
                // records are counted after the header, which is row 1 when the file is opened in a spreadsheet
                rows.add(new SheetRow((int) record.getRecordNumber() + 1, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new CatalogueFileException("is not a readable CSV file with a header row");
        }
        return rows;
    }

    static byte[] write(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader(CatalogueCells.COLUMNS.toArray(String[]::new))
                .setRecordSeparator("\r\n")
                .get();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write(BOM);
            try (CSVPrinter printer = format.print(writer)) {
                printer.printRecords(rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
