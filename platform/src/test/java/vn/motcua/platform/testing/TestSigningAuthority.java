package vn.motcua.platform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A throwaway certification authority for tests of PDF signature checks: a self-signed root CA and the signers it
 * issues (RSA 2048, SHA-256), each able to sign a PDF the way PAdES tools do (PDFBox external signing, a detached CMS
 * SignedData from Bouncy Castle, as an incremental update, so a second signature keeps the first intact). Nothing is
 * cached: every authority has fresh keys, so one made in another test is a stranger ("an untrusted CA").
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
 * Needs pdfbox, bcprov and bcpkix on the test classpath of the module using it (test scope here).
 */
public final class TestSigningAuthority {

    /** PAdES baseline: CAdES signed attributes, signing time in the signature dictionary's /M. */
    public static final String PADES = "ETSI.CAdES.detached";

    /** The older Adobe form: plain CMS with a signing-time attribute. */
    public static final String ADBE_DETACHED = "adbe.pkcs7.detached";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final X509Certificate root;

    private TestSigningAuthority(KeyPair keys, X509Certificate root) {
        this.keys = keys;
        this.root = root;
    }

    /** A new root CA "CN={name} Test Root CA, O=MotCua Test, C=VN", valid from yesterday for ten years. */
    public static TestSigningAuthority create(String name) {
        KeyPair keys = rsaKeys();
        X500Name subject = name(name + " Test Root CA");
        Instant now = Instant.now();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            subject,
                            serial(),
                            Date.from(now.minus(Duration.ofDays(1))),
                            Date.from(now.plus(Duration.ofDays(3650))),
                            subject,
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            return new TestSigningAuthority(keys, certificate(builder, keys.getPrivate()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create test root CA", e);
        }
    }

    public X509Certificate rootCertificate() {
        return root;
    }

    public String rootPem() {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pem.toString();
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
        KeyPair signerKeys = rsaKeys();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            root,
                            serial(),
                            Date.from(notBefore),
                            Date.from(notAfter),
                            name(commonName),
                            signerKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(
                            Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(root))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            utils.createSubjectKeyIdentifier(signerKeys.getPublic()));
            X509Certificate certificate = certificate(builder, keys.getPrivate());
            return new Signer(commonName, signerKeys.getPrivate(), certificate, List.of(certificate, root));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue test signer", e);
        }
    }

    /** One certificate holder: signs PDFs with its key. */
    public static final class Signer {

        private final String commonName;
        private final PrivateKey key;
        private final X509Certificate certificate;
        private final List<X509Certificate> chain;

        private Signer(String commonName, PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {
            this.commonName = commonName;
            this.key = key;
            this.certificate = certificate;
            this.chain = List.copyOf(chain);
        }

        public X509Certificate certificate() {
            return certificate;
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
            boolean pades = PADES.equals(subFilter);
            return signPdf(pdf, target, subFilter, commonName, signedAt, content -> cms(content, pades, signedAt));
        }

        private byte[] cms(byte[] content, boolean pades, Instant signedAt) throws IOException {
            try {
                ASN1EncodableVector attributes = new ASN1EncodableVector();
                if (pades) {
                    byte[] certHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
                    attributes.add(new Attribute(
                            PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                            new DERSet(new SigningCertificateV2(new ESSCertIDv2(certHash)))));
                } else {
                    attributes.add(new Attribute(
                            CMSAttributes.signingTime,
                            new DERSet(new org.bouncycastle.asn1.cms.Time(Date.from(signedAt)))));
                }
                DefaultSignedAttributeTableGenerator defaults =
                        new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
                // PAdES forbids the CMS signing-time attribute (the time is /M); BC adds one unless told otherwise
                CMSAttributeTableGenerator signedAttributes = pades
                        ? parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime)
                        : defaults;
                CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                generator.addSignerInfoGenerator(
                        new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                                .setSignedAttributeGenerator(signedAttributes)
                                .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), certificate));
                generator.addCertificates(new JcaCertStore(chain));
                return generator
                        .generate(new CMSProcessableByteArray(content), false)
                        .getEncoded();
            } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
                throw new IOException("cannot sign", e);
            }
        }
    }

    /** A PDF whose signature field holds {@code contents} instead of a CMS SignedData (e.g. garbage bytes). */
    public static Path signedWithContents(Path pdf, Path target, byte[] contents) {
        return signPdf(pdf, target, PADES, "garbage", Instant.now(), content -> contents.clone());
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

    private interface CmsSigner {
        byte[] sign(byte[] content) throws IOException;
    }

    private static Path signPdf(Path pdf, Path target, String subFilter, String name, Instant signedAt, CmsSigner cms) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile());
                OutputStream out = Files.newOutputStream(target);
                SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName(subFilter));
            signature.setName(name);
            signature.setReason("MotCua test fixture");
            Calendar signDate = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            signDate.setTime(Date.from(signedAt));
            signature.setSignDate(signDate);
            // room for a two-certificate chain
            options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
            SignatureInterface signer = content -> cms.sign(content.readAllBytes());
            document.addSignature(signature, signer, options);
            document.saveIncremental(out);
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

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, "MotCua Test")
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate certificate(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
