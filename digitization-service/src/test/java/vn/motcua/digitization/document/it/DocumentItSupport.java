package vn.motcua.digitization.document.it;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.proto.digitization.v1.Document;
import vn.motcua.proto.digitization.v1.DocumentServiceGrpc;
import vn.motcua.proto.digitization.v1.DownloadDocumentRequest;
import vn.motcua.proto.digitization.v1.DownloadDocumentResponse;
import vn.motcua.proto.digitization.v1.UploadDocumentRequest;
import vn.motcua.proto.digitization.v1.UploadDocumentResponse;
import vn.motcua.proto.digitization.v1.UploadHeader;

/**
 * Document ITs: a throwaway MariaDB database and data directory per class, the test identity provider, the real gRPC
 * server, and {@link ItDocumentAccess} standing in for the access slice. Uploads are sent with client-side flow
 * control (only while the call is ready), as a well-behaved client would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DocumentItSupport implements TestPropertyProvider {

    static final String UNIT = "11077";
    static final int MIB = 1024 * 1024;

    protected final TestDatabase db = TestDatabase.create(getClass().getSimpleName());
    protected final TestIdentityProvider idp = TestIdentityProvider.start();
    protected final Path dataDir = tempDir();

    @Inject
    protected GrpcEmbeddedServer server;

    protected ManagedChannel channel;

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("digitization-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(db.micronautProperties());
        props.putAll(idp.authProperties());
        props.put("motcua.data-dir", dataDir.toString());
        props.put("motcua.test.document-access", "it");
        props.putAll(extraProperties());
        return props;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @BeforeAll
    protected void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort())
                .usePlaintext()
                .build();
    }

    @AfterAll
    protected void cleanUp() throws IOException {
        channel.shutdownNow();
        idp.close();
        db.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    protected String officer() {
        return idp.officer("officer-" + UNIT, UNIT, "reception_officer");
    }

    protected String citizen(String name, String citizenId) {
        return idp.citizen(name, citizenId);
    }

    private Metadata auth(String token) {
        Metadata headers = new Metadata();
        headers.put(MetadataKeys.AUTHORIZATION, "Bearer " + token);
        return headers;
    }

    protected DocumentServiceGrpc.DocumentServiceBlockingStub blocking(String token) {
        return DocumentServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(auth(token)));
    }

    protected DocumentServiceGrpc.DocumentServiceStub async(String token) {
        return DocumentServiceGrpc.newStub(channel)
                .withDeadlineAfter(120, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(auth(token)));
    }

    static UploadHeader.Builder header(String dossierCode, String fileName) {
        return UploadHeader.newBuilder().setDossierCode(dossierCode).setFileName(fileName);
    }

    /** Uploads {@code content} in chunks of {@code chunkSize}; throws the call's StatusRuntimeException on failure. */
    protected Document upload(String token, UploadHeader header, byte[] content) {
        List<ByteString> chunks = new ArrayList<>();
        for (int i = 0; i < content.length; i += MIB) {
            chunks.add(ByteString.copyFrom(content, i, Math.min(MIB, content.length - i)));
        }
        return upload(token, header, chunks.iterator());
    }

    protected Document upload(String token, UploadHeader header, Iterator<ByteString> chunks) {
        FlowControlledUpload call = new FlowControlledUpload(header, chunks);
        async(token).uploadDocument(call);
        try {
            return call.result.get(120, TimeUnit.SECONDS).getDocument();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the header, then chunks while the call is ready, then half-closes. */
    static final class FlowControlledUpload
            implements ClientResponseObserver<UploadDocumentRequest, UploadDocumentResponse> {
        final CompletableFuture<UploadDocumentResponse> result = new CompletableFuture<>();
        private final UploadHeader header;
        private final Iterator<ByteString> chunks;
        private ClientCallStreamObserver<UploadDocumentRequest> requests;
        private boolean headerSent;
        private boolean finished;
        private UploadDocumentResponse response;

        FlowControlledUpload(UploadHeader header, Iterator<ByteString> chunks) {
            this.header = header;
            this.chunks = chunks;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<UploadDocumentRequest> requests) {
            this.requests = requests;
            requests.setOnReadyHandler(this::pump);
        }

        private synchronized void pump() {
            while (!finished && requests.isReady()) {
                if (!headerSent) {
                    headerSent = true;
                    requests.onNext(
                            UploadDocumentRequest.newBuilder().setHeader(header).build());
                } else if (chunks.hasNext()) {
                    requests.onNext(UploadDocumentRequest.newBuilder()
                            .setChunk(chunks.next())
                            .build());
                } else {
                    finished = true;
                    requests.onCompleted();
                }
            }
        }

        @Override
        public void onNext(UploadDocumentResponse value) {
            response = value;
        }

        @Override
        public void onError(Throwable t) {
            synchronized (this) {
                finished = true;
            }
            result.completeExceptionally(t);
        }

        @Override
        public void onCompleted() {
            result.complete(response);
        }
    }

    /** Downloads a version, hashing as it goes; returns {sha256, size} (content is not kept unless asked). */
    protected Downloaded download(String token, String documentId, int version, boolean keep) {
        Iterator<DownloadDocumentResponse> parts = blocking(token)
                .downloadDocument(DownloadDocumentRequest.newBuilder()
                        .setDocumentId(documentId)
                        .setVersion(version)
                        .build());
        MessageDigest digest = sha256();
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
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

    protected long count(String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
