package vn.motcua.digitization.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.platform.testing.TestPdfs;
import vn.motcua.platform.testing.TestSigningAuthority;

class PdfBoxSignatureVerifierTest {

    /** RSA key generation is the slow part: one authority and signer for the whole class. */
    private static TestSigningAuthority ca;

    private static TestSigningAuthority.Signer signer;

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static PdfBoxSignatureVerifier verifier;

    @BeforeAll
    static void authority() {
        ca = TestSigningAuthority.create("Bộ Tư pháp");
        signer = ca.issueSigner("Nguyễn Văn An");
        verifier = new PdfBoxSignatureVerifier(TrustedRoots.load(
                List.of(ca.writeRootPem(shared.resolve("root.pem")).toString())));
    }

    @Test
    void pdfSignedByATrustedSignerIsValidWithSignerIssuerSerialAndTime() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path signed = signer.sign(TestPdfs.write(dir.resolve("a.pdf"), 2), dir.resolve("signed.pdf"));

        SignatureReport report = verifier.verify(signed);

        assertThat(report.verdict()).as("%s", report).isEqualTo(SignatureVerdict.VALID);
        assertThat(report.isValid()).isTrue();
        assertThat(report.summary()).startsWith("Chữ ký số hợp lệ: Nguyễn Văn An, ký lúc ");
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.signerName()).isEqualTo("Nguyễn Văn An");
            assertThat(s.signerSubject()).isEqualTo("CN=Nguyễn Văn An,O=MotCua Test,C=VN");
            assertThat(s.issuerSubject()).isEqualTo("CN=Bộ Tư pháp Test Root CA,O=MotCua Test,C=VN");
            assertThat(s.serialNumber())
                    .isEqualTo(
                            signer.certificate().getSerialNumber().toString(16).toUpperCase());
            assertThat(s.subFilter()).isEqualTo("ETSI.CAdES.detached");
            // PAdES has no CMS signing-time: the time is the dictionary's /M (whole seconds)
            assertThat(s.signedAt()).isBetween(before, Instant.now());
            assertThat(s.intact()).isTrue();
            assertThat(s.coversWholeDocument()).isTrue();
            assertThat(s.trusted()).isTrue();
            assertThat(s.problem()).isNull();
        });
    }

    @Test
    void adbePkcs7DetachedSignatureTakesItsTimeFromTheCmsSigningTimeAttribute() {
        Instant claimed = Instant.parse("2025-03-01T02:30:00Z");
        TestSigningAuthority.Signer since2025 = ca.issueSigner(
                "Nguyễn Văn An",
                Instant.parse("2025-01-01T00:00:00Z"),
                Instant.now().plus(Duration.ofDays(30)));
        Path signed = since2025.sign(
                TestPdfs.write(dir.resolve("a.pdf"), 1),
                dir.resolve("signed.pdf"),
                TestSigningAuthority.ADBE_DETACHED,
                claimed);

        SignatureReport report = verifier.verify(signed);

        assertThat(report.verdict()).as("%s", report).isEqualTo(SignatureVerdict.VALID);
        assertThat(report.summary()).isEqualTo("Chữ ký số hợp lệ: Nguyễn Văn An, ký lúc 09:30 ngày 01/03/2025");
        assertThat(report.signatures().get(0).signedAt()).isEqualTo(claimed);
        assertThat(report.signatures().get(0).subFilter()).isEqualTo("adbe.pkcs7.detached");
    }

    @Test
    void pdfWithoutSignatureIsUnsigned() {
        SignatureReport report = verifier.verify(TestPdfs.write(dir.resolve("plain.pdf"), 1));

        assertThat(report.verdict()).as("%s", report).isEqualTo(SignatureVerdict.UNSIGNED);
        assertThat(report.summary()).isEqualTo("Tài liệu chưa được ký số");
        assertThat(report.signatures()).isEmpty();
    }

    /** A scan carries no PDF signature: UNSIGNED (the seam's "or not a PDF"), not MALFORMED, which means a bad one. */
    @Test
    void jpegIsUnsignedBecauseItIsNotAPdf() throws Exception {
        Path jpeg = dir.resolve("scan.jpg");
        ImageIO.write(new BufferedImage(100, 100, BufferedImage.TYPE_3BYTE_BGR), "jpeg", jpeg.toFile());

        SignatureReport report = verifier.verify(jpeg);

        assertThat(report.verdict()).as("%s", report).isEqualTo(SignatureVerdict.UNSIGNED);
        assertThat(report.summary()).isEqualTo("Tài liệu chưa được ký số (không phải tệp PDF)");
    }

    @Test
    void brokenPdfIsMalformed() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.7\nnothing else", StandardCharsets.US_ASCII);

        SignatureReport report = verifier.verify(broken);

        assertThat(report.verdict()).as("%s", report).isEqualTo(SignatureVerdict.MALFORMED);
        assertThat(report.summary()).startsWith("Dữ liệu chữ ký không đọc được");
    }

    @Test
    void changingAByteInsideTheSignedRangeIsTampered() {
        Path signed = signer.sign(TestPdfs.write(dir.resolve("a.pdf"), 2), dir.resolve("signed.pdf"));
        Path tampered = TestSigningAuthority.tamperedCopy(signed, dir.resolve("tampered.pdf"));

        SignatureReport report = verifier.verify(tampered);

        assertThat(report.verdict()).as("%s", report).isEqualTo(SignatureVerdict.TAMPERED);
        assertThat(report.summary())
                .isEqualTo("Tài liệu đã bị thay đổi sau khi ký: nội dung không khớp với chữ ký của Nguyễn Văn An");
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isFalse();
            assertThat(s.trusted()).isFalse();
            assertThat(s.problem()).contains("digest");
        });
    }

    @Test
    void incrementalUpdateAfterTheSignatureIsTampered() {
        Path signed = signer.sign(TestPdfs.write(dir.resolve("a.pdf"), 2), dir.resolve("signed.pdf"));
        Path appended = TestSigningAuthority.appendedCopy(signed, dir.resolve("appended.pdf"));

        SignatureReport report = verifier.verify(appended);

        assertThat(report.verdict()).as("%s", report).isEqualTo(SignatureVerdict.TAMPERED);
        assertThat(report.summary())
                .isEqualTo("Tài liệu đã bị thay đổi sau khi ký: có nội dung được thêm vào sau chữ ký cuối cùng");
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isTrue();
            assertThat(s.coversWholeDocument()).isFalse();
            assertThat(s.problem()).contains("added after the last signature");
        });
    }

    @Test
    void signerFromAnotherCaIsUntrusted() {
        TestSigningAuthority stranger = TestSigningAuthority.create("Stranger");
        Path signed = stranger.issueSigner("Trần Thị Bình")
                .sign(TestPdfs.write(dir.resolve("a.pdf"), 1), dir.resolve("signed.pdf"));

        SignatureReport report = verifier.verify(signed);

        assertThat(report.verdict()).as("%s", report).isEqualTo(SignatureVerdict.UNTRUSTED);
        assertThat(report.summary())
                .isEqualTo("Người ký không thuộc tổ chức chứng thực tin cậy: Trần Thị Bình"
                        + " (chứng thư do CN=Stranger Test Root CA,O=MotCua Test,C=VN cấp)");
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isFalse();
            assertThat(s.problem()).contains("trusted root");
        });
    }

    @Test
    void withNoTrustedRootsConfiguredEverySignatureIsUntrusted() {
        Path signed = signer.sign(TestPdfs.write(dir.resolve("a.pdf"), 1), dir.resolve("signed.pdf"));

        SignatureReport report = new PdfBoxSignatureVerifier(List.of()).verify(signed);

        assertThat(report.verdict()).as("%s", report).isEqualTo(SignatureVerdict.UNTRUSTED);
        assertThat(report.signatures().get(0).problem()).contains("no trusted roots");
    }

    @Test
    void signerWhoseCertificateHadExpiredWhenSigningIsUntrusted() {
        Instant now = Instant.now();
        TestSigningAuthority.Signer expired =
                ca.issueSigner("Lê Văn Cũ", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)));
        Path signed = expired.sign(TestPdfs.write(dir.resolve("a.pdf"), 1), dir.resolve("signed.pdf"));

        SignatureReport report = verifier.verify(signed);

        assertThat(report.verdict()).as("%s", report).isEqualTo(SignatureVerdict.UNTRUSTED);
        assertThat(report.summary())
                .startsWith("Chứng thư số của người ký không có hiệu lực tại thời điểm ký: Lê Văn Cũ");
        assertThat(report.signatures().get(0).intact()).isTrue();
        assertThat(report.signatures().get(0).problem()).startsWith("the signer certificate was not valid");
    }

    /**
     * The signing time is the signer's own claim (no RFC 3161 timestamp token is read): a signature claiming a time
     * when the certificate was valid, made with a certificate that has expired since, could have been made yesterday
     * with a backdated clock, so it is UNTRUSTED.
     */
    @Test
    void backdatedSignatureWithACertificateExpiredNowIsUntrusted() {
        Instant now = Instant.now();
        TestSigningAuthority.Signer old =
                ca.issueSigner("Phạm Văn Xưa", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)));
        Path signed = old.sign(
                TestPdfs.write(dir.resolve("a.pdf"), 1),
                dir.resolve("signed.pdf"),
                TestSigningAuthority.ADBE_DETACHED,
                now.minus(Duration.ofDays(100)));

        SignatureReport report = verifier.verify(signed);

        assertThat(report.verdict()).as("%s", report).isEqualTo(SignatureVerdict.UNTRUSTED);
        assertThat(report.summary())
                .startsWith("Chứng thư số của người ký đã hết hiệu lực và chữ ký không có dấu thời gian: Phạm Văn Xưa");
        assertThat(report.signatures().get(0).problem()).startsWith("the signer certificate is not valid now");
    }

    @Test
    void signingTimeInTheFutureIsUntrusted() {
        Instant now = Instant.now();
        Path signed = signer.sign(
                TestPdfs.write(dir.resolve("a.pdf"), 1),
                dir.resolve("signed.pdf"),
                TestSigningAuthority.ADBE_DETACHED,
                now.plus(Duration.ofDays(2)));

        SignatureReport report = verifier.verify(signed);

        assertThat(report.verdict()).as("%s", report).isEqualTo(SignatureVerdict.UNTRUSTED);
        assertThat(report.summary()).startsWith("Thời điểm ký ghi trong chữ ký nằm ở tương lai: Nguyễn Văn An");
        assertThat(report.signatures().get(0).problem()).startsWith("the signing time is in the future");
    }

    @Test
    void signingTimeAFewMinutesAheadOfTheServersClockIsStillValid() {
        Path signed = signer.sign(
                TestPdfs.write(dir.resolve("a.pdf"), 1),
                dir.resolve("signed.pdf"),
                TestSigningAuthority.ADBE_DETACHED,
                Instant.now().plus(Duration.ofMinutes(2)));

        assertThat(verifier.verify(signed).verdict()).isEqualTo(SignatureVerdict.VALID);
    }

    @Test
    void garbageInContentsIsMalformed() {
        Path signed = TestSigningAuthority.signedWithContents(
                TestPdfs.write(dir.resolve("a.pdf"), 1),
                dir.resolve("garbage.pdf"),
                "this is not a CMS signature".getBytes(StandardCharsets.US_ASCII));

        SignatureReport report = verifier.verify(signed);

        assertThat(report.verdict()).as("%s", report).isEqualTo(SignatureVerdict.MALFORMED);
        assertThat(report.summary()).isEqualTo("Dữ liệu chữ ký không đọc được");
        assertThat(report.signatures())
                .singleElement()
                .satisfies(s -> assertThat(s.problem()).contains("unreadable"));
    }

    @Test
    void twoSignaturesMadeOneAfterTheOtherAreBothValid() {
        TestSigningAuthority.Signer second = ca.issueSigner("Hoàng Thị Cúc");
        Path once = signer.sign(TestPdfs.write(dir.resolve("a.pdf"), 2), dir.resolve("once.pdf"));
        Path twice = second.sign(once, dir.resolve("twice.pdf"));

        SignatureReport report = verifier.verify(twice);

        assertThat(report.verdict()).as("%s", report).isEqualTo(SignatureVerdict.VALID);
        assertThat(report.signatures())
                .extracting(SignerInfo::signerName)
                .containsExactlyInAnyOrder("Nguyễn Văn An", "Hoàng Thị Cúc");
        assertThat(report.signatures()).allSatisfy(s -> {
            assertThat(s.intact()).isTrue();
            assertThat(s.trusted()).isTrue();
            assertThat(s.problem()).isNull();
        });
        // the first signature is followed by the second one's update; only the last must reach the end
        assertThat(report.signatures())
                .extracting(SignerInfo::coversWholeDocument)
                .containsExactlyInAnyOrder(true, false);
        assertThat(report.summary()).contains("Nguyễn Văn An").contains("Hoàng Thị Cúc");
    }

    @Test
    void secondSignatureOverATamperedFirstOneStillReportsTheTampering() {
        Path once = signer.sign(TestPdfs.write(dir.resolve("a.pdf"), 2), dir.resolve("once.pdf"));
        Path tampered = TestSigningAuthority.tamperedCopy(once, dir.resolve("tampered.pdf"));
        Path twice = ca.issueSigner("Hoàng Thị Cúc").sign(tampered, dir.resolve("twice.pdf"));

        assertThat(verifier.verify(twice).verdict()).isEqualTo(SignatureVerdict.TAMPERED);
    }

    /** A ByteRange hole wider than the hex string could hide unsigned objects (signature wrapping). */
    @Test
    void onlyAHexStringIsAcceptedInTheByteRangeHole() {
        assertThat(PdfBoxSignatureVerifier.holeContents(ascii("<30 8\n2 000>")))
                .containsExactly(0x30, 0x82, 0x00, 0x00);
        assertThat(PdfBoxSignatureVerifier.holeContents(ascii("<3082>>\n5 0 obj<</Type/Page>>endobj<00>")))
                .isNull();
        assertThat(PdfBoxSignatureVerifier.holeContents(ascii("3082"))).isNull();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
