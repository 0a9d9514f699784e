package vn.motcua.gateway.report;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import vn.motcua.gateway.dossier.IdempotencyKeys;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.report.v1.ImportFormat;
import vn.motcua.proto.report.v1.ImportHeader;
import vn.motcua.proto.report.v1.ReportServiceGrpc.ReportServiceStub;

/**
 * Historical import (issue 13): a unit adopting MotCua brings its past dossiers as a file in the national portal's
 * synchronisation field set, JSON Lines ({@code application/x-ndjson}) or CSV ({@code text/csv}), as the raw body.
 * The body is streamed to report-service's ImportDossierHistory in chunks of at most 1 MiB as it arrives, with
 * backpressure, and never held here ({@link ImportStream}); its limit is {@code motcua.gateway.report-import.max-size}
 * (413 above it). Rows, batches, line numbers and which units the caller may import for are the service's.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ImportController {

    static final String NDJSON = "application/x-ndjson";
    /** Rows per all-or-nothing batch: a whole number here; the service's default (1000) and maximum (10000) apply. */
    private static final int MAX_BATCH = 1_000_000;

    private final Downstream downstream;
    private final ReportServiceStub transfers;
    private final long maxSize;
    private final Duration transferTimeout;

    public ImportController(
            Downstream downstream,
            ReportServiceStub transfers,
            @Value("${motcua.gateway.report-import.max-size:2GB}") @ReadableBytes long maxSize,
            @Value("${motcua.gateway.report-import.timeout:60m}") Duration transferTimeout) {
        this.downstream = downstream;
        this.transfers = transfers;
        this.maxSize = maxSize;
        this.transferTimeout = transferTimeout;
    }

    /**
     * A unit_admin: imports dossier histories for {@code unitCode} (default the caller's unit; every row's unit must
     * be in its subtree) in batches of {@code batchSize} rows (default the service's); the body is the file itself.
     * Idempotency-Key becomes the request id: the same key from the same caller answers the first import's result.
     * Answers 200 with rows read, imported and rejected, batches applied and rejected and the first row errors by
     * line number.
     */
    @Post("/reports/imports")
    @Consumes({NDJSON, MediaType.TEXT_CSV})
    @Access(AccessPolicy.UNIT_ADMIN)
    public CompletableFuture<ReportJson.Imported> importHistory(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String batchSize,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String unit = v.code("unitCode", unitCode, false);
        int batch = ReportParams.whole(v, "batchSize", batchSize, 1, MAX_BATCH);
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        ImportFormat format = request.getContentType()
                .map(t -> t.getName().toLowerCase(Locale.ROOT))
                .map(name -> name.equals(NDJSON)
                        ? ImportFormat.IMPORT_FORMAT_JSON_LINES
                        : name.equals(MediaType.TEXT_CSV) ? ImportFormat.IMPORT_FORMAT_CSV : null)
                .orElse(null);
        if (format == null) {
            v.add("Content-Type", "must be " + NDJSON + " or " + MediaType.TEXT_CSV);
        }
        long declared = request.getContentLength();
        if (declared == 0) {
            v.add("body", "is empty: send the file's bytes as the body");
        }
        v.throwIfAny();
        if (declared > maxSize) {
            throw ImportStream.tooLarge(maxSize);
        }
        if (!(request instanceof ServerHttpRequest<?> server)) {
            throw new IllegalStateException("not a server request");
        }
        ImportHeader header = ImportHeader.newBuilder()
                .setUnitCode(ReportParams.orEmpty(unit))
                .setFormat(format)
                .setRequestId(requestId)
                .setBatchSize(batch)
                .build();
        ImportStream stream = new ImportStream(header, maxSize);
        downstream.start(request, transfers, transferTimeout, s -> s.importDossierHistory(stream));
        stream.sendHeader();
        server.byteBody().toByteArrayPublisher().subscribe(stream.body());
        return stream.result().thenApply(ReportJson.Imported::from);
    }
}
