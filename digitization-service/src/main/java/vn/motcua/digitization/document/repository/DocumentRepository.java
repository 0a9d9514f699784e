package vn.motcua.digitization.document.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.digitization.document.domain.UploadScope;
import vn.motcua.digitization.document.domain.VersionOrigin;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * Documents and their versions. A new version is numbered under the document row's lock ({@link #lockCurrentVersion}),
 * so concurrent versions of one document get consecutive numbers; every instant is bound through {@link UtcTimestamps}.
 */
@Singleton
public class DocumentRepository {

    private final JdbcOperations jdbc;

    public DocumentRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A new document with its first version. */
    public void insert(
            String id,
            String fileName,
            UploadScope scope,
            Instant createdAt,
            String createdBy,
            String createdBySubject,
            boolean uploadedByCitizen,
            StoredVersion first) {
        jdbc.prepareStatement(
                "INSERT INTO document (id, file_name, dossier_code, certifying_unit_code, created_at, created_by,"
                        + " created_by_subject, current_version, uploaded_by_citizen)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, id);
                    ps.setString(2, fileName);
                    ps.setString(3, scope.dossierCode());
                    ps.setString(4, scope.certifyingUnitCode());
                    UtcTimestamps.bind(ps, 5, createdAt);
                    ps.setString(6, createdBy);
                    ps.setString(7, createdBySubject);
                    ps.setInt(8, first.version());
                    ps.setBoolean(9, uploadedByCitizen);
                    return ps.executeUpdate();
                });
        insertVersion(id, first);
    }

    /** The latest version number, with the document row locked until the transaction ends; empty if none. */
    public Optional<Integer> lockCurrentVersion(String documentId) {
        return jdbc.prepareStatement("SELECT current_version FROM document WHERE id = ? FOR UPDATE", ps -> {
            ps.setString(1, documentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        });
    }

    /** A further version; the document must be locked by {@link #lockCurrentVersion} in this transaction. */
    public void addVersion(String documentId, StoredVersion version) {
        insertVersion(documentId, version);
        jdbc.prepareStatement("UPDATE document SET current_version = ? WHERE id = ?", ps -> {
            ps.setInt(1, version.version());
            ps.setString(2, documentId);
            return ps.executeUpdate();
        });
    }

    private void insertVersion(String documentId, StoredVersion v) {
        jdbc.prepareStatement(
                "INSERT INTO document_version (document_id, version, sha256, size_bytes, media_type, page_count,"
                        + " created_at, created_by, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, documentId);
                    ps.setInt(2, v.version());
                    ps.setString(3, v.sha256());
                    ps.setLong(4, v.size());
                    ps.setString(5, v.mediaType());
                    ps.setInt(6, v.pageCount());
                    UtcTimestamps.bind(ps, 7, v.createdAt());
                    ps.setString(8, v.createdBy());
                    ps.setString(9, v.origin().name());
                    return ps.executeUpdate();
                });
    }

    public Optional<StoredDocument> find(String id) {
        Optional<Head> head = jdbc.prepareStatement("SELECT * FROM document WHERE id = ?", ps -> {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(head(rs)) : Optional.empty();
            }
        });
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<StoredVersion> versions =
                jdbc.prepareStatement("SELECT * FROM document_version WHERE document_id = ? ORDER BY version", ps -> {
                    ps.setString(1, id);
                    List<StoredVersion> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(version(rs));
                        }
                    }
                    return out;
                });
        Head h = head.get();
        return Optional.of(new StoredDocument(
                h.id,
                h.fileName,
                h.scope,
                h.createdAt,
                h.createdBy,
                h.createdBySubject,
                h.uploadedByCitizen,
                versions));
    }

    private record Head(
            String id,
            String fileName,
            UploadScope scope,
            Instant createdAt,
            String createdBy,
            String createdBySubject,
            boolean uploadedByCitizen) {}

    private static Head head(ResultSet rs) throws SQLException {
        return new Head(
                rs.getString("id"),
                rs.getString("file_name"),
                new UploadScope(rs.getString("dossier_code"), rs.getString("certifying_unit_code")),
                UtcTimestamps.read(rs, "created_at"),
                rs.getString("created_by"),
                rs.getString("created_by_subject"),
                rs.getBoolean("uploaded_by_citizen"));
    }

    private static StoredVersion version(ResultSet rs) throws SQLException {
        return new StoredVersion(
                rs.getInt("version"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                rs.getString("media_type"),
                rs.getInt("page_count"),
                UtcTimestamps.read(rs, "created_at"),
                rs.getString("created_by"),
                VersionOrigin.valueOf(rs.getString("origin")));
    }
}
