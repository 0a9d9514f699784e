package vn.motcua.gateway.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;

/**
 * Two gateway replicas side by side, as behind a Kubernetes Service: this class's gateway and a second one started
 * beside it, with the same settings, the same fake services and one MariaDB database for their shared state.
 * A client's rate limit is one allowance across both; an Idempotency-Key sent through either reaches the service as
 * the same request_id, whose claim the service keeps in its own database (dossier-service's
 * UnitCacheAndClaimsAcrossReplicasIT shows one dossier for one request_id through two service replicas).
 */
@MicronautTest(transactional = false)
class TwoGatewayReplicasIT extends GatewayIT {

    private static final String RECEPTION = """
            {"procedureCode":"1.001193",
             "applicant":{"fullName":"Nguyễn Văn An","citizenId":"001203004567","phone":"0912345678",
                          "address":"Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội"},
             "channel":"COUNTER"}
            """;

    private final TestDatabase db = TestDatabase.create("two_gateways");
    private EmbeddedServer secondServer;
    private Api second;

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> props =
                new HashMap<>(db.micronautProperties("classpath:db/platform", "classpath:db/gateway"));
        // burst 3, then one request a minute: a short flood hits the limit without sleeping
        props.put("motcua.gateway.rate-limit.anonymous.requests-per-second", "0.016");
        props.put("motcua.gateway.rate-limit.anonymous.burst", "3");
        return props;
    }

    @BeforeAll
    void startSecondReplica() {
        Map<String, Object> props = new HashMap<>(getProperties());
        props.put("endpoints.all.port", String.valueOf(TestPorts.free()));
        secondServer = ApplicationContext.run(EmbeddedServer.class, props, "test");
        // (this class's injected fields are not set yet here: the second replica's own mapper is the same kind)
        second = new Api(
                URI.create(secondServer.getURL() + "/"),
                secondServer.getApplicationContext().getBean(JsonMapper.class));
    }

    @AfterAll
    void stopSecondReplica() {
        if (secondServer != null) {
            secondServer.getApplicationContext().close();
        }
        db.close();
    }

    @Test
    void anAnonymousClientGetsOneBurstAcrossBothReplicas() {
        List<Api.Reply> replies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Api gateway = i % 2 == 0 ? api : second;
            replies.add(gateway.get("/api/v1/public/dossiers/H30.298.11077-250303-0001/status"));
        }

        assertThat(replies).extracting(Api.Reply::status).containsExactly(200, 200, 200, 429, 429, 429);
        assertProblem(replies.get(4), 429, "RATE_LIMITED");
        assertThat(services.received())
                .as("three requests in all reached the service, not three per replica")
                .hasSize(3);
    }

    @Test
    void theSameIdempotencyKeyThroughEitherReplicaIsOneRequestIdForTheService() {
        String officer = receptionOfficer();

        Api.Reply viaFirst = api.postJson("/api/v1/dossiers", officer, RECEPTION, "Idempotency-Key", "desk-3:0042");
        Api.Reply viaSecond = second.postJson("/api/v1/dossiers", officer, RECEPTION, "Idempotency-Key", "desk-3:0042");
        Api.Reply otherKey = second.postJson("/api/v1/dossiers", officer, RECEPTION, "Idempotency-Key", "desk-3:0043");

        assertThat(List.of(viaFirst.status(), viaSecond.status(), otherKey.status()))
                .containsExactly(201, 201, 201);
        List<String> requestIds = services.received().stream()
                .filter(c -> c.method().equals("ReceiveDossier"))
                .map(c -> ((ReceiveDossierRequest) c.request()).getRequestId())
                .toList();
        assertThat(requestIds).containsExactly("desk-3:0042", "desk-3:0042", "desk-3:0043");
    }
}
