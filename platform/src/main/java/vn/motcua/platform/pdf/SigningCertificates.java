package vn.motcua.platform.pdf;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certification authority for PDF signatures that are not real: a self-signed root CA and the signers it
 * issues (RSA 2048, SHA-256), for the demo signing tool and the test fixtures. Nothing here is fit for production
 * keys: the province's CA issues those. Needs Bouncy Castle on the classpath (see {@link PdfSigning}).
 */
public final class SigningCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningCertificates() {}

    /** A key and its certificate; {@link #chain()} runs from it up to the root. */
    public record Issued(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {

        public Issued {
            chain = List.copyOf(chain);
        }
    }

    /** A self-signed root CA "CN={commonName}, O={organization}, C=VN" (CA, keyCertSign and cRLSign). */
    public static Issued root(String commonName, String organization, Instant notBefore, Instant notAfter) {
        KeyPair keys = rsaKeys();
        X500Name subject = name(commonName, organization);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            subject, serial(), Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = certificate(builder, keys.getPrivate());
            return new Issued(keys.getPrivate(), certificate, List.of(certificate));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create root CA " + commonName, e);
        }
    }

    /**
     * A signer "CN={commonName}, O={organization}, C=VN" issued by {@code issuer} (end entity, digitalSignature and
     * nonRepudiation), with the chain signer, issuer's chain.
     */
    public static Issued signer(
            Issued issuer, String commonName, String organization, Instant notBefore, Instant notAfter) {
        KeyPair keys = rsaKeys();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            issuer.certificate(),
                            serial(),
                            Date.from(notBefore),
                            Date.from(notAfter),
                            name(commonName, organization),
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(
                            Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            utils.createAuthorityKeyIdentifier(issuer.certificate()))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            X509Certificate certificate = certificate(builder, issuer.key());
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(certificate);
            chain.addAll(issuer.chain());
            return new Issued(keys.getPrivate(), certificate, chain);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot issue signer " + commonName, e);
        }
    }

    /** The certificate as PEM, the form motcua.digitization.signature.trusted-roots reads. */
    public static String pem(X509Certificate certificate) {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pem.toString();
    }

    private static X500Name name(String commonName, String organization) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, organization)
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
