package vn.motcua.digitization.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.digitization.signature.PdfBoxSignatureVerifier;
import vn.motcua.digitization.signature.SignatureReport;
import vn.motcua.digitization.signature.SignatureVerdict;
import vn.motcua.platform.testing.TestPdfs;

/** The demo signing tool behind ./motcua sign-pdf, checked with digitization-service's own verifier. */
class DemoSigningTest {

    /** Key generation is the slow part: one demo CA for the class. */
    @TempDir
    static Path shared;

    private static Path ca;

    @TempDir
    Path dir;

    @BeforeAll
    static void init() {
        ca = shared.resolve("demo-signing");
        assertThat(DemoSigning.init(ca)).isTrue();
    }

    @Test
    void initCreatesOwnerOnlyFilesAndLeavesThemAloneTheSecondTime() throws Exception {
        List<Path> files = List.of(
                ca.resolve(DemoSigning.ROOT_FILE),
                ca.resolve(DemoSigning.KEYSTORE_FILE),
                ca.resolve(DemoSigning.PASSWORD_FILE));
        List<byte[]> before = files.stream().map(DemoSigningTest::bytes).toList();

        assertThat(DemoSigning.init(ca)).isFalse();

        for (int i = 0; i < files.size(); i++) {
            assertThat(Files.readAllBytes(files.get(i))).as("%s", files.get(i)).isEqualTo(before.get(i));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(i))))
                    .as("%s", files.get(i))
                    .isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ca)))
                .isEqualTo("rwx------");
        try (var list = Files.list(ca)) {
            assertThat(list.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            DemoSigning.ROOT_FILE, DemoSigning.KEYSTORE_FILE, DemoSigning.PASSWORD_FILE);
        }
        X509Certificate root = root();
        assertThat(root.getSubjectX500Principal().getName())
                .isEqualTo("CN=MotCua Demo Root CA (không dùng thật),O=MotCua Demo,C=VN");
    }

    @Test
    void aPdfSignedWithSignIsValidForTheVerifierThatTrustsTheDemoRootAndUntrustedOtherwise() throws Exception {
        Path signed = DemoSigning.sign(ca, TestPdfs.write(dir.resolve("kq.pdf"), 1), dir.resolve("kq-da-ky.pdf"));

        SignatureReport trusted = new PdfBoxSignatureVerifier(List.of(root())).verify(signed);
        assertThat(trusted.verdict()).as("%s", trusted).isEqualTo(SignatureVerdict.VALID);
        assertThat(trusted.signatures()).singleElement().satisfies(s -> {
            assertThat(s.signerName()).isEqualTo("UBND xã Ngọc Sơn (chữ ký thử nghiệm)");
            assertThat(s.subFilter()).isEqualTo("ETSI.CAdES.detached");
        });

        SignatureReport nobodyTrusted = new PdfBoxSignatureVerifier(List.of()).verify(signed);
        assertThat(nobodyTrusted.verdict()).as("%s", nobodyTrusted).isEqualTo(SignatureVerdict.UNTRUSTED);
    }

    @Test
    void commandLineSignsAndExplainsWhatIsMissing() {
        Path pdf = TestPdfs.write(dir.resolve("a.pdf"), 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int signed = DemoSigning.run(
                new String[] {
                    "sign", ca.toString(), pdf.toString(), dir.resolve("b.pdf").toString()
                },
                print(out),
                print(err));
        int uninitialized = DemoSigning.run(
                new String[] {
                    "sign",
                    dir.resolve("none").toString(),
                    pdf.toString(),
                    dir.resolve("c.pdf").toString()
                },
                print(out),
                print(err));
        int usage = DemoSigning.run(new String[] {"sign"}, print(out), print(err));

        assertThat(signed).isZero();
        assertThat(dir.resolve("b.pdf")).isRegularFile();
        assertThat(uninitialized).isEqualTo(1);
        assertThat(dir.resolve("c.pdf")).doesNotExist();
        assertThat(usage).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("run init first")
                .contains("usage:");
    }

    @Test
    void aDirectoryWithOnlyPartOfACaIsRefusedNotOverwritten() throws Exception {
        Path partial = Files.createDirectories(dir.resolve("partial"));
        Files.writeString(partial.resolve(DemoSigning.ROOT_FILE), "someone's root");

        assertThatThrownBy(() -> DemoSigning.init(partial)).hasMessageContaining("only part of a demo signing CA");
        assertThat(Files.readString(partial.resolve(DemoSigning.ROOT_FILE))).isEqualTo("someone's root");
    }

    private static X509Certificate root() throws Exception {
        try (InputStream in = Files.newInputStream(ca.resolve(DemoSigning.ROOT_FILE))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
