package vn.motcua.platform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import vn.motcua.platform.pdf.PdfSigning;
import vn.motcua.platform.pdf.SigningCertificates;

/**
 * A throwaway certification authority for tests of PDF signature checks: a self-signed root CA and the signers it
 * issues (RSA 2048, SHA-256), each able to sign a PDF the way PAdES tools do (PDFBox external signing, a detached CMS
 * SignedData from Bouncy Castle, as an incremental update, so a second signature keeps the first intact). Nothing is
 * cached: every authority has fresh keys, so one made in another test is a stranger ("an untrusted CA"). The keys,
 * certificates and signing are platform's {@link SigningCertificates} and {@link PdfSigning} (which the demo signing
 * tool uses too); this class adds the test names and the broken files.
 *
 * <pre>{@code
 * TestSigningAuthority ca = TestSigningAuthority.create("Bộ Tư pháp");
 * Path roots = ca.writeRootPem(dir.resolve("root.pem"));          // motcua.digitization.signature.trusted-roots
 * TestSigningAuthority.Signer signer = ca.issueSigner("Nguyễn Văn An");
 * Path signed = signer.sign(TestPdfs.write(dir.resolve("a.pdf"), 2), dir.resolve("signed.pdf"));
 * TestSigningAuthority.tamperedCopy(signed, dir.resolve("tampered.pdf"));
 * TestSigningAuthority.appendedCopy(signed, dir.resolve("appended.pdf"));
 * }</pre>
 *
 * Needs pdfbox, bcprov and bcpkix on the test classpath of the module using it, and platform's main classes.
 */
public final class TestSigningAuthority {

    /** PAdES baseline: CAdES signed attributes, signing time in the signature dictionary's /M. */
    public static final String PADES = PdfSigning.PADES;

    /** The older Adobe form: plain CMS with a signing-time attribute. */
    public static final String ADBE_DETACHED = PdfSigning.ADBE_DETACHED;

    private static final String ORGANIZATION = "MotCua Test";
    private static final String REASON = "MotCua test fixture";

    private final SigningCertificates.Issued root;

    private TestSigningAuthority(SigningCertificates.Issued root) {
        this.root = root;
    }

    /** A new root CA "CN={name} Test Root CA, O=MotCua Test, C=VN", valid from yesterday for ten years. */
    public static TestSigningAuthority create(String name) {
        Instant now = Instant.now();
        return new TestSigningAuthority(SigningCertificates.root(
                name + " Test Root CA", ORGANIZATION, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650))));
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    public String rootPem() {
        return SigningCertificates.pem(root.certificate());
    }

    /** Writes the root certificate as PEM, the form motcua.digitization.signature.trusted-roots reads. */
    public Path writeRootPem(Path target) {
        try {
            return Files.writeString(target, rootPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A signer "CN={commonName}, O=MotCua Test, C=VN" valid from yesterday for a year. */
    public Signer issueSigner(String commonName) {
        Instant now = Instant.now();
        return issueSigner(commonName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** A signer with the given validity, e.g. one that expired before it signs. */
    public Signer issueSigner(String commonName, Instant notBefore, Instant notAfter) {
        return new Signer(commonName, SigningCertificates.signer(root, commonName, ORGANIZATION, notBefore, notAfter));
    }

    /** One certificate holder: signs PDFs with its key. */
    public static final class Signer {

        private final String commonName;
        private final SigningCertificates.Issued issued;

        private Signer(String commonName, SigningCertificates.Issued issued) {
            this.commonName = commonName;
            this.issued = issued;
        }

        public X509Certificate certificate() {
            return issued.certificate();
        }

        /** PAdES signature (ETSI.CAdES.detached) signed now; a PDF already signed gets a second signature. */
        public Path sign(Path pdf, Path target) {
            return sign(pdf, target, PADES, Instant.now());
        }

        /**
         * @param subFilter {@link #PADES} (signing time only in /M) or {@link #ADBE_DETACHED} (signing-time attribute
         *                  too)
         * @param signedAt  the signing time claimed in /M and, for adbe.pkcs7.detached, in the CMS
         */
        public Path sign(Path pdf, Path target, String subFilter, Instant signedAt) {
            return PdfSigning.sign(
                    pdf,
                    target,
                    issued.key(),
                    issued.chain(),
                    new PdfSigning.Signature(subFilter, commonName, REASON, signedAt));
        }
    }

    /** A PDF whose signature field holds {@code contents} instead of a CMS SignedData (e.g. garbage bytes). */
    public static Path signedWithContents(Path pdf, Path target, byte[] contents) {
        return PdfSigning.sign(
                pdf,
                target,
                new PdfSigning.Signature(PADES, "garbage", REASON, Instant.now()),
                content -> contents.clone());
    }

    /**
     * A copy of a signed PDF with one byte inside the signed range changed (a letter of the page text when the PDF
     * came from {@link TestPdfs}, else a byte of the first stream); same length, so it still parses.
     */
    public static Path tamperedCopy(Path signed, Path target) {
        try {
            byte[] bytes = Files.readAllBytes(signed);
            int holeStart = lastByteRange(signed)[1];
            int at = indexOf(bytes, TestPdfs.MARKER.getBytes(StandardCharsets.US_ASCII), holeStart);
            if (at >= 0) {
                at += TestPdfs.MARKER.length() - 1;
            } else {
                at = indexOf(bytes, "stream\n".getBytes(StandardCharsets.US_ASCII), holeStart);
                if (at < 0) {
                    throw new IllegalArgumentException("nothing to tamper with before the signature: " + signed);
                }
                at += "stream\n".length();
            }
            bytes[at] = (byte) (bytes[at] == 'X' ? 'Y' : 'X');
            return Files.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a signed PDF with an incremental update after the signature (a new document title). */
    public static Path appendedCopy(Path signed, Path target) {
        try (PDDocument document = Loader.loadPDF(signed.toFile());
                OutputStream out = Files.newOutputStream(target)) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Changed after signing");
            document.saveIncremental(out, Set.of(info.getCOSObject()));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int[] lastByteRange(Path signed) throws IOException {
        try (PDDocument document = Loader.loadPDF(signed.toFile())) {
            int[] last = null;
            for (PDSignature signature : document.getSignatureDictionaries()) {
                int[] range = signature.getByteRange();
                if (last == null || range[2] + range[3] > last[2] + last[3]) {
                    last = range;
                }
            }
            if (last == null) {
                throw new IllegalArgumentException("not signed: " + signed);
            }
            return last;
        }
    }

    private static int indexOf(byte[] bytes, byte[] needle, int before) {
        outer:
        for (int i = 0; i + needle.length <= before; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
