package vn.motcua.digitization.stamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.platform.testing.TestPdfs;
import vn.motcua.platform.testing.TestQrCodes;

class DocumentQrStamperTest {

    private static final QrPayload PAYLOAD = new QrPayload(
            "000.00.01.H29-250101-0001", "1.001234", "001090012345", "Giấy khai sinh của Nguyễn Thị Hồng");

    private static final String JSON = "{\"dossierCode\":\"000.00.01.H29-250101-0001\",\"procedureCode\":\"1.001234\","
            + "\"applicantId\":\"001090012345\",\"documentName\":\"Giấy khai sinh của Nguyễn Thị Hồng\"}";

    /** 4 cm at 300 dpi: the QR (2.2 cm) and its margin (0.5 cm) fit inside this from the corner. */
    private static final float CORNER_PX = 4f / 2.54f * 300f;

    private final QrStamper stamper = new DocumentQrStamper();

    @TempDir
    Path dir;

    @Test
    void pdfGetsTheCompactJsonPayloadAsQrAtTheTopLeftOfItsFirstPage() throws IOException {
        Path source = TestPdfs.write(dir.resolve("scan.pdf"), 3);
        Path target = dir.resolve("stamped.pdf");

        String text = stamper.stamp(source, "application/pdf", PAYLOAD, target);

        assertThat(text).isEqualTo(JSON);
        assertThat(TestQrCodes.firstPageTopLeft(target)).isEqualTo(JSON);
        assertUprightInTopLeftCorner(render(target, 0, 300));
    }

    @Test
    void pdfKeepsItsPageCountAndItsOtherPagesUnchanged() throws IOException {
        Path source = TestPdfs.write(dir.resolve("scan.pdf"), 3);
        Path target = dir.resolve("stamped.pdf");

        stamper.stamp(source, "application/pdf", PAYLOAD, target);

        try (PDDocument stamped = Loader.loadPDF(target.toFile())) {
            assertThat(stamped.getNumberOfPages()).isEqualTo(3);
        }
        for (int page = 1; page < 3; page++) {
            assertThat(pixels(render(target, page, 72)))
                    .as("page %d", page + 1)
                    .isEqualTo(pixels(render(source, page, 72)));
        }
        assertThat(pixels(render(target, 0, 72))).isNotEqualTo(pixels(render(source, 0, 72)));
    }

    @ParameterizedTest(name = "/Rotate {0}")
    @ValueSource(ints = {0, 90, 180, 270})
    void rotatedAndCroppedPageGetsTheQrUprightAtTheTopLeftAsShown(int rotation) throws IOException {
        Path source = dir.resolve("rotated.pdf");
        try (PDDocument document =
                Loader.loadPDF(TestPdfs.write(dir.resolve("plain.pdf"), 2).toFile())) {
            PDPage first = document.getPage(0);
            first.setRotation(rotation);
            // a crop box away from the media box's corner: the QR must follow the visible area, not the sheet
            first.setCropBox(new PDRectangle(60, 90, 420, 600));
            document.save(source.toFile());
        }
        Path target = dir.resolve("stamped.pdf");

        String text = stamper.stamp(source, "application/pdf", PAYLOAD, target);

        assertThat(TestQrCodes.firstPageTopLeft(target)).isEqualTo(text);
        assertUprightInTopLeftCorner(render(target, 0, 300));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"png, image/png", "jpeg, image/jpeg"})
    void imageScanGetsTheQrInItsTopLeftCornerAndKeepsItsFormatAndSize(String format, String mediaType)
            throws IOException {
        Path source = scan(format);
        Path target = dir.resolve("stamped." + format);

        String text = stamper.stamp(source, mediaType, PAYLOAD, target);

        assertThat(formatOf(target)).isEqualToIgnoringCase(format);
        BufferedImage stamped = ImageIO.read(target.toFile());
        assertThat(stamped.getWidth()).isEqualTo(1654);
        assertThat(stamped.getHeight()).isEqualTo(2339);
        assertThat(TestQrCodes.topLeft(stamped)).isEqualTo(text).isEqualTo(JSON);
    }

    @Test
    void missingPayloadFieldsAreJsonNulls() {
        Path source = TestPdfs.write(dir.resolve("scan.pdf"), 1);

        String text = stamper.stamp(
                source, "application/pdf", new QrPayload("D-1", "P-1", null, "Tờ khai"), dir.resolve("out.pdf"));

        assertThat(text)
                .isEqualTo("{\"dossierCode\":\"D-1\",\"procedureCode\":\"P-1\",\"applicantId\":null,"
                        + "\"documentName\":\"Tờ khai\"}");
    }

    @Test
    void otherMediaTypesAreRefused() throws IOException {
        Path source = Files.writeString(dir.resolve("note.txt"), "hello");

        assertThatThrownBy(() -> stamper.stamp(source, "text/plain", PAYLOAD, dir.resolve("out.txt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text/plain");
    }

    /** Finder patterns near the top-left corner, the top-left pattern up and to the left of the other two. */
    private static void assertUprightInTopLeftCorner(BufferedImage page) {
        Result qr = TestQrCodes.decode(page.getSubimage(0, 0, page.getWidth() / 2, page.getHeight() / 2));
        ResultPoint[] p = qr.getResultPoints(); // bottom-left, top-left, top-right
        for (ResultPoint point : p) {
            assertThat(point.getX()).isLessThan(CORNER_PX);
            assertThat(point.getY()).isLessThan(CORNER_PX);
        }
        assertThat(p[1].getY()).isLessThan(p[0].getY());
        assertThat(p[1].getX()).isLessThan(p[2].getX());
    }

    private static BufferedImage render(Path pdf, int page, int dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFRenderer(document).renderImageWithDPI(page, dpi, ImageType.RGB);
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** An A4 page scanned at 200 dpi: white, with a grey block where the text would be. */
    private Path scan(String format) throws IOException {
        BufferedImage image = new BufferedImage(1654, 2339, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1654, 2339);
        g.setColor(Color.GRAY);
        g.fillRect(200, 600, 1200, 900);
        g.dispose();
        Path file = dir.resolve("scan." + format);
        assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
        return file;
    }

    private static String formatOf(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            assertThat(readers.hasNext()).isTrue();
            return readers.next().getFormatName();
        }
    }
}
