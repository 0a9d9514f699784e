package vn.motcua.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.FakeReports;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.platform.error.DomainException;
import vn.motcua.proto.report.v1.ImportFormat;

/**
 * The historical import streams its body to report-service: the same bytes in chunks of at most 1 MiB after a header
 * with the unit, format, batch size and the Idempotency-Key as request id; its limit (here 3 MiB) is 413 at once by
 * Content-Length and mid-stream for a chunked body (the call is cancelled); bad parameters, other content types and
 * other roles are refused before anything is streamed.
 */
@MicronautTest(transactional = false)
class ReportImportStreamingIT extends ReportGatewayIT {

    private static final int MB = 1024 * 1024;
    private static final String NDJSON = "application/x-ndjson";
    private static final String IMPORT = "/api/v1/reports/imports?unitCode=11077&batchSize=500";

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("motcua.gateway.report-import.max-size", "3MB");
    }

    @Test
    void anImportReachesTheServiceInChunksOfAtMostOneMebibyteAfterItsHeader() throws Exception {
        byte[] file = rows((int) (2.5 * MB));
        String token = admin();

        Api.Reply reply = api.send(api.request(IMPORT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", NDJSON)
                .header("Idempotency-Key", "import-2019-11077")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json())
                .containsEntry("importId", "IMP-1")
                .containsEntry("rowsRead", 3)
                .containsEntry("rowsRejected", 1)
                .containsEntry("batchesRejected", 1);
        assertThat(reply.errors().get(0)).containsEntry("line", 3).containsEntry("field", "NgayTiepNhan");
        FakeReports.Import in = reports.imports().get(0);
        assertThat(in.ended.get(5, TimeUnit.SECONDS))
                .as("half-closed, not cancelled")
                .isTrue();
        assertThat(in.bytes).isEqualTo(file.length);
        assertThat(in.largestChunk).isPositive().isLessThanOrEqualTo(MB);
        assertThat(in.sha256).isEqualTo(sha256(file));
        assertThat(in.header.getUnitCode()).isEqualTo("11077");
        assertThat(in.header.getFormat()).isEqualTo(ImportFormat.IMPORT_FORMAT_JSON_LINES);
        assertThat(in.header.getRequestId()).isEqualTo("import-2019-11077");
        assertThat(in.header.getBatchSize()).isEqualTo(500);
        assertThat(in.headers.get(MetadataKeys.AUTHORIZATION)).isEqualTo("Bearer " + token);
    }

    @Test
    void aChunkedCsvWithoutLengthIsStreamedToo() throws Exception {
        byte[] file = "MaHoSo,MaTTHC,NgayTiepNhan\r\nH30.298.11077-190301-0001,1.001193,2019-03-01T08:00:00+07:00\r\n"
                .getBytes(StandardCharsets.UTF_8);

        Api.Reply reply = api.send(api.request("/api/v1/reports/imports")
                .header("Authorization", "Bearer " + admin())
                .header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(file)))
                .build());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        FakeReports.Import in = reports.imports().get(0);
        assertThat(in.header.getFormat()).isEqualTo(ImportFormat.IMPORT_FORMAT_CSV);
        assertThat(in.header.getUnitCode()).as("the caller's unit").isEmpty();
        assertThat(in.header.getBatchSize()).as("the service's default").isZero();
        assertThat(in.header.getRequestId()).as("a fresh one without a key").isNotBlank();
        assertThat(in.sha256).isEqualTo(sha256(file));
    }

    @Test
    void aBodyOverTheLimitByItsLengthIs413AndNeverReachesTheService() {
        Api.Reply reply = api.send(api.request(IMPORT)
                .header("Authorization", "Bearer " + admin())
                .header("Content-Type", NDJSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(rows(4 * MB)))
                .build());

        assertProblem(reply, 413, "PAYLOAD_TOO_LARGE");
        assertThat(reports.imports()).isEmpty();
    }

    @Test
    void aChunkedBodyRunningPastTheLimitIs413AndTheCallIsCancelled() throws Exception {
        byte[] file = rows(5 * MB);
        Api.Reply reply = api.send(api.request(IMPORT)
                .header("Authorization", "Bearer " + admin())
                .header("Content-Type", NDJSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(file)))
                .build());

        assertProblem(reply, 413, "PAYLOAD_TOO_LARGE");
        assertThat(reports.imports()).hasSize(1);
        assertThat(reports.imports().get(0).ended.get(5, TimeUnit.SECONDS))
                .as("cancelled")
                .isFalse();
    }

    @Test
    void aServiceThatRefusesTheImportEndsItWithItsProblem() {
        reports.failWith(DomainException.notFound("unit 99999"));

        Api.Reply reply = api.send(api.request("/api/v1/reports/imports?unitCode=99999")
                .header("Authorization", "Bearer " + admin())
                .header("Content-Type", NDJSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(rows(2 * MB)))
                .build());

        assertProblem(reply, 404, "NOT_FOUND");
    }

    @Test
    void badParametersOtherTypesAndOtherRolesAreRefusedBeforeAnythingIsStreamed() {
        byte[] body = rows(1000);
        Api.Reply params = post("/api/v1/reports/imports?unitCode=11%20077&batchSize=0", admin(), NDJSON, body, "k");
        Api.Reply words = post("/api/v1/reports/imports?batchSize=many", admin(), NDJSON, body, "k".repeat(200));
        Api.Reply empty = post(IMPORT, admin(), NDJSON, new byte[0], null);
        Api.Reply json = post(IMPORT, admin(), "application/json", body, null);

        assertProblem(params, 400, "INVALID_FIELD");
        assertThat(params.errors()).extracting(e -> e.get("field")).containsExactly("unitCode", "batchSize");
        assertThat(words.errors()).extracting(e -> e.get("field")).containsExactly("batchSize", "Idempotency-Key");
        assertThat(empty.errors()).extracting(e -> e.get("field")).containsExactly("body");
        assertProblem(json, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(post(IMPORT, leader(), NDJSON, body, null), 403, "ROLE_NOT_ALLOWED");
        assertProblem(post(IMPORT, viewer(), NDJSON, body, null), 403, "ROLE_NOT_ALLOWED");
        assertProblem(post(IMPORT, machine(), NDJSON, body, null), 403, "ROLE_NOT_ALLOWED");
        assertProblem(post(IMPORT, null, NDJSON, body, null), 401, "TOKEN_MISSING");
        assertThat(reports.imports()).isEmpty();
    }

    private Api.Reply post(String path, String token, String type, byte[] body, String key) {
        var request = api.request(path).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return api.send(request.build());
    }

    /** JSON Lines of the DVCQG field set, repeated to the size asked (the content is the service's to read). */
    static byte[] rows(int size) {
        byte[] line = "{\"MaHoSo\":\"H30.298.11077-190301-0001\",\"MaTTHC\":\"1.001193\",\"KenhThucHien\":2}\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = line[i % line.length];
        }
        return out;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
