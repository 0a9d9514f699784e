package vn.motcua.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.motcua.platform.testing.TestSigningAuthority;

/**
 * The throwaway CA of this test run (platform's TestSigningAuthority): {@link Platform} starts digitization-service
 * with its root as the only trusted root (MOTCUA_DIGITIZATION_SIGNATURE_TRUSTED_ROOTS), and the system tests sign
 * results and certified copies with signers it issues. One per JVM, made on first use.
 */
final class TrustedSigning {

    /** The signer of {@link #resultPdf()}. */
    static final String RESULT_SIGNER = "Nguyễn Văn Ký";

    private static TestSigningAuthority authority;
    private static byte[] resultPdf;

    private TrustedSigning() {}

    static synchronized TestSigningAuthority authority() {
        if (authority == null) {
            authority = TestSigningAuthority.create("UBND tỉnh Hải Dương");
        }
        return authority;
    }

    /** Writes the root as PEM into {@code dir} for digitization-service's trusted roots. */
    static Path writeRoot(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return authority().writeRootPem(dir.resolve("trusted-root.pem"));
    }

    /** A one-page PDF signed by a signer of this run's CA (VALID for digitization-service). */
    static byte[] signedPdf(Path dir, String signer) {
        return sign(authority(), dir, signer);
    }

    /**
     * A dossier's electronic result signed by {@value #RESULT_SIGNER} of this run's CA (VALID), made once per JVM: the
     * same bytes may be uploaded for any number of dossiers, each upload being its own document.
     */
    static synchronized byte[] resultPdf() {
        if (resultPdf == null) {
            try {
                resultPdf = signedPdf(Files.createTempDirectory("motcua-signed-result-"), RESULT_SIGNER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return resultPdf.clone();
    }

    /** The same, signed by a signer of a CA nobody trusts (UNTRUSTED). */
    static byte[] untrustedPdf(Path dir, String signer) {
        return sign(TestSigningAuthority.create("Không được tin cậy"), dir, signer);
    }

    /** A copy of a validly signed PDF with one byte of the signed content changed (TAMPERED). */
    static byte[] tamperedPdf(Path dir, String signer) {
        Path signed = write(dir, "for-tampering.pdf", signedPdf(dir, signer));
        return read(TestSigningAuthority.tamperedCopy(signed, dir.resolve("tampered.pdf")));
    }

    private static byte[] sign(TestSigningAuthority ca, Path dir, String signer) {
        try {
            Files.createDirectories(dir);
            Path pdf = vn.motcua.platform.testing.TestPdfs.write(Files.createTempFile(dir, "unsigned-", ".pdf"), 1);
            Path target = Files.createTempFile(dir, "signed-", ".pdf");
            return read(ca.issueSigner(signer).sign(pdf, target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
