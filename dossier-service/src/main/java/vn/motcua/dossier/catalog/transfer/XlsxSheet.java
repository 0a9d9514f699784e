package vn.motcua.dossier.catalog.transfer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Catalogue files as an Excel workbook: the first sheet, a header row, one row per procedure version. Export
 * writes every cell as text so that codes such as 1.001190 keep their trailing zeros; import also accepts numbers,
 * booleans and date-formatted cells as people type them.
 *
 * <p>Import reads an uploaded file, so it is built for hostile ones: the zip is measured before POI opens it (a
 * cap on parts, on what they unpack to and on how well each compresses), and the sheet is streamed (SAX), so that
 * a wrong header or one row too many stops the reading at once. POI's own zip-bomb limits (ZipSecureFile) are
 * JVM-wide static settings and stay at their defaults: the limits here are per call and tighter.
 */
final class XlsxSheet {

    static final String SHEET_NAME = "TTHC";
    /** Columns looked at: the catalogue has 14, people add a few notes; a cell far to the right is ignored. */
    static final int MAX_COLUMNS = 64;
    /**
     * What all parts may unpack to. POI holds the unpacked parts in memory; a full catalogue of 2,000 rows
     * unpacks to about 1.5 MB, so this leaves room for long texts and stays small next to the service's heap.
     */
    static final long MAX_UNPACKED_BYTES = 20L * 1024 * 1024;
    /** Parts of the zip: a workbook saved by Excel has about 15. */
    static final int MAX_PARTS = 200;
    /**
     * How much better than this a part of more than {@link #RATIO_CHECKED_FROM} bytes may not compress (POI allows
     * 100): sheet XML of real catalogues compresses 10 to 20 times.
     */
    static final int MAX_COMPRESSION_RATIO = 50;

    static final long RATIO_CHECKED_FROM = 1024 * 1024;
    /** Excel's own limit of a cell. */
    static final int MAX_CELL_CHARS = 32_767;

    private XlsxSheet() {}

