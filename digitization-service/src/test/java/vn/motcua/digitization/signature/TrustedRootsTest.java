package vn.motcua.digitization.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.platform.testing.TestPdfs;
import vn.motcua.platform.testing.TestSigningAuthority;

class TrustedRootsTest {

    @TempDir
    Path dir;

    @Test
    void readsPemFilesAndEveryCertificateFileOfADirectory() throws Exception {
        TestSigningAuthority a = TestSigningAuthority.create("A");
        TestSigningAuthority b = TestSigningAuthority.create("B");
        TestSigningAuthority c = TestSigningAuthority.create("C");
        Path single = a.writeRootPem(dir.resolve("a.pem"));
        Path roots = Files.createDirectory(dir.resolve("roots"));
        b.writeRootPem(roots.resolve("b.crt"));
        c.writeRootPem(roots.resolve("c.pem"));
        Files.writeString(roots.resolve("README.txt"), "not a certificate, not read");

        assertThat(TrustedRoots.load(List.of(single.toString(), roots.toString(), " ")))
                .containsExactlyInAnyOrder(a.rootCertificate(), b.rootCertificate(), c.rootCertificate());
    }

    @Test
    void nothingConfiguredTrustsNothing() {
        assertThat(TrustedRoots.load(List.of())).isEmpty();
    }

    @Test
    void aPathWithoutCertificateStopsStartup() throws Exception {
        Path notPem = Files.writeString(dir.resolve("root.pem"), "hello");

        assertThatThrownBy(() -> TrustedRoots.load(List.of(notPem.toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("root.pem");
        assertThatThrownBy(() ->
                        TrustedRoots.load(List.of(dir.resolve("missing.pem").toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing.pem");
    }

    @Test
    void theVerifierBeanTrustsTheConfiguredRoots() {
        TestSigningAuthority ca = TestSigningAuthority.create("Configured");
        SignatureConfiguration configuration = new SignatureConfiguration();
        configuration.setTrustedRoots(
                List.of(ca.writeRootPem(dir.resolve("root.pem")).toString()));
        Path signed =
                ca.issueSigner("Đặng Văn Em").sign(TestPdfs.write(dir.resolve("a.pdf"), 1), dir.resolve("signed.pdf"));

        PdfSignatureVerifier configured = new SignatureVerifierFactory().pdfSignatureVerifier(configuration);
        PdfSignatureVerifier unconfigured =
                new SignatureVerifierFactory().pdfSignatureVerifier(new SignatureConfiguration());

        assertThat(configured.verify(signed).verdict()).isEqualTo(SignatureVerdict.VALID);
        assertThat(unconfigured.verify(signed).verdict()).isEqualTo(SignatureVerdict.UNTRUSTED);
    }
}
