package vn.motcua.dossier.catalog.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Workbooks built to exhaust the service, each as large as a request may be. Surefire runs this class alone with
 * the heap scripts/platform.sh gives every service (-Xmx192m, dossier-service/pom.xml): reading a bomb must answer
 * a clear problem of the file, never an OutOfMemoryError.
 */
class XlsxBombsTest {

    /** micronaut.server.max-request-size of the gateway (gateway/src/main/resources/application.yml). */
    private static final int GATEWAY_BODY_LIMIT = 1024 * 1024;
    /** What the service reads at most; grpc.server.max-inbound-message-size (6 MiB) leaves room for it. */
    private static final int SERVICE_LIMIT = CatalogueSheets.MAX_BYTES;

    private static final List<String> ROW = List.of(
            "1.001193",
            "Đăng ký khai sinh",
            "Hộ tịch",
            "COMMUNE",
            "1",
            "WORKING_DAYS",
            "FULL",
            "true",
            "x",
            "có",
            "2026-01-01",
            "Phí cấp bản sao:8000",
            "Tờ khai đăng ký khai sinh|true|1|false",
            "11077");

    @Test
    void theBuilderMakesAWorkbookThatReads() {
        byte[] file = new Xlsx()
                .sheet(sheet -> {
                    row(sheet, 1, CatalogueSheets.columns(), 0);
                    row(sheet, 2, ROW, 0);
                })
                .bytes();
        CatalogueSheets.Parsed parsed = CatalogueSheets.read(CatalogueFormat.XLSX, file);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows())
                .singleElement()
                .satisfies(r -> assertThat(r.draft().name()).isEqualTo("Đăng ký khai sinh"));
    }

    @Test
    void sheetXmlOfManyRowsAtTheGatewaysBodyLimitIsRefused() {
        // like the probe's file (275 KB, 20 MB of sheet XML), but as large as the gateway lets through
        byte[] file = new Xlsx()
                .sheet(sheet -> {
                    row(sheet, 1, CatalogueSheets.columns(), 0);
                    for (int r = 2; sheet.compressed() < GATEWAY_BODY_LIMIT - 64 * 1024; r++) {
                        row(sheet, r, ROW, 2);
                    }
                })
                .bytes();
        assertThat(file.length).isBetween(GATEWAY_BODY_LIMIT - 128 * 1024, GATEWAY_BODY_LIMIT);
        // 18 MB of XML: within the unpacked cap, so the row cap stops it, after 2,000 rows instead of all of them
        assertRefused(file, "has more than 2000 rows");
    }

    @Test
    void sheetXmlOfManyRowsAtTheServicesLimitIsRefused() {
        byte[] file = new Xlsx()
                .sheet(sheet -> {
                    row(sheet, 1, CatalogueSheets.columns(), 0);
                    for (int r = 2; sheet.compressed() < SERVICE_LIMIT - 256 * 1024; r++) {
                        row(sheet, r, ROW, 12);
                    }
                })
                .bytes();
        assertThat(file.length).isBetween(SERVICE_LIMIT - 512 * 1024, SERVICE_LIMIT);
        assertRefused(file, "unpacks to more than");
    }

    @Test
    void sharedStringsAtTheServicesLimitAreRefused() {
        Xlsx xlsx = new Xlsx();
        xlsx.entry("xl/sharedStrings.xml", strings -> {
            strings.write("<sst xmlns=\"" + MAIN + "\">");
            for (long i = 0; strings.compressed() < SERVICE_LIMIT - 256 * 1024; i++) {
                strings.write("<si><t>Giấy tờ tùy thân số " + i + "</t></si>");
            }
            strings.write("</sst>");
        });
        byte[] file =
                xlsx.sheet(sheet -> row(sheet, 1, CatalogueSheets.columns(), 0)).bytes();
        assertRefused(file, "unpacks to more than", "compresses more than");
    }

    @Test
    void anEntryThatInflatesTooMuchIsRefused() {
        // 4 MB of zeros deflate to about 4 KB: within the total, but no spreadsheet part compresses like that
        Xlsx xlsx = new Xlsx();
        xlsx.entry("xl/media/image1.png", zeros -> {
            char[] block = new char[64 * 1024];
            for (int i = 0; i < 64; i++) {
                zeros.write(block);
            }
        });
        byte[] file = xlsx.sheet(sheet -> {
                    row(sheet, 1, CatalogueSheets.columns(), 0);
                    row(sheet, 2, ROW, 0);
                })
                .bytes();
        assertThat(file.length).isLessThan(64 * 1024);
        assertRefused(file, "compresses more than");
    }

    @Test
    void aWrongHeaderStopsTheReadingAtOnce() {
        // within every size limit, so only streaming keeps this one small: the header is refused before any row
        byte[] file = new Xlsx()
                .sheet(sheet -> {
                    row(sheet, 1, List.of("mã", "tên"), 0);
                    for (int r = 2; sheet.inflated() < 15L * 1024 * 1024; r++) {
                        row(sheet, r, ROW, 2);
                    }
                })
                .bytes();
        assertRefused(file, "misses the column(s)");
    }

    @Test
    void theRowCapStopsTheReadingAtOnce() {
        byte[] file = new Xlsx()
                .sheet(sheet -> {
                    row(sheet, 1, CatalogueSheets.columns(), 0);
                    for (int r = 2; sheet.inflated() < 15L * 1024 * 1024; r++) {
                        row(sheet, r, ROW, 2);
                    }
                })
                .bytes();
        assertRefused(file, "more than 2000 rows");
    }

    @Test
    void aCellLongerThanExcelAllowsIsRefused() {
        byte[] file = new Xlsx()
                .sheet(sheet -> {
                    row(sheet, 1, CatalogueSheets.columns(), 0);
                    StringBuilder digits = new StringBuilder();
                    for (long i = 0; digits.length() <= XlsxSheet.MAX_CELL_CHARS; i++) {
                        digits.append(noise(i));
                    }
                    row(sheet, 2, List.of("1.001193", digits.toString()), 0);
                })
                .bytes();
        assertRefused(file, "32767 characters");
    }

    @Test
    void tooManyEntriesAreRefused() {
        Xlsx xlsx = new Xlsx();
        for (int i = 0; i < 1000; i++) {
            xlsx.entry("xl/media/image" + i + ".png", image -> image.write("x"));
        }
        byte[] file =
                xlsx.sheet(sheet -> row(sheet, 1, CatalogueSheets.columns(), 0)).bytes();
        assertRefused(file, "parts");
    }

    @Test
    void aTruncatedWorkbookIsRefused() {
        byte[] file = new Xlsx()
                .sheet(sheet -> {
                    row(sheet, 1, CatalogueSheets.columns(), 0);
                    row(sheet, 2, ROW, 0);
                })
                .bytes();
        assertRefused(java.util.Arrays.copyOf(file, file.length / 2), "is not a readable XLSX workbook");
    }

    private static void assertRefused(byte[] file, String... reasons) {
        CatalogueSheets.Parsed parsed = CatalogueSheets.read(CatalogueFormat.XLSX, file);
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isZero();
            assertThat(p.column()).isEqualTo("content");
            assertThat(p.description()).containsAnyOf(reasons);
        });
    }

    /** One row of inline strings, and {@code noise} cells of numbers that keep the XML from compressing too well. */
    private static void row(Part sheet, int number, List<String> cells, int noise) {
        StringBuilder xml = new StringBuilder("<row r=\"").append(number).append("\">");
        for (int i = 0; i < cells.size(); i++) {
            xml.append("<c r=\"")
                    .append(column(i))
                    .append(number)
                    .append("\" t=\"inlineStr\"><is><t>")
                    .append(cells.get(i))
                    .append("</t></is></c>");
        }
        for (int i = 0; i < noise; i++) {
            xml.append("<c r=\"")
                    .append(column(cells.size() + i))
                    .append(number)
                    .append("\"><v>")
                    .append(noise((long) number * 31 + i))
                    .append("</v></c>");
        }
        sheet.write(xml.append("</row>").toString());
    }

    private static String column(int index) {
        return index < 26
                ? String.valueOf((char) ('A' + index))
                : String.valueOf((char) ('A' + index / 26 - 1)) + (char) ('A' + index % 26);
    }

    private static long noise(long seed) {
        long x = seed * 0x9E3779B97F4A7C15L;
        x ^= x >>> 29;
        return Math.abs(x % 1_000_000_007L);
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** One zip entry being written, with what it has cost so far. */
    interface Part {
        void write(String text);

        default void write(char[] text) {
            write(new String(text));
        }

        long compressed();

        long inflated();
    }

    /** A minimal workbook written as raw zip entries, so that a test controls every part's size. */
    private static final class Xlsx {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final ZipOutputStream zip = new ZipOutputStream(bytes);
        private boolean sharedStrings;

        Xlsx() {
            zip.setLevel(Deflater.BEST_COMPRESSION);
        }

        Xlsx entry(String name, java.util.function.Consumer<Part> content) {
            sharedStrings |= name.equals("xl/sharedStrings.xml");
            try {
                zip.putNextEntry(new ZipEntry(name));
                long[] inflated = {0};
                Writer writer = new OutputStreamWriter(
                        new OutputStream() {
                            @Override
                            public void write(int b) throws IOException {
                                zip.write(b);
                                inflated[0]++;
                            }

                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                zip.write(b, off, len);
                                inflated[0] += len;
                            }
                        },
                        StandardCharsets.UTF_8);
                content.accept(new Part() {
                    @Override
                    public void write(String text) {
                        try {
                            writer.write(text);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }

                    @Override
                    public long compressed() {
                        return bytes.size();
                    }

                    @Override
                    public long inflated() {
                        return inflated[0];
                    }
                });
                writer.flush();
                zip.closeEntry();
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The sheet part, then the package parts that make it a workbook. */
        Xlsx sheet(java.util.function.Consumer<Part> rows) {
            entry("xl/worksheets/sheet1.xml", sheet -> {
                sheet.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>");
                rows.accept(sheet);
                sheet.write("</sheetData></worksheet>");
            });
            String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
            entry(
                    "[Content_Types].xml",
                    p -> p.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                            + "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-"
                            + "package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + type + "sheet.main+xml\"/>"
                            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"" + type
                            + "worksheet+xml\"/>"
                            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + type
                            + "sharedStrings+xml\"/>"
                            + "</Types>"));
            entry(
                    "_rels/.rels",
                    p -> p.write("<Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\"" + OFFICE
                            + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            entry(
                    "xl/workbook.xml",
                    p -> p.write("<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + OFFICE + "\">"
                            + "<sheets><sheet name=\"TTHC\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            entry(
                    "xl/_rels/workbook.xml.rels",
                    p -> p.write("<Relationships xmlns=\"" + RELS + "\">"
                            + "<Relationship Id=\"rId1\" Type=\"" + OFFICE
                            + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                            + (sharedStrings
                                    ? "<Relationship Id=\"rId2\" Type=\"" + OFFICE + "/sharedStrings\" "
                                            + "Target=\"sharedStrings.xml\"/>"
                                    : "")
                            + "</Relationships>"));
            return this;
        }

        byte[] bytes() {
            try {
                zip.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }
}
