package vn.motcua.gateway.support;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.common.v1.PageInfo;
import vn.motcua.proto.digitization.v1.*;

/**
 * Test double of digitization-service at the gRPC contract boundary, on a real loopback port: DocumentService with
 * real streams (an upload is hashed as it arrives and never kept; a download is generated as it is sent, respecting
 * flow control), and DigitizationService, WarehouseService and CertifiedCopyService answering realistic messages.
 * Every unary call is recorded (method, request, metadata); every upload is recorded with what arrived and how it
 * ended.
 */
public final class FakeDigitization implements AutoCloseable {

    public static final String DOCUMENT_ID = "DOC-7Q2M9K4X";
    public static final Timestamp AT =
            Timestamp.newBuilder().setSeconds(1_741_000_000L).build();

    /** @param deadline the time the call had left when it arrived; null without a deadline */
    public record Received(String method, Message request, Metadata headers, java.time.Duration deadline) {

        public String authorization() {
            return headers.get(MetadataKeys.AUTHORIZATION);
        }
    }

    /** One upload as the service saw it; {@link #ended} completes with true (half-closed) or false (cancelled). */
    public static final class Upload {
        public volatile UploadHeader header;
        public volatile Metadata headers;
        public volatile long bytes;
        public volatile int chunks;
        public volatile int largestChunk;
        public volatile String sha256;
        public final CompletableFuture<Boolean> ended = new CompletableFuture<>();
        private final MessageDigest digest = sha256();
    }

    private static final Context.Key<Metadata> HEADERS = Context.key("fake-digitization-headers");

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final Server server;
    private volatile Throwable failure;
    private volatile long downloadSize = 3 * 1024 * 1024 + 17;
    private volatile int downloadChunk = 1024 * 1024;
    private volatile String downloadMediaType = "application/pdf";
    /** When set, an upload is refused with this as soon as its header arrives. */
    private volatile Throwable refuseUploads;

    private volatile java.time.Duration answerDelay = java.time.Duration.ZERO;

