package vn.motcua.gateway.digitization;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import vn.motcua.gateway.dossier.IdempotencyKeys;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.problem.FieldError;
import vn.motcua.gateway.problem.ProblemException;
import vn.motcua.gateway.problem.Reasons;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.security.RoleDocs;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.digitization.v1.DigitizationServiceGrpc.DigitizationServiceBlockingStub;
import vn.motcua.proto.digitization.v1.Document;
import vn.motcua.proto.digitization.v1.DocumentServiceGrpc.DocumentServiceBlockingStub;
import vn.motcua.proto.digitization.v1.DocumentServiceGrpc.DocumentServiceStub;
import vn.motcua.proto.digitization.v1.DocumentVersion;
import vn.motcua.proto.digitization.v1.DownloadDocumentRequest;
import vn.motcua.proto.digitization.v1.GetDocumentRequest;
import vn.motcua.proto.digitization.v1.UploadHeader;
import vn.motcua.proto.digitization.v1.VerifyDocumentSignatureRequest;

/**
 * Scans and files of dossiers and of certified copies (DocumentService, served by digitization-service), streamed
 * both ways: an upload's body goes to the service in chunks of at most 1 MiB as it arrives, with backpressure, and
 * a download's content comes back the same way; the gateway never holds a file. The body of an upload is the file
 * itself, in any Content-Type: the service decides what it is from its bytes (PDF, JPEG or PNG) and refuses anything
 * else. Its size limit is {@code motcua.gateway.upload.max-size} (413 above it); every other route keeps the small
 * limit of a JSON body. Who may upload to or read which document is digitization-service's rule (the dossier's
 * applicant, officers to whom dossier-service shows the dossier, the certifying unit); the gateway admits the roles.
 */
