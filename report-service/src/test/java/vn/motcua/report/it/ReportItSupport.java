package vn.motcua.report.it;

import com.google.protobuf.Timestamp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.proto.dossier.v1.DossierStatus;

/** Shared set-up of the report-service integration tests. */
public final class ReportItSupport {

    private ReportItSupport() {}

    /**
     * A loopback port free right now. The gRPC port must be known before the context starts, because the dossier
     * channel of the end-to-end test points back at this same server.
     */
    /** A dossier.received payload as dossier-service writes it for a counter reception (no personal data). */
    public static DossierChanged receivedPayload(String code, String unit, List<String> path, String receivedAt) {
        Instant at = Instant.parse(receivedAt);
        return DossierChanged.newBuilder()
                .setCode(code)
                .setEvent("RECEIVE_AT_COUNTER")
                .setReceivingUnitCode(unit)
                .addAllUnitPath(path)
                .setCompetentUnitCode(unit)
                .setHandlingUnitCode(unit)
                .setProcedureCode("1.001193")
                .setProcedureVersion(1)
                .setChannel(Channel.CHANNEL_COUNTER)
                .setState(DossierStatus.DOSSIER_STATUS_RECEIVED)
                .setReceivedAt(
                        Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
                .build();
    }

    /** Properties every report-service IT needs: its own MariaDB database, migrations, its own gRPC port. */
    public static Map<String, String> properties(TestDatabase db, int grpcPort) {
        Map<String, String> props =
                new HashMap<>(db.micronautProperties("classpath:db/platform", "classpath:db/migration"));
        props.put("grpc.server.port", Integer.toString(grpcPort));
        // the payment and digitization channels point at the default ports, where another process may be running:
        // a test that follows those feeds says so (and points them at its own fake feed)
        props.put("motcua.report.feeds.payment.enabled", "false");
        props.put("motcua.report.feeds.digitization.enabled", "false");
        return props;
    }

    /** Polls until the condition holds, failing after the bound; no fixed sleeps and nothing timed is asserted. */
    public static void awaitTrue(String what, Duration bound, BooleanSupplier condition) {
        Instant giveUp = Instant.now().plus(bound);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("still waiting after " + bound + " for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }

    /** Reads one number straight from the test database, bypassing the code under test. */
    public static long queryLong(TestDatabase db, String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