    private FakeDigitization() {
        ServerInterceptor capture = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                return Contexts.interceptCall(Context.current().withValue(HEADERS, headers), call, headers, next);
            }
        };
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(ServerInterceptors.intercept(new Documents(), capture))
                    .addService(ServerInterceptors.intercept(new Digitization(), capture))
                    .addService(ServerInterceptors.intercept(new Warehouse(), capture))
                    .addService(ServerInterceptors.intercept(new Copies(), capture))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FakeDigitization start() {
        return new FakeDigitization();
    }

    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    public void reset() {
        received.clear();
        uploads.clear();
        failure = null;
        refuseUploads = null;
        downloadSize = 3 * 1024 * 1024 + 17;
        downloadChunk = 1024 * 1024;
        downloadMediaType = "application/pdf";
        answerDelay = java.time.Duration.ZERO;
    }

    /** Every unary answer from now on comes this much later (a service busy stamping a large PDF). */
    public void delayAnswers(java.time.Duration delay) {
        this.answerDelay = delay;
    }

    public void failWith(Throwable error) {
        this.failure = error;
    }

    public void refuseUploads(Throwable error) {
        this.refuseUploads = error;
    }

    /** What DownloadDocument serves from now on: {@code size} generated bytes in chunks of {@code chunk}. */
    public void download(long size, int chunk, String mediaType) {
        this.downloadSize = size;
        this.downloadChunk = chunk;
        this.downloadMediaType = mediaType;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one call, got " + received);
        }
        return received.get(0);
    }

    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /** Byte i of every generated download: a pattern that is not all zeros and not periodic in a chunk. */
    public static byte generated(long i) {
        return (byte) ((i * 31 + (i >>> 11)) & 0xff);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.time.Duration remaining() {
        io.grpc.Deadline deadline = Context.current().getDeadline();
        return deadline == null ? null : java.time.Duration.ofMillis(deadline.timeRemaining(TimeUnit.MILLISECONDS));
    }

    private <T> void answer(String method, Message request, StreamObserver<T> observer, Supplier<T> response) {
        received.add(new Received(method, request, HEADERS.get(), remaining()));
        try {
            Thread.sleep(answerDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Throwable error = failure;
        if (error != null) {
            observer.onError(GrpcErrors.toException(error));
            return;
        }
        observer.onNext(response.get());
        observer.onCompleted();
    }

    public static DocumentVersion version(int n, long size, String sha256, VersionOrigin origin) {
        return DocumentVersion.newBuilder()
                .setVersion(n)
                .setSha256(sha256)
                .setSize(size)
                .setMediaType("application/pdf")
                .setPageCount(2)
                .setCreatedAt(AT)
                .setCreatedBy("mc.ngocson")
                .setOrigin(origin)
                .build();
    }

    public static Document document(String id, String fileName) {
        return Document.newBuilder()
                .setId(id)
                .setFileName(fileName)
                .setDossierCode("H30.298.11077-250303-0001")
                .setCreatedAt(AT)
                .setCreatedBy("mc.ngocson")
                .addVersions(version(1, 1234, "ab".repeat(32), VersionOrigin.VERSION_ORIGIN_UPLOADED))
                .addVersions(version(2, 2345, "cd".repeat(32), VersionOrigin.VERSION_ORIGIN_QR_STAMPED))
                .build();
    }

    public static SignatureReport report() {
        return SignatureReport.newBuilder()
                .setVerdict(SignatureVerdict.SIGNATURE_VERDICT_VALID)
                .setSummary("Chữ ký số hợp lệ")
                .addSignatures(SignatureInfo.newBuilder()
                        .setSignerSubject("CN=Nguyễn Văn Ký,O=UBND xã Ngọc Sơn")
                        .setSignerName("Nguyễn Văn Ký")
                        .setIssuerSubject("CN=MotCua Test Root")
                        .setSerialNumber("1f")
                        .setSignedAt(AT)
                        .setIntact(true)
                        .setCoversWholeDocument(true)
                        .setTrusted(true)
                        .setSubFilter("ETSI.CAdES.detached"))
                .build();
    }

    public static DossierComponent component(int number, ComponentState state) {
        return DossierComponent.newBuilder()
                .setNumber(number)
                .setName("Giấy chứng sinh")
                .setState(state)
                .setSource(ComponentSource.COMPONENT_SOURCE_SCAN)
                .setDocumentId(DOCUMENT_ID)
                .setDocumentVersion(version(2, 2345, "cd".repeat(32), VersionOrigin.VERSION_ORIGIN_QR_STAMPED))
                .setQrPayload("{\"dossierCode\":\"H30.298.11077-250303-0001\"}")
                .setCheckedBy("mc.ngocson")
                .setCheckedAt(AT)
                .setUpdatedAt(AT)
                .build();
    }

    public static WarehouseItem item(String id) {
        return WarehouseItem.newBuilder()
                .setId(id)
                .setKind(WarehouseItemKind.WAREHOUSE_ITEM_KIND_RESULT)
                .setTitle("Giấy khai sinh")
                .setDocumentId(DOCUMENT_ID)
                .setDocumentVersion(version(1, 1234, "ab".repeat(32), VersionOrigin.VERSION_ORIGIN_UPLOADED))
                .setDossierCode("H30.298.11077-250303-0001")
                .setProcedureCode("1.001193")
                .setUnitCode("11077")
                .setValidFrom(AT)
                .setCreatedAt(AT)
                .setValid(true)
                .build();
    }

    public static CertifiedCopy copy() {
        return CertifiedCopy.newBuilder()
                .setCertificateNumber("11077/2026/000001")
                .setUnitCode("11077")
                .setTitle("Giấy khai sinh")
                .setDocumentId(DOCUMENT_ID)
                .setDocumentVersion(version(1, 1234, "ab".repeat(32), VersionOrigin.VERSION_ORIGIN_UPLOADED))
                .setSignature(report())
                .setWarehouseItemId("WH-1")
                .setCertifiedAt(AT)
                .setCertifiedBy("mc.ngocson")
                .setOwnerId("030090001234")
                .build();
    }

    // --- DocumentService ----------------------------------------------------------------------------------------

    private final class Documents extends DocumentServiceGrpc.DocumentServiceImplBase {

        @Override
        public StreamObserver<UploadDocumentRequest> uploadDocument(StreamObserver<UploadDocumentResponse> response) {
            Upload upload = new Upload();
            upload.headers = HEADERS.get();
            uploads.add(upload);
            ServerCallStreamObserver<UploadDocumentResponse> call =
                    (ServerCallStreamObserver<UploadDocumentResponse>) response;
            call.setOnCancelHandler(() -> upload.ended.complete(false));
            return new StreamObserver<>() {
                @Override
                public void onNext(UploadDocumentRequest part) {
                    if (part.hasHeader()) {
                        upload.header = part.getHeader();
                        Throwable refuse = refuseUploads;
                        if (refuse != null) {
                            upload.ended.complete(false);
                            response.onError(GrpcErrors.toException(refuse));
                        }
                        return;
                    }
                    ByteString chunk = part.getChunk();
                    upload.chunks++;
                    upload.bytes += chunk.size();
                    upload.largestChunk = Math.max(upload.largestChunk, chunk.size());
                    chunk.asReadOnlyByteBufferList().forEach(upload.digest::update);
                }

                @Override
                public void onError(Throwable t) {
                    upload.ended.complete(false);
                }

                @Override
                public void onCompleted() {
                    upload.sha256 = HexFormat.of().formatHex(upload.digest.digest());
                    upload.ended.complete(true);
                    Document.Builder stored = document(DOCUMENT_ID, upload.header.getFileName()).toBuilder()
                            .clearVersions()
                            .addVersions(
                                    version(1, upload.bytes, upload.sha256, VersionOrigin.VERSION_ORIGIN_UPLOADED));
                    response.onNext(UploadDocumentResponse.newBuilder()
                            .setDocument(stored)
                            .build());
                    response.onCompleted();
                }
            };
        }

        @Override
        public void getDocument(GetDocumentRequest r, StreamObserver<GetDocumentResponse> o) {
            answer(
                    "GetDocument",
                    r,
                    o,
                    () -> GetDocumentResponse.newBuilder()
                            .setDocument(document(r.getDocumentId(), "Giấy chứng sinh (bản quét).pdf"))
                            .build());
        }

        @Override
        public void downloadDocument(DownloadDocumentRequest r, StreamObserver<DownloadDocumentResponse> o) {
            received.add(new Received("DownloadDocument", r, HEADERS.get(), remaining()));
            Throwable error = failure;
            if (error != null) {
                o.onError(GrpcErrors.toException(error));
                return;
            }
            long size = downloadSize;
            int chunkSize = downloadChunk;
            MessageDigest digest = sha256();
            // the hash of what will be sent, computed first (as a store knows it) without keeping the bytes
            byte[] buffer = new byte[chunkSize];
            for (long at = 0; at < size; at += chunkSize) {
                int n = fill(buffer, at, size);
                digest.update(buffer, 0, n);
            }
            ServerCallStreamObserver<DownloadDocumentResponse> call =
                    (ServerCallStreamObserver<DownloadDocumentResponse>) o;
            call.onNext(DownloadDocumentResponse.newBuilder()
                    .setMetadata(version(
                                    r.getVersion() == 0 ? 2 : r.getVersion(),
                                    size,
                                    HexFormat.of().formatHex(digest.digest()),
                                    VersionOrigin.VERSION_ORIGIN_QR_STAMPED)
                            .toBuilder()
                            .setMediaType(downloadMediaType))
                    .build());
            long[] next = {0};
            boolean[] done = {false};
            Runnable pump = () -> {
                synchronized (next) {
                    while (!done[0] && call.isReady() && !call.isCancelled()) {
                        if (next[0] >= size) {
                            done[0] = true;
                            call.onCompleted();
                            return;
                        }
                        byte[] chunk = new byte[(int) Math.min(chunkSize, size - next[0])];
                        fill(chunk, next[0], size);
                        next[0] += chunk.length;
                        call.onNext(DownloadDocumentResponse.newBuilder()
                                .setChunk(ByteString.copyFrom(chunk))
                                .build());
                    }
                }
            };
            call.setOnReadyHandler(pump);
            pump.run();
        }
    }

    private static int fill(byte[] buffer, long from, long size) {
        int n = (int) Math.min(buffer.length, size - from);
        for (int i = 0; i < n; i++) {
            buffer[i] = generated(from + i);
        }
        return n;
    }

    // --- DigitizationService ------------------------------------------------------------------------------------

    private final class Digitization extends DigitizationServiceGrpc.DigitizationServiceImplBase {

        @Override
        public void getDossierDigitization(
                GetDossierDigitizationRequest r, StreamObserver<GetDossierDigitizationResponse> o) {
            answer(
                    "GetDossierDigitization",
                    r,
                    o,
                    () -> GetDossierDigitizationResponse.newBuilder()
                            .setDigitization(DossierDigitization.newBuilder()
                                    .setDossierCode(r.getDossierCode())
                                    .setProcedureCode("1.001193")
                                    .setProcedureVersion(1)
                                    .addComponents(component(1, ComponentState.COMPONENT_STATE_CHECKED))
                                    .addComponents(DossierComponent.newBuilder()
                                            .setNumber(2)
                                            .setName("Giấy tờ tùy thân")
                                            .setPresentOnly(true)
                                            .setState(ComponentState.COMPONENT_STATE_PENDING))
                                    .setResult(DossierResult.newBuilder()
                                            .setDocumentId("DOC-RESULT")
                                            .setSignature(report())
                                            .setAttachedAt(AT)
                                            .setAttachedBy("cv.ngocson")))
                            .build());
        }

        @Override
        public void attachComponentDocument(
                AttachComponentDocumentRequest r, StreamObserver<AttachComponentDocumentResponse> o) {
            answer(
                    "AttachComponentDocument",
                    r,
                    o,
                    () -> AttachComponentDocumentResponse.newBuilder()
                            .setComponent(component(r.getComponentNumber(), ComponentState.COMPONENT_STATE_UPLOADED))
                            .build());
        }

        @Override
        public void checkComponent(CheckComponentRequest r, StreamObserver<CheckComponentResponse> o) {
            answer(
                    "CheckComponent",
                    r,
                    o,
                    () -> CheckComponentResponse.newBuilder()
                            .setComponent(component(r.getComponentNumber(), ComponentState.COMPONENT_STATE_CHECKED))
                            .build());
        }

        @Override
        public void confirmComponent(ConfirmComponentRequest r, StreamObserver<ConfirmComponentResponse> o) {
            answer(
                    "ConfirmComponent",
                    r,
                    o,
                    () -> ConfirmComponentResponse.newBuilder()
                            .setComponent(component(r.getComponentNumber(), ComponentState.COMPONENT_STATE_CONFIRMED))
                            .build());
        }

        @Override
        public void exemptComponent(ExemptComponentRequest r, StreamObserver<ExemptComponentResponse> o) {
            answer(
                    "ExemptComponent",
                    r,
                    o,
                    () -> ExemptComponentResponse.newBuilder()
                            .setComponent(DossierComponent.newBuilder()
                                    .setNumber(r.getComponentNumber())
                                    .setName("Giấy tờ tùy thân")
                                    .setPresentOnly(true)
                                    .setState(ComponentState.COMPONENT_STATE_EXEMPT)
                                    .setExemptionReason(r.getReason()))
                            .build());
        }

        @Override
        public void fillComponentFromWarehouse(
                FillComponentFromWarehouseRequest r, StreamObserver<FillComponentFromWarehouseResponse> o) {
            answer(
                    "FillComponentFromWarehouse",
                    r,
                    o,
                    () -> FillComponentFromWarehouseResponse.newBuilder()
                            .setComponent(
                                    component(r.getComponentNumber(), ComponentState.COMPONENT_STATE_CONFIRMED)
                                            .toBuilder()
                                            .setSource(ComponentSource.COMPONENT_SOURCE_WAREHOUSE)
                                            .setFromWarehouse(true)
                                            .setReused(true)
                                            .setWarehouseItemId(r.getWarehouseItemId()))
                            .build());
        }

        @Override
        public void attachResult(AttachResultRequest r, StreamObserver<AttachResultResponse> o) {
            answer(
                    "AttachResult",
                    r,
                    o,
                    () -> AttachResultResponse.newBuilder()
                            .setResult(DossierResult.newBuilder()
                                    .setDocumentId(r.getDocumentId())
                                    .setSignature(report())
                                    .setAttachedAt(AT)
                                    .setAttachedBy("cv.ngocson")
                                    .setValidUntil(r.getValidUntil()))
                            .build());
        }

        @Override
        public void verifyDocumentSignature(
                VerifyDocumentSignatureRequest r, StreamObserver<VerifyDocumentSignatureResponse> o) {
            answer(
                    "VerifyDocumentSignature",
                    r,
                    o,
                    () -> VerifyDocumentSignatureResponse.newBuilder()
                            .setReport(report())
                            .build());
        }
    }

    private final class Warehouse extends WarehouseServiceGrpc.WarehouseServiceImplBase {

        @Override
        public void listMyWarehouse(ListMyWarehouseRequest r, StreamObserver<ListMyWarehouseResponse> o) {
            answer(
                    "ListMyWarehouse",
                    r,
                    o,
                    () -> ListMyWarehouseResponse.newBuilder()
                            .addItems(item("WH-1"))
                            .setPage(PageInfo.newBuilder().setNextPageToken("wh2"))
                            .build());
        }

        @Override
        public void getWarehouseItem(GetWarehouseItemRequest r, StreamObserver<GetWarehouseItemResponse> o) {
            answer(
                    "GetWarehouseItem",
                    r,
                    o,
                    () -> GetWarehouseItemResponse.newBuilder()
                            .setItem(item(r.getId()))
                            .build());
        }
    }

    private final class Copies extends CertifiedCopyServiceGrpc.CertifiedCopyServiceImplBase {

        @Override
        public void certifyCopy(CertifyCopyRequest r, StreamObserver<CertifyCopyResponse> o) {
            answer(
                    "CertifyCopy",
                    r,
                    o,
                    () -> CertifyCopyResponse.newBuilder().setCopy(copy()).build());
        }

        @Override
        public void listCertifiedCopies(ListCertifiedCopiesRequest r, StreamObserver<ListCertifiedCopiesResponse> o) {
            answer(
                    "ListCertifiedCopies",
                    r,
                    o,
                    () -> ListCertifiedCopiesResponse.newBuilder()
                            .addCopies(copy())
                            .build());
        }
    }

    /** A status the fake's service would answer, for {@link #failWith}. */
    public static Throwable status(Status status) {
        return status.asRuntimeException();
    }
}
