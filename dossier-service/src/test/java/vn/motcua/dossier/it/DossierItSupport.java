package vn.motcua.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.proto.dossier.v1.DossierServiceGrpc;

/**
 * Shared set-up of the dossier-service ITs: one throwaway MariaDB database per class with the platform, service and
 * demo migrations, the test identity provider, and a plaintext channel to the real gRPC server of the class's
 * Micronaut context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DossierItSupport implements TestPropertyProvider {

    protected final TestDatabase db = TestDatabase.create(getClass().getSimpleName());
    protected final TestIdentityProvider idp = TestIdentityProvider.start();

    @Inject
    protected GrpcEmbeddedServer server;

    protected ManagedChannel channel;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(
                db.micronautProperties("classpath:db/platform", "classpath:db/migration", "classpath:db/demo"));
        props.putAll(idp.authProperties());
        props.putAll(extraProperties());
        return props;
    }

    /** Settings a class adds or overrides. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @BeforeAll
    protected void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort())
                .usePlaintext()
                .build();
    }

    @AfterAll
    protected void cleanUp() {
        channel.shutdownNow();
        idp.close();
        db.close();
    }

    /** DossierService as the holder of {@code token}; anonymous when null. */
    protected DossierServiceGrpc.DossierServiceBlockingStub ds(String token) {
        return authorised(DossierServiceGrpc.newBlockingStub(channel), token);
    }

    protected static <S extends AbstractStub<S>> S authorised(S stub, String token) {
        S timed = stub.withDeadlineAfter(20, TimeUnit.SECONDS);
        if (token == null) {
            return timed;
        }
        Metadata headers = new Metadata();
        headers.put(MetadataKeys.AUTHORIZATION, "Bearer " + token);
        return timed.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    protected long count(String table) {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static StatusRuntimeException failure(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a gRPC error");
    }

    protected static void assertCode(Runnable call, Status.Code code) {
        assertThat(failure(call).getStatus().getCode()).isEqualTo(code);
    }
}
