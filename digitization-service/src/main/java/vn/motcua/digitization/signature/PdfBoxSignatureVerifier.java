package vn.motcua.digitization.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.encoders.Hex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a PDF's signatures with PDFBox (to find the signature dictionaries) and Bouncy Castle (CMS), reading the
 * signed bytes straight from the file. For each signature:
 * <ol>
 *   <li>its /ByteRange must start at 0 and leave exactly one hole, holding nothing but the hex /Contents;</li>
 *   <li>/SubFilter adbe.pkcs7.detached or ETSI.CAdES.detached: a detached CMS SignedData with one signer whose
 *       certificate is in the CMS; its message digest and signature must match the ByteRange bytes, and a
 *       signing-certificate-v2 attribute, when present, must name that certificate;</li>
 *   <li>signing time: the CMS signing-time attribute, else /M. Both are the signer's own claim (RFC 3161 signature
 *       timestamp tokens are NOT read yet), so the claim is not trusted to move the trust check into the past: a
 *       signing time more than {@link #CLOCK_SKEW} in the future is UNTRUSTED (a claim that cannot be true; not
 *       MALFORMED, which means the signature cannot be read), and the signer certificate must be valid both at the
 *       claimed time and now. A backdated signature made with a certificate that has since expired is UNTRUSTED:
 *       without a timestamp authority's token nothing shows it was made while the certificate was valid;</li>
 *   <li>trust: a PKIX path leads from the certificate (through the CMS's other certificates) to a configured root,
 *       checked now. Revocation is NOT checked (no CRL or OCSP fetches from here).</li>
 * </ol>
 * The signature reaching furthest into the file must reach its end (only whitespace may follow): bytes after it are an
 * unsigned incremental update, reported TAMPERED even if they only change metadata. Earlier signatures are naturally
 * followed by the later ones; what changed between signatures is not analysed (no DocMDP).
 *
 * <p>The file's verdict is the worst of its signatures' in {@link SignatureVerdict}'s order; one signature's verdict
 * is MALFORMED if it cannot be read, else TAMPERED, else UNTRUSTED. A file that is not a PDF (a JPEG scan) carries no
 * PDF signature: UNSIGNED. A PDF that PDFBox cannot open: MALFORMED.
 */
public class PdfBoxSignatureVerifier implements PdfSignatureVerifier {

    static final String ADBE_DETACHED = "adbe.pkcs7.detached";
    static final String CADES_DETACHED = "ETSI.CAdES.detached";

    /** A /Contents hole larger than this is not a signature (typical: 8–40 KB of hex). */
    private static final int MAX_HOLE = 2 * 1024 * 1024;

    /** Some writers end the file with a newline or padding after the last signed byte; more than this is an update. */
    private static final int MAX_TRAILING_WHITESPACE = 64;

    private static final Logger LOG = LoggerFactory.getLogger(PdfBoxSignatureVerifier.class);

    /** How far a signing time may lie ahead of this server's clock (the signer's clock may run a little fast). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Set<TrustAnchor> anchors;
    private final Clock clock;

    public PdfBoxSignatureVerifier(Collection<X509Certificate> trustedRoots) {
        this(trustedRoots, Clock.systemUTC());
    }

    PdfBoxSignatureVerifier(Collection<X509Certificate> trustedRoots, Clock clock) {
        this.clock = clock;
        Set<TrustAnchor> set = new HashSet<>();
        for (X509Certificate root : trustedRoots) {
            set.add(new TrustAnchor(root, null));
        }
        this.anchors = Set.copyOf(set);
    }

    @Override
    public SignatureReport verify(Path pdf) {
        try {
            if (!startsLikePdf(pdf)) {
                return SignatureSummaries.notPdf();
            }
            try (FileChannel file = FileChannel.open(pdf, StandardOpenOption.READ);
                    PDDocument document = Loader.loadPDF(
                            new RandomAccessReadBufferedFile(pdf.toFile()), IOUtils.createTempFileOnlyStreamCache())) {
                List<PDSignature> dictionaries = document.getSignatureDictionaries();
                if (dictionaries.isEmpty()) {
                    return SignatureSummaries.unsigned();
                }
                return check(dictionaries, file);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot open {} to check its signatures", pdf, e);
            return SignatureSummaries.unreadable();
        }
    }

    private SignatureReport check(List<PDSignature> dictionaries, FileChannel file) throws IOException {
        long length = file.size();
        List<Checked> checked = new ArrayList<>();
        for (PDSignature dictionary : dictionaries) {
            checked.add(check(dictionary, file, length));
        }
        // the signature reaching furthest is the last one made: nothing unsigned may follow it
        Checked last = checked.stream()
                .filter(Checked::readable)
                .max(Comparator.comparingLong(Checked::end))
                .orElse(null);
        List<SignerInfo> signatures = new ArrayList<>();
        List<SignatureVerdict> verdicts = new ArrayList<>();
        for (Checked c : checked) {
            boolean isLast = c == last;
            signatures.add(
                    isLast && !c.info.coversWholeDocument()
                            ? c.withProblem("bytes were added after the last signature (unsigned incremental update)")
                            : c.info);
            verdicts.add(c.verdict(isLast));
        }
        return SignatureSummaries.report(signatures, verdicts);
    }

    /**
     * One signature, with where its ByteRange ends for the "which is the last one" question.
     *
     * @param readable false when its ByteRange, hole or CMS could not be read (end is then -1)
     */
    private record Checked(SignerInfo info, long end, boolean readable) {

        SignerInfo withProblem(String added) {
            SignerInfo i = info;
            String problem = i.problem() == null ? added : i.problem() + "; " + added;
            return new SignerInfo(
                    i.signerSubject(),
                    i.signerName(),
                    i.issuerSubject(),
                    i.serialNumber(),
                    i.signedAt(),
                    i.intact(),
                    i.coversWholeDocument(),
                    i.trusted(),
                    i.subFilter(),
                    problem);
        }

        SignatureVerdict verdict(boolean isLast) {
            if (!readable) {
                return SignatureVerdict.MALFORMED;
            }
            if (!info.intact() || (isLast && !info.coversWholeDocument())) {
                return SignatureVerdict.TAMPERED;
            }
            return info.trusted() ? SignatureVerdict.VALID : SignatureVerdict.UNTRUSTED;
        }
    }

    private Checked check(PDSignature dictionary, FileChannel file, long length) {
        String subFilter = dictionary.getSubFilter();
        Instant claimed = dictionary.getSignDate() == null
                ? null
                : dictionary.getSignDate().toInstant();
        int[] byteRange;
        try {
            byteRange = dictionary.getByteRange();
        } catch (RuntimeException e) {
            return unreadable(subFilter, claimed, "ByteRange unreadable: " + e.getMessage());
        }
        String rangeProblem = byteRangeProblem(byteRange, length);
        if (rangeProblem != null) {
            return unreadable(subFilter, claimed, rangeProblem);
        }
        if (!ADBE_DETACHED.equals(subFilter) && !CADES_DETACHED.equals(subFilter)) {
            return unreadable(subFilter, claimed, "unsupported SubFilter " + subFilter);
        }
        long holeStart = byteRange[1];
        long holeEnd = byteRange[2];
        long end = (long) byteRange[2] + byteRange[3];
        try {
            byte[] contents = holeContents(SignedRanges.read(file, holeStart, (int) (holeEnd - holeStart)));
            if (contents == null) {
                return unreadable(subFilter, claimed, "the ByteRange hole holds more than the hex /Contents");
            }
            // read as a stream: one DER/BER object, the zero padding after it ignored (the byte[] form refuses it)
            CMSSignedData cms = new CMSSignedData(
                    new SignedRanges(file, byteRange[0], byteRange[1], byteRange[2], byteRange[3]),
                    new ByteArrayInputStream(contents));
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return unreadable(subFilter, claimed, "CMS has " + signers.size() + " signers, expected 1");
            }
            SignerInformation signer = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matching = cms.getCertificates().getMatches(signer.getSID());
            if (matching.isEmpty()) {
                return unreadable(subFilter, claimed, "the signer's certificate is not in the CMS");
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate certificate =
                    converter.getCertificate(matching.iterator().next());
            List<X509Certificate> others = new ArrayList<>();
            for (Object holder : cms.getCertificates().getMatches(null)) {
                others.add(converter.getCertificate((X509CertificateHolder) holder));
            }
            Instant signedAt = signingTime(signer, claimed);
            boolean covers = coversToEnd(file, end, length);

            String problem = integrityProblem(signer, certificate);
            boolean intact = problem == null;
            String trustProblem = intact ? trustProblem(certificate, others, signedAt) : null;
            if (problem == null) {
                problem = trustProblem;
            }
            return new Checked(
                    new SignerInfo(
                            name(certificate.getSubjectX500Principal().getEncoded()),
                            commonName(certificate.getSubjectX500Principal().getEncoded()),
                            name(certificate.getIssuerX500Principal().getEncoded()),
                            serial(certificate.getSerialNumber()),
                            signedAt,
                            intact,
                            covers,
                            intact && trustProblem == null,
                            subFilter,
                            problem),
                    end,
                    true);
        } catch (CMSException | CertificateException | IOException | RuntimeException e) {
            return unreadable(subFilter, claimed, "signature data unreadable: " + e.getMessage());
        }
    }

    private static Checked unreadable(String subFilter, Instant claimed, String problem) {
        return new Checked(
                new SignerInfo(null, null, null, null, claimed, false, false, false, subFilter, problem), -1, false);
    }

    private static String byteRangeProblem(int[] r, long length) {
        if (r == null || r.length != 4) {
            return "ByteRange must have 4 numbers";
        }
        if (r[0] != 0) {
            return "ByteRange must start at the beginning of the file";
        }
        if (r[1] <= 0 || r[2] <= r[1] || r[3] < 0 || (long) r[2] + r[3] > length) {
            return "ByteRange " + Arrays.toString(r) + " does not fit a file of " + length + " bytes";
        }
        if (r[2] - r[1] > MAX_HOLE) {
            return "ByteRange hole of " + (r[2] - r[1]) + " bytes is too large for a signature";
        }
        return null;
    }

    /** The hole must be {@code <hex>} and nothing else (no objects hidden in it); null if it is not. */
    static byte[] holeContents(byte[] hole) {
        if (hole.length < 2 || hole[0] != '<' || hole[hole.length - 1] != '>') {
            return null;
        }
        StringBuilder hex = new StringBuilder(hole.length);
        for (int i = 1; i < hole.length - 1; i++) {
            char c = (char) hole[i];
            if (Character.digit(c, 16) >= 0) {
                hex.append(c);
            } else if (!isWhitespace(hole[i])) {
                return null;
            }
        }
        if (hex.length() % 2 == 1) {
            hex.append('0');
        }
        return Hex.decode(hex.toString());
    }

    private static boolean coversToEnd(FileChannel file, long end, long length) throws IOException {
        if (end == length) {
            return true;
        }
        if (length - end > MAX_TRAILING_WHITESPACE) {
            return false;
        }
        for (byte b : SignedRanges.read(file, end, (int) (length - end))) {
            if (!isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
    }

    /** null when the CMS signature matches the signed bytes and names its certificate consistently. */
    private static String integrityProblem(SignerInformation signer, X509Certificate certificate) throws CMSException {
        try {
            // the public key only: validity at signing time is the trust step's question, not integrity's
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate.getPublicKey()))) {
                return "the signature value does not match the signed attributes";
            }
        } catch (CMSSignerDigestMismatchException e) {
            return "the signed bytes do not match the signature's message digest";
        } catch (OperatorCreationException e) {
            throw new CMSException("unsupported signature algorithm: " + e.getMessage(), e);
        }
        return signingCertificateProblem(signer, certificate);
    }

    /** ESS signing-certificate-v2 (PAdES) binds the signature to one certificate: a swapped certificate breaks it. */
    private static String signingCertificateProblem(SignerInformation signer, X509Certificate certificate)
            throws CMSException {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute =
                attributes == null ? null : attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return null;
        }
        ESSCertIDv2[] ids = SigningCertificateV2.getInstance(
                        attribute.getAttrValues().getObjectAt(0))
                .getCerts();
        if (ids.length == 0) {
            return "signing-certificate-v2 names no certificate";
        }
        try {
            DigestCalculator digest =
                    new JcaDigestCalculatorProviderBuilder().build().get(ids[0].getHashAlgorithm());
            try (var out = digest.getOutputStream()) {
                out.write(certificate.getEncoded());
            }
            return Arrays.equals(digest.getDigest(), ids[0].getCertHash())
                    ? null
                    : "signing-certificate-v2 names another certificate than the CMS signer's";
        } catch (OperatorCreationException | IOException | java.security.cert.CertificateEncodingException e) {
            throw new CMSException("cannot check signing-certificate-v2: " + e.getMessage(), e);
        }
    }

    private static Instant signingTime(SignerInformation signer, Instant claimed) {
        AttributeTable attributes = signer.getSignedAttributes();
        Attribute attribute = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
        if (attribute != null && attribute.getAttrValues().size() > 0) {
            return Time.getInstance(attribute.getAttrValues().getObjectAt(0))
                    .getDate()
                    .toInstant();
        }
        return claimed;
    }

    /**
     * null when the signing time is not in the future, the certificate was valid then and is valid now, and it chains
     * to a configured root now.
     */
    private String trustProblem(X509Certificate certificate, List<X509Certificate> others, Instant signedAt) {
        Instant now = clock.instant();
        if (signedAt != null && signedAt.isAfter(now.plus(CLOCK_SKEW))) {
            return SignatureSummaries.SIGNED_IN_THE_FUTURE + " (" + signedAt + ", now " + now + ")";
        }
        Date at = Date.from(signedAt == null ? now : signedAt);
        try {
            certificate.checkValidity(at);
        } catch (CertificateException e) {
            return SignatureSummaries.NOT_VALID_AT_SIGNING_TIME + " (" + at.toInstant() + ")";
        }
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateException e) {
            return SignatureSummaries.NOT_VALID_NOW + " ("
                    + certificate.getNotBefore().toInstant() + " to "
                    + certificate.getNotAfter().toInstant() + ")";
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && !keyUsage[0] && !keyUsage[1]) {
            return "the signer certificate is not for digital signatures (key usage)";
        }
        if (anchors.isEmpty()) {
            return "no trusted roots are configured (motcua.digitization.signature.trusted-roots)";
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(others)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return null;
        } catch (CertPathBuilderException e) {
            return "the signer does not chain to a trusted root: " + e.getMessage();
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            return "cannot build a certificate path: " + e.getMessage();
        }
    }

    /** RFC 4514 order (CN first, as the certificate viewers show it), Vietnamese kept as is. */
    private static String name(byte[] encoded) {
        RDN[] rdns = X500Name.getInstance(encoded).getRDNs();
        RDN[] reversed = new RDN[rdns.length];
        for (int i = 0; i < rdns.length; i++) {
            reversed[i] = rdns[rdns.length - 1 - i];
        }
        return new X500Name(BCStyle.INSTANCE, reversed).toString();
    }

    private static String commonName(byte[] encoded) {
        X500Name name = X500Name.getInstance(encoded);
        RDN[] cns = name.getRDNs(BCStyle.CN);
        if (cns.length == 0) {
            return name(encoded);
        }
        var value = cns[0].getFirst().getValue();
        return value instanceof ASN1String s ? s.getString() : value.toString();
    }

    private static boolean startsLikePdf(Path path) throws IOException {
        // the header may follow some junk, within the first 1024 bytes as readers allow
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(1024);
            return new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-");
        }
    }

    private static String serial(BigInteger serial) {
        return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
    }
}
