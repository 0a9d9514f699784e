package vn.motcua.digitization.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import vn.motcua.digitization.signature.SignatureVerdict;
import vn.motcua.platform.testing.TestPdfs;
import vn.motcua.platform.testing.TestSigningAuthority;

/**
 * Real PDFs for the digitization tests, made with the platform's throwaway CA: scans, results signed by a signer of
 * the trusted CA ({@link #trustedRoots()} goes into motcua.digitization.signature.trusted-roots), and one real file
 * for every verdict the verifier can give.
 */
public final class SignedPdfs {

    private final Path dir;
    private final TestSigningAuthority.Signer signer;
    private final TestSigningAuthority.Signer stranger;
    private final Path trustedRoots;
    private final AtomicInteger files = new AtomicInteger();

    public SignedPdfs(Path dir) {
        this.dir = dir;
        TestSigningAuthority trusted = TestSigningAuthority.create("MotCua Digitization IT");
        this.signer = trusted.issueSigner("UBND xa Thu Nghiep");
        this.trustedRoots = trusted.writeRootPem(dir.resolve("trusted-root.pem"));
        this.stranger = TestSigningAuthority.create("Untrusted Elsewhere").issueSigner("Someone Elsewhere");
    }

    /** The PEM file of the trusted root CA, for motcua.digitization.signature.trusted-roots. */
    public Path trustedRoots() {
        return trustedRoots;
    }

    /** An unsigned PDF of {@code pages} A4 pages with text, as a scan would be. */
    public byte[] scan(int pages) {
        return bytes(scanFile(pages));
    }

    /** A PDF signed by a signer of the trusted CA: verifies as VALID. */
    public byte[] signed() {
        return bytes(signer.sign(scanFile(2), next("signed")));
    }

    /** A real file whose signature check gives {@code verdict}. */
    public byte[] withVerdict(SignatureVerdict verdict) {
        return bytes(
                switch (verdict) {
                    case VALID -> signer.sign(scanFile(2), next("signed"));
                    case UNSIGNED -> scanFile(2);
                    case TAMPERED -> TestSigningAuthority.tamperedCopy(signer.sign(scanFile(2), next("s")), next("t"));
                    case UNTRUSTED -> stranger.sign(scanFile(2), next("stranger"));
                    case MALFORMED ->
                        TestSigningAuthority.signedWithContents(
                                scanFile(2),
                                next("garbage"),
                                "not a CMS SignedData".getBytes(StandardCharsets.US_ASCII));
                });
    }

    /** A signed PDF with an incremental update written after its signature (TAMPERED). */
    public byte[] changedAfterSigning() {
        return bytes(TestSigningAuthority.appendedCopy(signer.sign(scanFile(2), next("s")), next("appended")));
    }

    private Path scanFile(int pages) {
        return TestPdfs.write(next("scan"), pages);
    }

    private Path next(String what) {
        return dir.resolve(what + "-" + files.incrementAndGet() + ".pdf");
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
