package vn.motcua.digitization;

import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import vn.motcua.platform.testing.ServiceStartsHealthyCheck;

/** digitization-service migrates a fresh MariaDB database, reports SERVING and serves its change feed. */
@MicronautTest(transactional = false)
class DigitizationServiceStartsHealthyIT extends ServiceStartsHealthyCheck {

    @Inject
    GrpcEmbeddedServer server;

    DigitizationServiceStartsHealthyIT() {
        super("digitization");
    }

    @Override
    protected int grpcPort() {
        return server.getPort();
    }
}
