package vn.motcua.report.importer.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.report.v1.ImportDossierHistoryResponse;
import vn.motcua.proto.report.v1.ImportFormat;
import vn.motcua.report.projection.service.ImportedHistoryReplay;

/**
 * The import's SQL on the embedded H2 database in MySQL mode, which {@code ./motcua up} runs by default: V4 migrates,
 * an import applies and rejects its batches, a repeat answers the stored outcome and a replay restores the facts.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryImportOnH2IT implements TestPropertyProvider {

    private final TestIdentityProvider idp = TestIdentityProvider.start();
    private final int grpcPort = TestPorts.free();
    private final Path spool;

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    ImportedHistoryReplay replay;

    private ManagedChannel channel;
    private ImportClient client;

    HistoryImportOnH2IT() throws IOException {
        spool = Files.createTempDirectory("import-spool-h2");
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(idp.authProperties());
        props.put(
                "datasources.default.url",
                "jdbc:h2:mem:import-" + UUID.randomUUID()
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1");
        props.put("grpc.server.port", Integer.toString(grpcPort));
        props.put("motcua.report.consume-dossier-feed", "false");
        props.put("motcua.report.import.spool-directory", spool.toString());
        return props;
    }

    @BeforeAll
    void units() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort)
                .usePlaintext()
                .build();
        client = new ImportClient(channel);
        update("INSERT INTO unit_ancestor (unit_code, ancestor_code) VALUES ('298','298'), ('11077','11077'),"
                + " ('11077','298')");
        // the unit dimension the closure belongs to, as the unit feed leaves them together (the projection places a
        // unit unknown to unit_dim itself, which would collide with a closure written alone)
        update("INSERT INTO unit_dim (code, name, level, parent_code) VALUES ('298', 'Huyện Tứ Kỳ', 2, NULL),"
                + " ('11077', 'Xã Ngọc Sơn', 3, '298')");
    }

    @AfterAll
    void cleanUp() throws IOException {
        channel.shutdownNow();
        idp.close();
        Files.deleteIfExists(spool);
    }

    @Test
    void anImportItsRepeatAndItsReplayWorkOnH2() {
        String token = idp.officer("admin298", "298", "unit_admin");
        String file = HistoryImportOverGrpcIT.CSV_HEADER
                + HistoryImportOverGrpcIT.csvRow("H2-1", "11077", "20240305083000")
                + HistoryImportOverGrpcIT.csvRow("H2-2", "11077", "2024-03-05T08:30:00+07:00")
                + HistoryImportOverGrpcIT.csvRow("H2-3", "11077", "20240305083000")
                + HistoryImportOverGrpcIT.csvRow("H2-3", "11077", "20240305083000");
        var header = ImportClient.header("298", ImportFormat.IMPORT_FORMAT_CSV, "h2-1", 2);

        ImportDossierHistoryResponse first = client.send(token, header, file);
        assertThat(first.getBatchesApplied()).isEqualTo(1);
        assertThat(first.getBatchesRejected()).isEqualTo(1);
        assertThat(first.getErrors(0).getLine()).isEqualTo(5);
        assertThat(client.send(token, header, file)).isEqualTo(first);

        assertThat(number("SELECT COUNT(*) FROM import_row")).isEqualTo(2);
        assertThat(text("SELECT CONCAT(received_at, '') FROM import_row WHERE code = 'H2-2'"))
                .startsWith("2024-03-05 01:30:00");
        update("DELETE FROM dossier_fact");
        assertThat(replay.replayAll()).isEqualTo(2);
        assertThat(number("SELECT COUNT(*) FROM dossier_fact WHERE imported = TRUE"))
                .isEqualTo(2);
    }

    private void update(String sql) {
        tx.executeWrite(status -> jdbc.prepareStatement(sql, ps -> ps.executeUpdate()));
    }

    private long number(String sql) {
        return tx.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    private String text(String sql) {
        return tx.executeRead(status -> jdbc.prepareStatement(sql, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }));
    }
}
