package vn.motcua.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.testing.HandlerThreads;
import vn.motcua.proto.dossier.v1.Applicant;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.DossierServiceGrpc;
import vn.motcua.proto.dossier.v1.ListUnitsRequest;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;

/**
 * A reception (token check, JDBC, commit) and a public read run on the platform's bounded gRPC worker pool, never
 * on a Netty event-loop thread (issue 9: one handler was seen on {@code grpc-nio-worker}, where blocking JDBC stalls
 * every call that loop serves).
 */
@MicronautTest(transactional = false)
class GrpcHandlerThreadsIT extends DossierItSupport {

    @Inject
    HandlerThreads handlerThreads;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(HandlerThreads.ENABLED, "true", "motcua.dossier.sweep-enabled", "false");
    }

    @Test
    void receptionAndPublicReadRunOnTheWorkerPoolNotOnAnEventLoop() {
        String token = idp.officer("mc.11077", "11077", "reception_officer");
        String code = ds(token)
                .receiveDossier(ReceiveDossierRequest.newBuilder()
                        .setProcedureCode("1.001193")
                        .setChannel(Channel.CHANNEL_COUNTER)
                        .setRequestId(UUID.randomUUID().toString())
                        .setApplicant(Applicant.newBuilder()
                                .setFullName("Nguyễn Văn An")
                                .setCitizenId("030090001234")
                                .setAddress("Thôn Đông, xã Ngọc Sơn"))
                        .build())
                .getDossier()
                .getCode();
        assertThat(code).isNotBlank();
        assertThat(ds(null).listUnits(ListUnitsRequest.getDefaultInstance()).getUnitsCount())
                .isPositive();

        handlerThreads.assertRanOnWorkerPool(
                DossierServiceGrpc.getReceiveDossierMethod(), DossierServiceGrpc.getListUnitsMethod());
    }
}