    static List<SheetRow> read(byte[] content, int maxRows) throws CatalogueFileException {
        measure(content);
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(workbook);
            StylesTable styles = reader.getStylesTable();
            SharedStrings strings = new BoundedSharedStrings(workbook);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new CatalogueFileException("has no sheet");
            }
            Rows rows = new Rows(maxRows);
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new BoundedSheetHandler(styles, strings, rows));
                parser.parse(new InputSource(sheet));
            }
            return rows.all();
        } catch (SAXException e) {
            throw refusal(e);
        } catch (Refusal e) {
            throw e.reason;
        } catch (IOException | OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            throw new CatalogueFileException("is not a readable XLSX workbook");
        } catch (OutOfMemoryError | StackOverflowError e) {
            // the limits above should keep this from happening; if not, the file is refused, not the service
            throw new CatalogueFileException("is too large to read");
        }
    }

    /**
     * Walks the zip as POI will read it (commons-compress, same settings as POI's ZipHelper), counting what each
     * part unpacks to, without keeping any of it.
     */
    private static void measure(byte[] content) throws CatalogueFileException {
        long total = 0;
        int parts = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(
                new ByteArrayInputStream(content), StandardCharsets.UTF_8.name(), false, true)) {
            for (ZipArchiveEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++parts > MAX_PARTS) {
                    throw new CatalogueFileException("has more than " + MAX_PARTS + " parts");
                }
                long unpacked = 0;
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    unpacked += n;
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        throw new CatalogueFileException(
                                "unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB");
                    }
                    if (unpacked > RATIO_CHECKED_FROM
                            && unpacked > MAX_COMPRESSION_RATIO * Math.max(zip.getCompressedCount(), 1)) {
                        throw new CatalogueFileException("has a part that compresses more than " + MAX_COMPRESSION_RATIO
                                + " times, which no spreadsheet does");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new CatalogueFileException("is not a readable XLSX workbook");
        }
        if (parts == 0) {
            throw new CatalogueFileException("is not a readable XLSX workbook");
        }
    }

    private static CatalogueFileException refusal(SAXException e) {
        Throwable cause = e.getException() != null ? e.getException() : e.getCause();
        return cause instanceof Refusal r ? r.reason : new CatalogueFileException("is not a readable XLSX workbook");
    }

    /** Stops the SAX parse with the file's problem; unchecked, since POI's row callbacks declare no exception. */
    private static final class Refusal extends RuntimeException {

        private final CatalogueFileException reason;

        Refusal(String description) {
            super(description, null, false, false);
            this.reason = new CatalogueFileException(description);
        }
    }

    /** The rows of the sheet as POI streams them: the header is checked at once, rows stop at the cap. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final int maxRows;
        private final List<SheetRow> rows = new ArrayList<>();
        private final List<String> cells = new ArrayList<>();
        private List<String> header;

        Rows(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (column >= MAX_COLUMNS || value == null) {
                return;
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, value);
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().allMatch(String::isBlank)) {
                return;
            }
            if (header == null) {
                header = cells.stream().map(String::strip).toList();
                try {
                    CatalogueSheets.requireColumns(header);
                } catch (CatalogueFileException e) {
                    throw new Refusal(e.getMessage());
                }
                return;
            }
            if (rows.size() == maxRows) {
                throw new Refusal("has more than " + maxRows + " rows");
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                byColumn.put(header.get(i), cells.get(i));
            }
            rows.add(new SheetRow(rowNum + 1, byColumn));
        }

        List<SheetRow> all() throws CatalogueFileException {
            if (header == null) {
                throw new CatalogueFileException("has no header row");
            }
            return rows;
        }
    }

    /** Cell values as the DOM reader gave them: dates as ISO dates, other numbers without their display format. */
    private static final class CellText extends DataFormatter {

        CellText() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, -1, "General");
        }
    }

    /** The length of a cell's or shared string's text with one more run; refused beyond Excel's own limit. */
    private static long grown(long length, int more, String what) {
        if (length + more > MAX_CELL_CHARS) {
            throw new Refusal("has " + what + " longer than " + MAX_CELL_CHARS + " characters");
        }
        return length + more;
    }

    /** POI's sheet handler, refusing a cell longer than Excel allows before its text piles up in memory. */
    private static final class BoundedSheetHandler extends XSSFSheetXMLHandler {

        private long textLength;

        BoundedSheetHandler(StylesTable styles, SharedStrings strings, Rows rows) {
            super(styles, strings, rows, new CellText(), false);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("c".equals(localName) || "row".equals(localName)) {
                textLength = 0;
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            textLength = grown(textLength, length, "a cell");
            super.characters(ch, start, length);
        }
    }

    /** The shared strings, with the same limit per string; the table is read in the constructor. */
    private static final class BoundedSharedStrings extends ReadOnlySharedStringsTable {

        // no initializer: the superclass constructor parses, and so sets this, before this class's fields initialize
        private long textLength;

        BoundedSharedStrings(OPCPackage workbook) throws IOException, SAXException {
            super(workbook, false);
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("si".equals(localName)) {
                textLength = 0;
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            textLength = grown(textLength, length, "a text");
            super.characters(ch, start, length);
        }
    }

    static byte[] write(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET_NAME);
            XSSFCellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            for (int i = 0; i < CatalogueCells.COLUMNS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(CatalogueCells.COLUMNS.get(i));
                cell.setCellStyle(bold);
                // fixed widths: autoSizeColumn needs fonts that a headless server may lack
                sheet.setColumnWidth(i, (i == 1 || i >= 11 ? 60 : 16) * 256);
            }
            sheet.createFreezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = rows.get(r);
                for (int i = 0; i < cells.size(); i++) {
                    row.createCell(i, CellType.STRING).setCellValue(cells.get(i));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
