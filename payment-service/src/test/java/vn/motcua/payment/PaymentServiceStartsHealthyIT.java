package vn.motcua.payment;

import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import vn.motcua.platform.testing.ServiceStartsHealthyCheck;

/** payment-service migrates a fresh MariaDB database, reports SERVING and serves its change feed. */
@MicronautTest(transactional = false)
class PaymentServiceStartsHealthyIT extends ServiceStartsHealthyCheck {

    @Inject
    GrpcEmbeddedServer server;

    PaymentServiceStartsHealthyIT() {
        super("payment");
    }

    @Override
    protected int grpcPort() {
        return server.getPort();
    }
}
