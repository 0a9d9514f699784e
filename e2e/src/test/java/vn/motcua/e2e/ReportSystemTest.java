package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What the report system tests share (issue 13): the scenario's historical imports through the gateway, district
 * officers made through the user administration, the province puller's machine token, files downloaded as bytes,
 * and waiting for report-service's projection to have applied every feed (it follows the producers' change feeds
 * asynchronously, and a rebuild replays them).
 */
abstract class ReportSystemTest extends SystemTest {

    /** The province's puller: a confidential client with a service account (report_viewer of unit 30). */
    static final String PULLER = "province-report-puller";

    static final String PULLER_SECRET = "province-report-puller-demo-secret";
    /** District 298's officers the demo realm lacks, made by admin.tuky: a leader and a report viewer. */
    static final String DISTRICT_LEADER = "ld.tuky";

    static final String DISTRICT_VIEWER = "bc.tuky";
    /** 11080's leader (the realm has only 11077's), so that two communes submit. */
    static final String KY_SON_LEADER = "ld.kyson";

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** From a rebuild (or a restart) to every feed applied again: the whole dossier feed replays. */
    static final Duration CATCH_UP = Duration.ofMinutes(6);

    private String machineToken;
    private Instant machineTokenExpires = Instant.EPOCH;

    /**
     * Makes an officer through the gateway's user administration as {@code admin} (password: the demo one, not
     * temporary); an account that is already there (another class of the run made it) is fine.
     */
    protected void ensureOfficer(String username, String unitCode, String role, String admin)
            throws IOException, InterruptedException {
        HttpResponse<String> created =
                post("/api/v1/admin/users", """
                {"username":"%s","email":"%s@motcua.local","firstName":"Báo","lastName":"Cáo",
                 "unitCode":"%s","role":"%s","password":"%s","temporaryPassword":false}""".formatted(username, username, unitCode, role, DEMO_PASSWORD), admin);
        assertThat(created.statusCode()).as(describe(created)).isIn(201, 409);
    }

    /** The district's leader and report viewer, and 11080's leader (admin.tuky makes them). */
    protected void ensureDistrictOfficers() throws IOException, InterruptedException {
        ensureOfficer(DISTRICT_LEADER, ReportScenario.DISTRICT, "unit_leader", "admin.tuky");
        ensureOfficer(DISTRICT_VIEWER, ReportScenario.DISTRICT, "report_viewer", "admin.tuky");
        ensureOfficer(KY_SON_LEADER, ReportScenario.KY_SON, "unit_leader", "admin.tuky");
    }

    /**
     * Imports the scenario's files (ReportScenario): the district's JSON Lines and 11083's CSV by admin.tuky, the
     * province's own JSON Lines by admin.haiduong. Importing a code again replaces its row, so this is the same
     * scenario however often it runs (a correction made since is undone).
     */
    protected void importScenario() throws IOException, InterruptedException {
        JsonNode district = importHistory("admin.tuky", ReportScenario.DISTRICT, NDJSON, ReportScenario.DISTRICT_JSONL);
        assertThat(district.path("rowsImported").asLong())
                .as(district.toString())
                .isEqualTo(ReportScenario.DISTRICT_JSONL_ROWS);
        JsonNode commune = importHistory("admin.tuky", ReportScenario.DISTRICT, CSV, ReportScenario.DAI_DONG_CSV);
        assertThat(commune.path("rowsImported").asLong())
                .as(commune.toString())
                .isEqualTo(ReportScenario.DAI_DONG_CSV_ROWS);
        JsonNode province =
                importHistory("admin.haiduong", ReportScenario.PROVINCE, NDJSON, ReportScenario.PROVINCE_JSONL);
        assertThat(province.path("rowsImported").asLong())
                .as(province.toString())
                .isEqualTo(ReportScenario.PROVINCE_JSONL_ROWS);
    }

