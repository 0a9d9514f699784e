package vn.motcua.gateway.digitization;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;

/**
 * The upload route's body limit is motcua.gateway.upload.max-size (here 3 MiB): above it 413 problem+json, at once
 * when Content-Length says so (nothing reaches the service) and when a chunked body runs past it (the service's
 * call is cancelled). Every other route keeps the 1 MB limit of a JSON body.
 */
@MicronautTest(transactional = false)
class UploadLimitIT extends DigitizationGatewayIT {

    private static final int MB = 1024 * 1024;
    private static final String UPLOAD = "/api/v1/documents?dossier=H30.298.11077-250303-0001&fileName=a.pdf";

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("motcua.gateway.upload.max-size", "3MB");
    }

    @Test
    void aBodyOverTheLimitByItsLengthIs413AndNeverReachesTheService() {
        Api.Reply reply = api.send(api.request(UPLOAD)
                .header("Authorization", "Bearer " + receptionOfficer())
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[4 * MB]))
                .build());

        assertProblem(reply, 413, "PAYLOAD_TOO_LARGE");
        assertThat(digitization.uploads()).isEmpty();
    }

    @Test
    void aChunkedBodyRunningPastTheLimitIs413AndTheCallIsCancelled() throws Exception {
        byte[] file = new byte[5 * MB];
        Api.Reply reply = api.send(api.request(UPLOAD)
                .header("Authorization", "Bearer " + receptionOfficer())
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(file)))
                .build());

        assertProblem(reply, 413, "PAYLOAD_TOO_LARGE");
        assertThat(digitization.uploads()).hasSize(1);
        assertThat(digitization.uploads().get(0).ended.get(5, TimeUnit.SECONDS))
                .as("cancelled")
                .isFalse();
    }

    @Test
    void aFileUpToTheLimitPasses() {
        Api.Reply reply = api.send(api.request(UPLOAD)
                .header("Authorization", "Bearer " + receptionOfficer())
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[3 * MB]))
                .build());

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(digitization.uploads().get(0).bytes).isEqualTo(3 * MB);
    }

    @Test
    void everyOtherRouteKeepsItsSmallLimit() {
        String huge = "{\"documentId\":\"" + "x".repeat(2 * MB) + "\",\"source\":\"SCAN\"}";
        Api.Reply reply = api.postJson(
                "/api/v1/dossiers/H30.298.11077-250303-0001/components/1:attach", receptionOfficer(), huge);

        assertProblem(reply, 413, "PAYLOAD_TOO_LARGE");
        assertThat(digitization.received()).isEmpty();
    }
}
