package vn.motcua.digitization.signaturelog;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.digitization.blob.BlobStore;
import vn.motcua.digitization.signature.PdfSignatureVerifier;
import vn.motcua.digitization.signature.SignatureReport;
import vn.motcua.digitization.signature.SignatureVerdict;
import vn.motcua.digitization.signature.SignerInfo;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * The signature report that vouched for an attached result or a certified copy, kept with it (tables
 * signature_report, signature_signer) so that reading it back does not verify the file again; and the one way this
 * service verifies a stored version: the local blob file in place when the store keeps files, else a copy in a temp
 * file (S3), deleted afterwards.
 */
@Singleton
public class SignatureReports {

    private final JdbcOperations jdbc;
    private final PdfSignatureVerifier verifier;
    private final BlobStore blobs;

    public SignatureReports(JdbcOperations jdbc, PdfSignatureVerifier verifier, BlobStore blobs) {
        this.jdbc = jdbc;
        this.verifier = verifier;
        this.blobs = blobs;
    }

    /** Verifies the stored content with this SHA-256 (a version's blob); never throws for a bad file. */
    public SignatureReport verify(String sha256) {
        Optional<Path> local = blobs.localFile(sha256);
        if (local.isPresent()) {
            return verifier.verify(local.get());
        }
        return verify(blobs.open(sha256));
    }

    /** Verifies content read from the stream, copied to a temp file first; never throws for a bad file. */
    SignatureReport verify(InputStream content) {
        Path file = null;
        try {
            file = Files.createTempFile("motcua-verify-", ".pdf");
            try (content) {
                Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return verifier.verify(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the document to verify its signature", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // left in the temp directory
                }
            }
        }
    }

    /**
     * A result or a certified copy is a file an officer uploaded, never a citizen's own upload (which may carry
     * anyone's valid signature, e.g. an old certificate of theirs).
     */
    public static final String OFFICER_UPLOAD_RULE = "UPLOADED_BY_OFFICER";

    /** The rule a result or a certified copy must meet: its signature verifies as VALID. */
    public static final String VALID_SIGNATURE_RULE = "SIGNATURE_VALID";

    /**
     * @throws vn.motcua.platform.error.DomainException FAILED_PRECONDITION / RULE_VIOLATED with metadata verdict and
     *     rule unless the verdict is VALID
     */
    public static void requireValid(SignatureReport report, String what) {
        if (!report.isValid()) {
            throw new vn.motcua.platform.error.DomainException(
                    vn.motcua.platform.error.ErrorKind.FAILED_PRECONDITION,
                    vn.motcua.platform.error.ErrorReason.RULE_VIOLATED,
                    what + " needs a signature that verifies as VALID; this one is " + report.verdict() + " ("
                            + report.summary() + "): nothing was recorded",
                    java.util.Map.of(
                            "rule",
                            VALID_SIGNATURE_RULE,
                            "verdict",
                            report.verdict().name()),
                    java.util.List.of());
        }
    }

    /** Keeps the report under {@code ownerRef} (replacing an earlier one), in the caller's transaction. */
    public void save(String ownerRef, SignatureReport report, Instant checkedAt) {
        jdbc.prepareStatement("DELETE FROM signature_signer WHERE owner_ref = ?", ps -> {
            ps.setString(1, ownerRef);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("DELETE FROM signature_report WHERE owner_ref = ?", ps -> {
            ps.setString(1, ownerRef);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement(
                "INSERT INTO signature_report (owner_ref, verdict, summary, checked_at) VALUES (?, ?, ?, ?)", ps -> {
                    ps.setString(1, ownerRef);
                    ps.setString(2, report.verdict().name());
                    ps.setString(3, clip(report.summary(), 1000));
                    UtcTimestamps.bind(ps, 4, checkedAt);
                    return ps.executeUpdate();
                });
        int position = 0;
        for (SignerInfo s : report.signatures()) {
            int at = ++position;
            jdbc.prepareStatement(
                    "INSERT INTO signature_signer (owner_ref, signer_position, signer_subject, signer_name, issuer_subject,"
                            + " serial_number, signed_at, intact, covers_whole_document, trusted, sub_filter, problem)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setString(1, ownerRef);
                        ps.setInt(2, at);
                        ps.setString(3, clip(s.signerSubject(), 1024));
                        ps.setString(4, clip(s.signerName(), 500));
                        ps.setString(5, clip(s.issuerSubject(), 1024));
                        ps.setString(6, clip(s.serialNumber(), 128));
                        UtcTimestamps.bind(ps, 7, s.signedAt());
                        ps.setBoolean(8, s.intact());
                        ps.setBoolean(9, s.coversWholeDocument());
                        ps.setBoolean(10, s.trusted());
                        ps.setString(11, clip(s.subFilter(), 64));
                        ps.setString(12, clip(s.problem(), 1000));
                        return ps.executeUpdate();
                    });
        }
    }

    public Optional<SignatureReport> find(String ownerRef) {
        return jdbc.prepareStatement("SELECT verdict, summary FROM signature_report WHERE owner_ref = ?", ps -> {
            ps.setString(1, ownerRef);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SignatureReport(
                        SignatureVerdict.valueOf(rs.getString("verdict")), rs.getString("summary"), signers(ownerRef)));
            }
        });
    }

    private List<SignerInfo> signers(String ownerRef) {
        return jdbc.prepareStatement(
                "SELECT * FROM signature_signer WHERE owner_ref = ? ORDER BY signer_position", ps -> {
                    ps.setString(1, ownerRef);
                    List<SignerInfo> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new SignerInfo(
                                    rs.getString("signer_subject"),
                                    rs.getString("signer_name"),
                                    rs.getString("issuer_subject"),
                                    rs.getString("serial_number"),
                                    UtcTimestamps.read(rs, "signed_at"),
                                    rs.getBoolean("intact"),
                                    rs.getBoolean("covers_whole_document"),
                                    rs.getBoolean("trusted"),
                                    rs.getString("sub_filter"),
                                    rs.getString("problem")));
                        }
                    }
                    return out;
                });
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
