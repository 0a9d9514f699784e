package vn.motcua.digitization.document.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;

/** Each kind of refused file is refused with INVALID_ARGUMENT on {@code file} and a sentence saying why. */
class ContentInspectorTest {

    @TempDir
    Path dir;

    private final UploadLimits limits = limits();
    private final ContentInspector inspector = new ContentInspector(limits);

    private static UploadLimits limits() {
        UploadLimits l = new UploadLimits();
        l.setMaxPdfPages(5);
        l.setMaxPdfStreamInflated(4 * UploadLimits.MIB);
        l.setMaxPdfTotalInflated(6 * UploadLimits.MIB);
        l.setMaxPdfObjects(1000);
        return l;
    }

    private SpooledContent spooled(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "upload-", ".bin");
        Files.write(file, bytes);
        return ContentSpool.describe(file);
    }

    private InspectedContent inspect(byte[] bytes) throws IOException {
        return inspector.inspect(spooled(bytes));
    }

    private void assertRefused(byte[] bytes, String messagePart) {
        assertThatThrownBy(() -> inspect(bytes)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("file");
                assertThat(v.description()).contains(messagePart);
            });
        });
    }

    @Test
    void acceptsPdfWithItsPageCount() throws IOException {
        assertThat(inspect(Fixtures.pdf(3))).isEqualTo(new InspectedContent("application/pdf", 3));
    }

    @Test
    void acceptsPngAndJpegAsOnePage() throws IOException {
        assertThat(inspect(Fixtures.png(40, 30))).isEqualTo(new InspectedContent("image/png", 1));
        assertThat(inspect(Fixtures.jpeg(40, 30))).isEqualTo(new InspectedContent("image/jpeg", 1));
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused(new byte[0], "empty");
    }

    @Test
    void refusesExecutablesWhateverTheirName() {
        assertRefused(Fixtures.elfExecutable(), "not a PDF, JPEG or PNG");
        assertRefused(Fixtures.windowsExecutable(), "not a PDF, JPEG or PNG");
    }

    @Test
    void refusesPlainTextAndUnknownBytes() {
        assertRefused("hello, this is not a scan".getBytes(), "not a PDF, JPEG or PNG");
    }

    @Test
    void refusesPngWhoseHeaderClaimsMorePixelsThanTheLimit() {
        assertRefused(Fixtures.pngHeaderClaiming(50_000, 50_000), "decompression bomb");
    }

    @Test
    void refusesJpegWhoseFrameHeaderClaimsMorePixelsThanTheLimit() {
        assertRefused(Fixtures.jpegHeaderClaiming(60_000, 60_000), "decompression bomb");
    }

    @Test
    void acceptsImageHeadersWithinTheLimit() throws IOException {
        assertThat(inspect(Fixtures.pngHeaderClaiming(2480, 3508)).pageCount()).isEqualTo(1);
        assertThat(inspect(Fixtures.jpegHeaderClaiming(2480, 3508)).mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void refusesPdfThatRunsJavaScriptWhenOpened() {
        // in an object stream (found by the structural walk) and in plain objects (found by the raw scan)
        assertRefused(Fixtures.pdfWithOpenActionJavaScript(true), "JavaScript");
        assertRefused(Fixtures.pdfWithOpenActionJavaScript(false), "JavaScript");
    }

    @Test
    void refusesPdfWithDocumentJavaScriptNameTree() {
        assertRefused(Fixtures.pdfWithJavaScriptNameTree(), "JavaScript");
    }

    @Test
    void refusesPdfWithJavaScriptLinkAnnotation() {
        assertRefused(Fixtures.pdfWithLinkJavaScript(), "JavaScript");
    }

    @Test
    void refusesPdfWithJavaScriptAdditionalAction() {
        assertRefused(Fixtures.pdfWithPageAdditionalActionJavaScript(), "JavaScript");
    }

    @Test
    void refusesPdfWithAHexEscapedJsKey() {
        // /J#53 is the name JS written with a hex escape
        byte[] pdf = Fixtures.handWrittenPdf("", "q Q".getBytes(), "/OpenAction << /S /Launch /J#53 (x) >>");
        assertRefused(pdf, "JavaScript");
    }

    @Test
    void acceptsPdfWhoseStreamDataHappensToContainJsBytes() throws IOException {
        byte[] pdf = Fixtures.handWrittenPdf("", "% /JS /JavaScript in content bytes".getBytes(), "");
        assertThat(inspect(pdf).pageCount()).isEqualTo(1);
    }

    @Test
    void refusesPdfWithMoreObjectsThanTheLimitBeforePdfBoxParsesThem() {
        assertRefused(Fixtures.pdfWithEmptyObjects(1200), "more than the limit of 1000");
    }

    @Test
    void acceptsPdfWithObjectsWithinTheLimit() throws IOException {
        assertThat(inspect(Fixtures.pdfWithEmptyObjects(900)).pageCount()).isEqualTo(1);
    }

    @Test
    void refusesPdfWhoseTrailerDeclaresMoreObjectsThanTheLimit() {
        byte[] pdf = new String(Fixtures.pdfWithEmptyObjects(10), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("/Size 14", "/Size 999999")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertRefused(pdf, "999999 objects");
    }

    @Test
    void refusesPdfNestedDeepEnoughToOverflowTheParsersStackInsteadOfFailing() throws Exception {
        // a small stack stands in for a deeper file on a server thread; a StackOverflowError escaping the
        // inspection would be a server error (500) instead of a refusal
        byte[] pdf =
                Fixtures.handWrittenPdf("", "q Q".getBytes(), "/Deep " + "[".repeat(200_000) + "]".repeat(200_000));
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread small = new Thread(
                null,
                () -> {
                    try {
                        inspect(pdf);
                    } catch (Throwable t) {
                        thrown.set(t);
                    }
                },
                "small-stack",
                256 * 1024);
        small.start();
        small.join();
        assertThat(thrown.get()).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
            assertThat(e.violations())
                    .singleElement()
                    .satisfies(v -> assertThat(v.field()).isEqualTo("file"));
        });
    }

    @Test
    void refusesPdfNestingObjectsDeeperThanTheActiveContentWalkFollows() {
        byte[] pdf = Fixtures.handWrittenPdf("", "q Q".getBytes(), "/Deep " + Fixtures.nestedDictionaries(70));
        assertRefused(pdf, "deeper than 64 levels");
    }

    @Test
    void acceptsPdfNestingObjectsWithinTheWalkDepth() throws IOException {
        byte[] pdf = Fixtures.handWrittenPdf("", "q Q".getBytes(), "/Deep " + Fixtures.nestedDictionaries(40));
        assertThat(inspect(pdf).pageCount()).isEqualTo(1);
    }

    @Test
    void refusesJavaScriptHiddenInACompressedObjectStreamBehindADeepChain() {
        assertRefused(Fixtures.pdfWithJavaScriptDeepInACompressedObjectStream(70), "JavaScript");
    }

    @Test
    void rawScanFindsJavaScriptInsideACompressedObjectStream() throws IOException {
        Path file = Files.write(dir.resolve("objstm.pdf"), Fixtures.pdfWithOpenActionJavaScript(true));
        assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("/ObjStm")
                .doesNotContain("JavaScript");
        assertThat(PdfRawScanner.scan(file, UploadLimits.MIB, UploadLimits.MIB).javaScript())
                .isTrue();
    }

    @Test
    void refusesPdfWithALaunchAction() {
        assertRefused(
                Fixtures.handWrittenPdf("", "q Q".getBytes(), "/OpenAction << /S /Launch /F (calc.exe) >>"),
                "Launch action");
    }

    @Test
    void refusesPdfWithAnXfaForm() {
        assertRefused(
                Fixtures.handWrittenPdf("", "q Q".getBytes(), "/AcroForm << /Fields [] /XFA [(template) (x)] >>"),
                "XFA form");
    }

    @Test
    void refusesAnImageLargerThanTheHeapAllowsTheStampToDecode() {
        // 12 MB of heap: a third of it holds 1 million pixels of 4 bytes; the setting alone would allow 100 million
        UploadLimits generous = limits();
        generous.setMaxImagePixels(100_000_000L);
        ContentInspector small = new ContentInspector(generous, 12_000_000L);
        assertThatThrownBy(() -> small.inspect(spooled(Fixtures.pngHeaderClaiming(2000, 1000))))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations())
                                .singleElement()
                                .satisfies(v ->
                                        assertThat(v.description()).contains("more than the 1000000 this service")));
    }

    @Test
    void theEffectivePixelLimitAtTheServicesHeapStillTakesAnA4PageAt400DpiInColour() {
        long heap192m = 192L * UploadLimits.MIB;
        assertThat(new UploadLimits().effectiveMaxImagePixels(heap192m)).isGreaterThan(3307L * 4677L);
        assertThat(new UploadLimits().getMaxImagePixels()).isGreaterThanOrEqualTo(4961L * 7016L);
    }

    @Test
    void refusesEncryptedPdf() {
        assertRefused(Fixtures.encryptedPdf("user-secret"), "encrypted");
        assertRefused(Fixtures.encryptedPdf(""), "encrypted");
    }

    @Test
    void refusesPdfWhoseStreamInflatesPastTheLimit() {
        assertRefused(Fixtures.pdfBomb(5 * 1024 * 1024), "decompression bomb");
    }

    @Test
    void acceptsPdfWhoseStreamInflatesWithinTheLimit() throws IOException {
        assertThat(inspect(Fixtures.pdfBomb(1024 * 1024)).pageCount()).isEqualTo(1);
    }

    @Test
    void refusesPdfWithMorePagesThanTheLimit() {
        assertRefused(Fixtures.pdf(6), "more than the limit of 5");
    }

    @Test
    void refusesATruncatedPdf() {
        byte[] pdf = Fixtures.pdf(1);
        byte[] head = java.util.Arrays.copyOf(pdf, 40);
        assertThatThrownBy(() -> inspect(head)).isInstanceOf(DomainException.class);
    }

    @Test
    void spoolRefusesContentPastTheSizeLimitWhileWriting() {
        ContentSpool spool = ContentSpool.open(dir.resolve("spool"), 10);
        spool.write(java.nio.ByteBuffer.wrap(new byte[8]));
        assertThatThrownBy(() -> spool.write(java.nio.ByteBuffer.wrap(new byte[3])))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.OUT_OF_RANGE));
        spool.discard();
        assertThat(dir.resolve("spool")).isEmptyDirectory();
    }

    @Test
    void sweepDeletesSpoolFilesLeftBehindButNotRunningUploadsOrOtherFiles() throws Exception {
        Path spool = Files.createDirectories(dir.resolve("spool"));
        java.time.Instant now = java.time.Instant.now();
        Path abandoned = Files.createFile(spool.resolve("upload-1.part"));
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(now.minusSeconds(3600)));
        Path running = Files.createFile(spool.resolve("upload-2.part"));
        Path other = Files.createFile(spool.resolve("notes.txt"));
        Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.from(now.minusSeconds(3600)));

        assertThat(ContentSpool.sweep(spool, now.minusSeconds(600))).isOne();

        assertThat(abandoned).doesNotExist();
        assertThat(running).exists();
        assertThat(other).exists();
        assertThat(ContentSpool.sweep(dir.resolve("none"), now)).isZero();
    }

    @Test
    void spoolHashesWhatItWrites() throws Exception {
        ContentSpool spool = ContentSpool.open(dir.resolve("spool"), 100);
        spool.write(java.nio.ByteBuffer.wrap("abc".getBytes()));
        SpooledContent done = spool.finish();
        assertThat(done.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(done.size()).isEqualTo(3);
        assertThat(Files.readString(done.file())).isEqualTo("abc");
    }
}