@Controller("/api/v1/documents")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DocumentsController {

    static final int MAX_FILE_NAME = 255;
    // the contract's content types; anything else the service would have refused before storing it
    private static final Set<String> MEDIA_TYPES = Set.of("application/pdf", "image/jpeg", "image/png");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._ ()-]{1,255}");
    private static final int MAX_VERSION = 100_000;

    private final Downstream downstream;
    private final DocumentServiceBlockingStub documents;
    private final DocumentServiceStub transfers;
    private final DigitizationServiceBlockingStub digitization;
    private final long maxSize;
    private final Duration transferTimeout;
    /** Deadline of a signature check, which reads the whole file. */
    private final Duration processingTimeout;

    private final Duration timeout;

    public DocumentsController(
            Downstream downstream,
            DocumentServiceBlockingStub documents,
            DocumentServiceStub transfers,
            DigitizationServiceBlockingStub digitization,
            @Value("${motcua.gateway.upload.max-size}") @ReadableBytes long maxSize,
            @Value("${motcua.gateway.documents.transfer-timeout:30m}") Duration transferTimeout,
            @Value("${motcua.gateway.documents.processing-timeout:5m}") Duration processingTimeout,
            @Value("${motcua.gateway.downstream-timeout:5s}") Duration timeout) {
        this.downstream = downstream;
        this.documents = documents;
        this.transfers = transfers;
        this.digitization = digitization;
        this.maxSize = maxSize;
        this.transferTimeout = transferTimeout;
        this.processingTimeout = processingTimeout;
        this.timeout = timeout;
    }

    /**
     * The applicant (their own dossier) or a reception officer or specialist: uploads a file, the raw body, for a
     * dossier ({@code ?dossier=code}) or, a reception officer, for their unit's desk to certify a copy
     * ({@code ?unit=unitCode}); {@code fileName} is the user's name for it (at most 255 characters, no path
     * separators, no "..", no control characters); {@code documentId} makes it a new version of that document.
     * Idempotency-Key: a retry with the same key answers the first upload. Answers 201 with the document.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_UPLOADERS,
                                            parseValue = true)))
    @Post
    @Consumes(MediaType.ALL)
    @Access(AccessPolicy.DOCUMENT_UPLOADER)
    public CompletableFuture<MutableHttpResponse<DigitizationJson.DocumentJson>> upload(
            HttpRequest<?> request,
            @Nullable @QueryValue String dossier,
            @Nullable @QueryValue String unit,
            @Nullable @QueryValue String fileName,
            @Nullable @QueryValue String documentId,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        UploadHeader.Builder header = UploadHeader.newBuilder();
        if ((dossier == null) == (unit == null)) {
            v.add("dossier", "give exactly one of dossier (a dossier's code) and unit (the certifying unit's code)");
        } else if (dossier != null) {
            String code = v.code("dossier", dossier, true);
            header.setDossierCode(code == null ? "" : code);
        } else {
            String code = v.code("unit", unit, true);
            header.setCertifyingUnitCode(code == null ? "" : code);
        }
        String name = fileName("fileName", fileName, v);
        String existing = v.code("documentId", documentId, false);
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        long declared = request.getContentLength();
        if (declared == 0) {
            v.add("body", "is empty: send the file's bytes as the body");
        }
        v.throwIfAny();
        if (declared > maxSize) {
            throw tooLarge();
        }
        header.setRequestId(requestId).setFileName(name);
        if (existing != null) {
            header.setDocumentId(existing);
        }
        if (declared > 0) {
            header.setDeclaredSize(declared);
        }
        if (!(request instanceof ServerHttpRequest<?> server)) {
            throw new IllegalStateException("not a server request");
        }
        UploadStream upload = new UploadStream(header.build(), maxSize);
        downstream.start(request, transfers, transferTimeout, s -> s.uploadDocument(upload));
        upload.sendHeader();
        server.byteBody().toByteArrayPublisher().subscribe(upload.body());
        return upload.result()
                .thenApply(document -> HttpResponse.created(DigitizationJson.DocumentJson.from(document))
                        .headers(h -> h.location(URI.create("/api/v1/documents/" + document.getId()))));
    }

    /** Anyone who may read the document: its metadata and versions. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_DIGITIZATION_READERS,
                                            parseValue = true)))
    @Get("/{id}")
    @Access(AccessPolicy.CITIZEN_OR_OFFICER)
    public DigitizationJson.DocumentJson get(HttpRequest<?> request, @PathVariable String id) {
        Violations v = new Violations();
        String valid = v.code("id", id, true);
        v.throwIfAny();
        GetDocumentRequest rpc =
                GetDocumentRequest.newBuilder().setDocumentId(valid).build();
        return DigitizationJson.DocumentJson.from(
                call(request, documents, s -> s.getDocument(rpc)).getDocument());
    }

    /**
     * Anyone who may read the document: the content of a version ({@code version}, default the latest), streamed;
     * Content-Type is the detected type, ETag the version's SHA-256, Content-Disposition attachment with the file's
     * name. The body is chunked (its size is the version's size in GET /api/v1/documents/{id}).
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_DIGITIZATION_READERS,
                                            parseValue = true)))
    @Get(
            value = "/{id}/content",
            produces = {"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Access(AccessPolicy.CITIZEN_OR_OFFICER)
    public MutableHttpResponse<Publisher<byte[]>> content(
            HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String version) {
        Violations v = new Violations();
        String valid = v.code("id", id, true);
        int wanted = version(v, version);
        v.throwIfAny();
        // the file's name is on the document, not on the stream's metadata
        Document document = call(
                        request,
                        documents,
                        s -> s.getDocument(GetDocumentRequest.newBuilder()
                                .setDocumentId(valid)
                                .build()))
                .getDocument();
        DownloadStream stream = new DownloadStream();
        DownloadDocumentRequest rpc = DownloadDocumentRequest.newBuilder()
                .setDocumentId(valid)
                .setVersion(wanted)
                .build();
        downstream.start(request, transfers, transferTimeout, s -> s.downloadDocument(rpc, stream));
        DocumentVersion meta = stream.awaitMetadata(timeout);
        MutableHttpResponse<Publisher<byte[]>> response = HttpResponse.ok((Publisher<byte[]>) stream)
                .contentType(mediaType(meta.getMediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(document.getFileName(), valid, meta));
        if (SHA256.matcher(meta.getSha256()).matches()) {
            response.header(HttpHeaders.ETAG, "\"" + meta.getSha256() + "\"");
        }
        return response;
    }

    /** Anyone who may read the document: the signature report of a version (default the latest). */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_DIGITIZATION_READERS,
                                            parseValue = true)))
    @Get("/{id}/signature")
    @Access(AccessPolicy.CITIZEN_OR_OFFICER)
    public DigitizationJson.SignatureReportJson signature(
            HttpRequest<?> request, @PathVariable String id, @Nullable @QueryValue String version) {
        Violations v = new Violations();
        String valid = v.code("id", id, true);
        int wanted = version(v, version);
        v.throwIfAny();
        VerifyDocumentSignatureRequest rpc = VerifyDocumentSignatureRequest.newBuilder()
                .setDocumentId(valid)
                .setVersion(wanted)
                .build();
        return DigitizationJson.SignatureReportJson.from(downstream
                .call(request, digitization, processingTimeout, s -> s.verifyDocumentSignature(rpc))
                .getReport());
    }

    /**
     * A user's file name as the contract allows it: 1-255 characters, no control characters, no path separators and
     * no "..": it is shown to people and used in Content-Disposition, never as a path.
     */
    static String fileName(String field, @Nullable String value, Violations v) {
        String text = v.text(field, value, true, MAX_FILE_NAME);
        if (text == null) {
            return "";
        }
        if (text.indexOf('/') >= 0 || text.indexOf('\\') >= 0) {
            v.add(field, "must not contain path separators");
            return "";
        }
        if (text.contains("..")) {
            v.add(field, "must not contain \"..\"");
            return "";
        }
        return text;
    }

    private static int version(Violations v, @Nullable String version) {
        if (version == null || version.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(version);
            if (n >= 1 && n <= MAX_VERSION) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        v.add("version", "must be a whole number from 1 to " + MAX_VERSION);
        return 0;
    }

    private static MediaType mediaType(String detected) {
        return MEDIA_TYPES.contains(detected) ? MediaType.of(detected) : MediaType.APPLICATION_OCTET_STREAM_TYPE;
    }

    /**
     * attachment, with the user's name in RFC 6266's filename* (UTF-8, percent-encoded) and a plain ASCII fallback:
     * the name is the user's text and never reaches the header unencoded.
     */
    static String disposition(String fileName, String id, DocumentVersion meta) {
        String fallback = PLAIN_NAME.matcher(fileName).matches() ? fileName : id + extension(meta.getMediaType());
        if (fileName.isEmpty()) {
            return "attachment; filename=\"" + fallback + "\"";
        }
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + percentEncoded(fileName);
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> "";
        };
    }

    private static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private ProblemException tooLarge() {
        return new ProblemException(
                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                Reasons.PAYLOAD_TOO_LARGE,
                "the file is larger than the upload limit of " + maxSize + " bytes",
                List.<FieldError>of());
    }

    private <S extends io.grpc.stub.AbstractStub<S>, R> R call(HttpRequest<?> request, S stub, Function<S, R> rpc) {
        return downstream.call(request, stub, rpc);
    }
}
