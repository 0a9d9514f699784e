package vn.motcua.platform.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
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
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF the way PAdES tools do: PDFBox external signing with a detached CMS SignedData from Bouncy Castle
 * (SHA-256 with RSA), written as an incremental update, so a second signature keeps the first intact. Used by the
 * demo signing tool ({@code ./motcua sign-pdf}) and the test fixtures; real signatures come from the officers' USB
 * tokens or the unit's signing service, never from here.
 *
 * <p>PDFBox and Bouncy Castle are optional dependencies of platform: a module that calls this class declares them
 * itself (digitization-service does), so the other services' jars do not carry them.
 */
public final class PdfSigning {

    /** PAdES baseline: CAdES signed attributes, the signing time only in the signature dictionary's /M. */
    public static final String PADES = "ETSI.CAdES.detached";

    /** The older Adobe form: plain CMS with a signing-time attribute. */
    public static final String ADBE_DETACHED = "adbe.pkcs7.detached";

    private PdfSigning() {}

    /** What the signature dictionary says: its /SubFilter, /Name, /Reason and /M (signing time). */
    public record Signature(String subFilter, String name, String reason, Instant signedAt) {

        /** A PAdES signature signed now. */
        public static Signature pades(String name, String reason) {
            return new Signature(PADES, name, reason, Instant.now());
        }
    }

    /** Produces the /Contents of the signature from the bytes of the signed ranges. */
    @FunctionalInterface
    public interface ContentsSigner {
        byte[] sign(byte[] signedRanges) throws IOException;
    }

    /**
     * Signs {@code pdf} into {@code target} with {@code key}; {@code chain} starts with the signer's certificate and
     * is embedded whole (so a verifier finds the path to its trusted root). A PDF already signed gets a second one.
     */
    public static Path sign(Path pdf, Path target, PrivateKey key, List<X509Certificate> chain, Signature signature) {
        boolean pades = PADES.equals(signature.subFilter());
        return sign(pdf, target, signature, content -> cms(content, key, chain, pades, signature.signedAt()));
    }

    /** Signs with whatever {@code contents} produces (a test writes garbage there); the rest as above. */
    public static Path sign(Path pdf, Path target, Signature signature, ContentsSigner contents) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile());
                OutputStream out = Files.newOutputStream(target);
                SignatureOptions options = new SignatureOptions()) {
            PDSignature dictionary = new PDSignature();
            dictionary.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            dictionary.setSubFilter(COSName.getPDFName(signature.subFilter()));
            dictionary.setName(signature.name());
            dictionary.setReason(signature.reason());
            Calendar signDate = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            signDate.setTime(Date.from(signature.signedAt()));
            dictionary.setSignDate(signDate);
            // room for a two-certificate chain
            options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
            SignatureInterface signer = content -> contents.sign(content.readAllBytes());
            document.addSignature(dictionary, signer, options);
            document.saveIncremental(out);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The detached CMS SignedData over {@code content}: for PAdES with a signing-certificate-v2 attribute and no
     * signing-time attribute (the time is /M), otherwise with a signing-time attribute of {@code signedAt}.
     */
    public static byte[] cms(
            byte[] content, PrivateKey key, List<X509Certificate> chain, boolean pades, Instant signedAt)
            throws IOException {
        X509Certificate certificate = chain.get(0);
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
