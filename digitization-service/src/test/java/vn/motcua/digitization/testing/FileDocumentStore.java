package vn.motcua.digitization.testing;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.digitization.document.domain.UploadScope;
import vn.motcua.digitization.document.domain.VersionOrigin;
import vn.motcua.digitization.document.service.DocumentStore;

/**
 * TEST DOUBLE of the document slice's {@link DocumentStore} (helper H1 builds the real one on another branch):
 * content in real files under a temp directory, metadata in memory. {@link Secondary}, so the real bean wins once
 * both are on the classpath; the ITs that use {@link #put} must then be switched to the real upload path.
 */
@Singleton
@Secondary
public class FileDocumentStore implements DocumentStore {

    private final Path dir;
    private final Map<String, StoredDocument> documents = new ConcurrentHashMap<>();

    public FileDocumentStore() {
        try {
            dir = Files.createTempDirectory("motcua-it-documents-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document with one uploaded version, as an upload would leave it. */
    public StoredDocument put(UploadScope scope, String fileName, String mediaType, byte[] content, String subject) {
        String id = "DOC-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        StoredVersion v = write(id, 1, content, mediaType, subject, VersionOrigin.UPLOADED);
        StoredDocument doc = new StoredDocument(id, fileName, scope, now(), subject, subject, List.of(v));
        documents.put(id, doc);
        return doc;
    }

    @Override
    public Optional<StoredDocument> find(String documentId) {
        return Optional.ofNullable(documents.get(documentId));
    }

    @Override
    public InputStream open(String documentId, int version) {
        StoredDocument doc = documents.get(documentId);
        StoredVersion v = doc.version(version).orElseThrow();
        try {
            return Files.newInputStream(dir.resolve(v.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a version, for assertions. */
    public byte[] content(String documentId, int version) {
        try (InputStream in = open(documentId, version)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized StoredVersion addDerivedVersion(
            String documentId, Path content, VersionOrigin origin, String createdBy) {
        StoredDocument doc = documents.get(documentId);
        try {
            StoredVersion v = write(
                    documentId,
                    doc.latest().version() + 1,
                    Files.readAllBytes(content),
                    doc.latest().mediaType(),
                    createdBy,
                    origin);
            List<StoredVersion> versions = new ArrayList<>(doc.versions());
            versions.add(v);
            documents.put(
                    documentId,
                    new StoredDocument(
                            doc.id(),
                            doc.fileName(),
                            doc.scope(),
                            doc.createdAt(),
                            doc.createdBy(),
                            doc.createdBySubject(),
                            versions));
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StoredVersion write(
            String id, int version, byte[] content, String mediaType, String by, VersionOrigin origin) {
        try {
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            Files.write(dir.resolve(sha), content);
            return new StoredVersion(version, sha, content.length, mediaType, 1, now(), by, origin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
