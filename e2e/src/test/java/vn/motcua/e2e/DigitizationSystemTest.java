package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The steps of issue 12's system tests over REST with the demo users of Ngọc Sơn (11077): files uploaded as the raw
 * body, downloads as bytes, component actions, waiting for the warehouse (fed asynchronously from dossier-service's
 * feed).
 */
abstract class DigitizationSystemTest extends SystemTest {

    protected static final String RECEPTION = "mc.ngocson";
    protected static final String SPECIALIST = "cv.ngocson";
    protected static final String CLERK = "vt.ngocson";
    protected static final String CITIZEN = "congdan.an";
    protected static final String OTHER_CITIZEN = "congdan.binh";
    /** congdan.an's citizen ID (its token's citizen_id): the applicant of the counter dossiers here. */
    protected static final String APPLICANT_ID = MatrixFixtures.APPLICANT_ID;
    /** Đăng ký khai sinh: components 1 and 2 are scanned, 3 (identity papers) is present-only. */
    protected static final String BIRTH = MatrixFixtures.BIRTH;

    protected static final Duration WAIT = Duration.ofSeconds(60);

    protected Path scratch() throws IOException {
        return Files.createDirectories(platform.work.resolve("digitization-fixtures"));
    }

    protected String counterDossier() throws Exception {
        HttpResponse<String> received = post("/api/v1/dossiers", MatrixFixtures.counterDossierBody(BIRTH), RECEPTION);
        assertThat(received.statusCode()).as(describe(received)).isEqualTo(201);
        return json.readTree(received.body()).path("code").asText();
    }

    /** Uploads a file for a dossier and answers its document id. */
    protected String uploaded(String dossier, String fileName, byte[] file, String user) throws Exception {
        HttpResponse<String> r = upload("dossier=" + enc(dossier) + "&fileName=" + enc(fileName), file, user);
        assertThat(r.statusCode()).as(describe(r)).isEqualTo(201);
        JsonNode document = json.readTree(r.body());
        assertThat(document.path("versions").get(0).path("mediaType").asText()).isEqualTo("application/pdf");
        return document.path("id").asText();
    }

    protected HttpResponse<byte[]> download(String path, String user) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                        .timeout(Duration.ofMinutes(2))
                        .header("Accept", "*/*")
                        .header("Authorization", "Bearer " + token(user))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A component action as {@code user}; answers the component. */
    protected JsonNode component(String dossier, int n, String action, String body, String user) throws Exception {
        HttpResponse<String> r = post("/api/v1/dossiers/" + dossier + "/components/" + n + ":" + action, body, user);
        assertThat(r.statusCode()).as(describe(r)).isEqualTo(200);
        return json.readTree(r.body());
    }

    protected JsonNode digitization(String dossier, String user) throws Exception {
        HttpResponse<String> r = get("/api/v1/dossiers/" + dossier + "/digitization", user);
        assertThat(r.statusCode()).as(describe(r)).isEqualTo(200);
        return json.readTree(r.body());
    }

    protected void act(String dossier, String action, String body, String user) throws Exception {
        HttpResponse<String> r = post("/api/v1/dossiers/" + dossier + ":" + action, body, user);
        assertThat(r.statusCode()).as(describe(r)).isEqualTo(200);
    }

    /** The first item of the citizen's warehouse that matches, waited for (the feed delivers results later). */
    protected JsonNode awaitWarehouseItem(String user, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            HttpResponse<String> r = get("/api/v1/me/warehouse?pageSize=100", user);
            assertThat(r.statusCode()).as(describe(r)).isEqualTo(200);
            for (JsonNode item : json.readTree(r.body()).path("items")) {
                if (wanted.test(item)) {
                    return item;
                }
            }
            assertThat(System.nanoTime())
                    .as("a warehouse item of %s: %s", user, r.body())
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }
}