    /**
     * POST /api/v1/reports/imports: the file as the body ({@code contentType} x-ndjson or text/csv) for {@code unitCode}'s
     * subtree; asserts 200 with every row applied and no row error, and answers the service's account of it.
     */
    protected JsonNode importHistory(String admin, String unitCode, String contentType, String file)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(
                                URI.create(platform.gatewayUrl() + "/api/v1/reports/imports?unitCode=" + unitCode))
                        .timeout(Duration.ofMinutes(10))
                        .header("Accept", "application/json")
                        .header("Content-Type", contentType)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .header("Authorization", "Bearer " + token(admin))
                        .POST(HttpRequest.BodyPublishers.ofString(file, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
        JsonNode result = json.readTree(response.body());
        assertThat(result.path("errors")).as(describe(response)).isEmpty();
        assertThat(result.path("rowsRejected").asLong()).as(describe(response)).isZero();
        assertThat(result.path("batchesRejected").asInt())
                .as(describe(response))
                .isZero();
        assertThat(result.path("rowsImported").asLong())
                .as(describe(response))
                .isEqualTo(result.path("rowsRead").asLong());
        return result;
    }

    /** GET through the gateway as a demo user; asserts 200 and answers the JSON. */
    protected JsonNode read(String pathAndQuery, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = get(pathAndQuery, user);
        assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** A file route's answer as bytes, with {@code bearer} (a token) and an optional If-None-Match. */
    protected HttpResponse<byte[]> download(String pathAndQuery, String bearer, String ifNoneMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + pathAndQuery))
                .timeout(Duration.ofMinutes(2))
                .header("Accept", "*/*")
                .header("Authorization", "Bearer " + bearer)
                .GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A file of /api/v1/reports/export as a demo user; asserts 200 and answers its bytes. */
    protected byte[] export(String query, String user) throws IOException, InterruptedException {
        HttpResponse<byte[]> file = download("/api/v1/reports/export?" + query, token(user), null);
        assertThat(file.statusCode())
                .as("GET /api/v1/reports/export?%s -> %s", query, new String(file.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return file.body();
    }

    /** The puller's access token (client credentials), fetched again a minute before it expires. */
    protected String machineToken() throws IOException, InterruptedException {
        if (machineToken != null && Instant.now().isBefore(machineTokenExpires.minusSeconds(60))) {
            return machineToken;
        }
        HttpResponse<String> grant = tokenRequest(
                platform.tokenUrl(),
                Map.of("grant_type", "client_credentials", "client_id", PULLER, "client_secret", PULLER_SECRET));
        assertThat(grant.statusCode())
                .as("client credentials for %s: %s", PULLER, grant.body())
                .isEqualTo(200);
        JsonNode body = json.readTree(grant.body());
        machineToken = body.path("access_token").asText();
        machineTokenExpires = Instant.now().plusSeconds(body.path("expires_in").asLong(0));
        return machineToken;
    }

    /** GET /api/v1/reports/projections/status as {@code user}: null while the gateway cannot reach the service. */
    protected JsonNode projectionStatus(String user) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/api/v1/reports/projections/status", user);
        if (response.statusCode() == 503 || response.statusCode() == 504) {
            return null;
        }
        assertThat(response.statusCode()).as(describe(response)).isEqualTo(200);
        return json.readTree(response.body());
    }

    /**
     * Every followed feed applied up to the producer's last seq its follower heard of, and that follower hearing the
     * producer at all: a feed whose lease is still held by a killed process (until motcua.lease.duration, 5 s by
     * default, has passed) shows 0 applied of 0 heard, which is not caught up. With a {@code baseline} (a status from
     * before a rebuild), each feed must have heard at least as far as then (seqs only grow); without one, some feed
     * must have heard of an event (dossier-service's feed always has its units and procedures announced).
     */
    static boolean feedsCaughtUp(JsonNode status, JsonNode baseline) {
        JsonNode feeds = status.path("feeds");
        if (feeds.isEmpty()) {
            return false;
        }
        boolean heard = false;
        for (JsonNode feed : feeds) {
            long highWater = feed.path("highWaterSeq").asLong();
            if (feed.path("appliedSeq").asLong() != highWater) {
                return false;
            }
            heard |= highWater > 0;
            if (baseline != null) {
                for (JsonNode then : baseline.path("feeds")) {
                    if (then.path("source").asText().equals(feed.path("source").asText())
                            && highWater < then.path("highWaterSeq").asLong()) {
                        return false;
                    }
                }
            }
        }
        return baseline != null || heard;
    }

    /**
     * Waits (bounded) until the projection status satisfies {@code done} on two polls in a row with the same
     * figures (a feed idle, not between two runs of events); answers that status. The gateway answering 503 (the
     * service restarting) is waited through.
     */
    protected JsonNode awaitStatus(String what, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        JsonNode previous = null;
        List<String> seen = new ArrayList<>();
        while (true) {
            JsonNode status = projectionStatus("bc.haiduong");
            if (status != null && done.test(status)) {
                if (status.equals(previous)) {
                    return status;
                }
                previous = status;
            } else {
                previous = null;
            }
            if (seen.size() < 5 || seen.size() % 20 == 0) {
                seen.add(String.valueOf(status));
            }
            assertThat(System.nanoTime())
                    .as("projection %s; statuses seen: %s", what, seen)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** Every feed caught up, whatever the counts. */
    protected JsonNode awaitCaughtUp() throws Exception {
        return awaitStatus("caught up with every feed", s -> feedsCaughtUp(s, null));
    }
}
