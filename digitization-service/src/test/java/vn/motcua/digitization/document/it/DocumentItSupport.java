package vn.motcua.digitization.document.it;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import vn.motcua.digitization.testing.DocumentUploadClient;
import vn.motcua.digitization.testing.ServiceItSupport;
import vn.motcua.proto.digitization.v1.Document;
import vn.motcua.proto.digitization.v1.DocumentServiceGrpc;
import vn.motcua.proto.digitization.v1.DownloadDocumentRequest;
import vn.motcua.proto.digitization.v1.DownloadDocumentResponse;
import vn.motcua.proto.digitization.v1.UploadHeader;

/**
 * The document ITs' additions to {@link ServiceItSupport} (which brings the database, data directory, identity
 * provider, the fake dossier-service deciding who sees a dossier, and the real access rules): downloads that hash as
 * they go, and the files under the data directory, to prove that a refusal leaves nothing behind.
 */
abstract class DocumentItSupport extends ServiceItSupport {

    static final int MIB = DocumentUploadClient.MIB;

    /** The unit's reception officer, who sees the unit's counter dossiers ({@link #counterDossier}). */
    protected String officer() {
        return receptionOfficer(UNIT);
    }

    protected DocumentServiceGrpc.DocumentServiceBlockingStub blocking(String token) {
        return documents.blocking(token);
    }

    protected DocumentServiceGrpc.DocumentServiceStub async(String token) {
        return documents.async(token);
    }

    static UploadHeader.Builder header(String dossierCode, String fileName) {
        return DocumentUploadClient.forDossier(dossierCode, fileName);
    }

    protected Document upload(String token, UploadHeader header, Iterator<ByteString> chunks) {
        return documents.upload(token, header, chunks);
    }

    /** Downloads a version, hashing as it goes; returns {sha256, size} (content is not kept unless asked). */
    protected Downloaded download(String token, String documentId, int version, boolean keep) {
        Iterator<DownloadDocumentResponse> parts = blocking(token)
                .downloadDocument(DownloadDocumentRequest.newBuilder()
                        .setDocumentId(documentId)
                        .setVersion(version)
                        .build());
        MessageDigest digest = sha256();
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        DownloadDocumentResponse first = parts.next();
        long size = 0;
        int chunks = 0;
        while (parts.hasNext()) {
            ByteString chunk = parts.next().getChunk();
            if (chunk.size() > MIB) {
                throw new AssertionError("a download chunk over 1 MiB: " + chunk.size());
            }
            chunk.asReadOnlyByteBufferList().forEach(digest::update);
            size += chunk.size();
            chunks++;
            if (keep) {
                kept.writeBytes(chunk.toByteArray());
            }
        }
        return new Downloaded(first, HexFormat.of().formatHex(digest.digest()), size, chunks, kept.toByteArray());
    }

    record Downloaded(DownloadDocumentResponse metadata, String sha256, long size, int chunks, byte[] content) {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    /** Files under a directory of the data dir (blobs or spool), temporary ones included. */
    protected List<Path> files(String sub) {
        Path dir = dataDir.resolve(sub);
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
