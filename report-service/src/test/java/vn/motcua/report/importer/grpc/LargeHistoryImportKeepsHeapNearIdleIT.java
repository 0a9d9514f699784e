package vn.motcua.report.importer.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.testing.LiveHeap;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.report.v1.ImportDossierHistoryRequest;
import vn.motcua.proto.report.v1.ImportDossierHistoryResponse;
import vn.motcua.proto.report.v1.ImportFormat;
import vn.motcua.report.it.ReportItSupport;
import vn.motcua.report.it.TimedSinkForTests;
import vn.motcua.report.projection.service.DossierFactSink;

/**
 * 200 000 dossiers, generated row by row as the stream asks for them (never a file, never whole in memory), imported
 * over real gRPC into MariaDB keep the live heap of the JVM that runs the service near its idle level: the file is
 * spooled to disk, read twice with one row in hand, applied one batch at a time. Live heap is sampled after a full GC
 * (platform's LiveHeap) throughout the upload and the import; the peak must stay below idle + 48 MB, well under the
 * file (about 130 MB) and far under 200 000 parsed rows. Had the service kept the file or its rows anywhere, the live
 * heap would have held them at least once. The throughput is logged, not asserted.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeHistoryImportKeepsHeapNearIdleIT implements TestPropertyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(LargeHistoryImportKeepsHeapNearIdleIT.class);
    static final int ROWS = 200_000;
    static final long MARGIN = 48L * 1024 * 1024;

    private final TestDatabase db = TestDatabase.create("report_import_large");
    private final TestIdentityProvider idp = TestIdentityProvider.start();
    private final int grpcPort = TestPorts.free();
    private final Path spool;
    private ManagedChannel channel;
    private ImportClient client;

    LargeHistoryImportKeepsHeapNearIdleIT() throws IOException {
        spool = Files.createTempDirectory("import-spool-large");
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = ReportItSupport.properties(db, grpcPort);
        props.putAll(idp.authProperties());
        props.put("motcua.report.consume-dossier-feed", "false");
        props.put("motcua.report.import.spool-directory", spool.toString());
        props.put(TimedSinkForTests.PROPERTY, "true");
        return props;
    }

    @BeforeAll
    void units() throws SQLException {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort)
                .usePlaintext()
                .build();
        client = new ImportClient(channel);
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO unit_ancestor (unit_code, ancestor_code) VALUES ('298','298'),"
                    + " ('11077','11077'), ('11077','298'), ('11080','11080'), ('11080','298')");
            // the unit dimension the closure belongs to, as the unit feed leaves them together
            s.execute("INSERT INTO unit_dim (code, name, level, parent_code) VALUES ('298', 'Huyện Tứ Kỳ', 2, NULL),"
                    + " ('11077', 'Xã Ngọc Sơn', 3, '298'), ('11080', 'Xã Kỳ Sơn', 3, '298')");
        }
    }

    @AfterAll
    void cleanUp() throws IOException {
        channel.shutdownNow();
        idp.close();
        db.close();
        Files.deleteIfExists(spool);
    }

    @Inject
    ApplicationContext context;

    @Test
    void twoHundredThousandDossiersImportWithTheHeapNearIdle() throws InterruptedException {
        String sinkName =
                context.getBeanDefinition(DossierFactSink.class).getBeanType().getSimpleName();
        String token = idp.officer("admin298", "298", "unit_admin");
        // warm up: classes, pools and the database connections exist before the idle level is read
        ImportDossierHistoryResponse warm = client.send(token, messages("warm", 2_000));
        assertThat(warm.getRowsImported()).isEqualTo(2_000);
        long idle = LiveHeap.afterFullGc();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong(idle);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(LiveHeap.afterFullGc(), Math::max);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        GeneratedFile file = messages("big", ROWS);
        long sinkBefore = TimedSinkForTests.NANOS.get();
        long started = System.nanoTime();
        ImportDossierHistoryResponse response;
        try {
            response = client.send(token, file);
        } finally {
            running.set(false);
            sampler.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double inSink = (TimedSinkForTests.NANOS.get() - sinkBefore) / 1e9;
        peak.accumulateAndGet(LiveHeap.afterFullGc(), Math::max);

        assertThat(response.getErrorsList()).isEmpty();
        assertThat(response.getRowsRead()).isEqualTo(ROWS);
        assertThat(response.getRowsImported()).isEqualTo(ROWS);
        assertThat(response.getBatchesApplied()).isEqualTo(ROWS / 1000);
        assertThat(ReportItSupport.queryLong(db, "SELECT COUNT(*) FROM import_row WHERE code LIKE 'big-%'"))
                .isEqualTo(ROWS);
        assertThat(ReportItSupport.queryLong(
                        db,
                        "SELECT COUNT(*) FROM dossier_fact WHERE imported = TRUE AND import_id = ?",
                        response.getImportId()))
                .isEqualTo(ROWS);
        LOG.info(
                "imported {} rows ({} MB of JSON Lines) in {} s: {} rows/s end to end, of which {} s in the"
                        + " DossierFactSink ({}): {} rows/s without it; live heap idle {} MB, peak {} MB (+{} MB)",
                ROWS,
                file.bytes >> 20,
                String.format("%.1f", seconds),
                Math.round(ROWS / seconds),
                String.format("%.1f", inSink),
                sinkName,
                Math.round(ROWS / Math.max(0.001, seconds - inSink)),
                idle >> 20,
                peak.get() >> 20,
                (peak.get() - idle) >> 20);
        assertThat(file.bytes).as("the file must dwarf the margin").isGreaterThan(2 * MARGIN);
        assertThat(peak.get() - idle)
                .as("live heap growth during a %d-row, %d-byte import (idle %d MB)", ROWS, file.bytes, idle >> 20)
                .isLessThan(MARGIN);
    }

    private static GeneratedFile messages(String prefix, int rows) {
        return new GeneratedFile(prefix, rows);
    }

    /**
     * The header, then JSON Lines rows generated as they are asked for and cut into 1 MiB chunks; about 650 bytes a
     * row (a full history, a fee list, a result link, Vietnamese text).
     */
    static final class GeneratedFile implements Iterator<ImportDossierHistoryRequest> {
        private static final DateTimeFormatter PORTAL = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
        private static final LocalDateTime START = LocalDateTime.of(2023, 1, 2, 8, 0);

        private final String prefix;
        private final int rows;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream(2 * ImportClient.MIB);
        private boolean headerSent;
        private int next = 1;
        long bytes;

        GeneratedFile(String prefix, int rows) {
            this.prefix = prefix;
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            return !headerSent || next <= rows || pending.size() > 0;
        }

        @Override
        public ImportDossierHistoryRequest next() {
            if (!headerSent) {
                headerSent = true;
                return ImportDossierHistoryRequest.newBuilder()
                        .setHeader(ImportClient.header(
                                "298", ImportFormat.IMPORT_FORMAT_JSON_LINES, prefix + "-" + Instant.now(), 0))
                        .build();
            }
            while (pending.size() < ImportClient.MIB && next <= rows) {
                pending.writeBytes(row(next++).getBytes(StandardCharsets.UTF_8));
            }
            if (pending.size() == 0) {
                throw new NoSuchElementException();
            }
            byte[] all = pending.toByteArray();
            int n = Math.min(all.length, ImportClient.MIB);
            pending.reset();
            pending.write(all, n, all.length - n);
            bytes += n;
            return ImportClient.chunk(ByteString.copyFrom(all, 0, n));
        }

        private String row(int i) {
            LocalDateTime received = START.plusMinutes(i % 500_000);
            String unit = i % 2 == 0 ? "11077" : "11080";
            return "{\"MaHoSo\":\"" + prefix + "-" + String.format("%07d", i) + "\",\"MaTTHC\":\"1.00" + (i % 97)
                    + "\",\"MaDichVuCong\":\"DVC-" + (i % 97) + "\",\"MaDonVi\":\"" + unit + "\",\"KenhThucHien\":"
                    + (1 + i % 3) + ",\"LinhVuc\":\"Chứng thực, hộ tịch và đất đai\",\"NgayNopHoSo\":\""
                    + at(received.minusMinutes(30)) + "\",\"NgayTiepNhan\":\"" + at(received) + "\",\"NgayHenTra\":\""
                    + at(received.plusDays(3)) + "\",\"TienTrinh\":[{\"TrangThai\":2,\"ThoiDiem\":\"" + at(received)
                    + "\"},{\"TrangThai\":4,\"ThoiDiem\":\"" + at(received.plusMinutes(20))
                    + "\"},{\"TrangThai\":5,\"ThoiDiem\":\"" + at(received.plusHours(2))
                    + "\"},{\"TrangThai\":4,\"ThoiDiem\":\"" + at(received.plusHours(5))
                    + "\"},{\"TrangThai\":9,\"ThoiDiem\":\"" + at(received.plusDays(2))
                    + "\"},{\"TrangThai\":10,\"ThoiDiem\":\""
                    + at(received.plusDays(2).plusHours(3))
                    + "\"}],\"DuocThanhToanTrucTuyen\":" + (i % 3) + ",\"DanhSachPhiLePhi\":[{\"TenPhiLePhi\":"
                    + "\"Lệ phí cấp bản sao\",\"Gia\":8000}],\"HoSoCoThanhPhanSoHoa\":1,\"DuocLayTuKhoDMQG\":"
                    + (i % 2) + ",\"MaKetQua\":\"KQ-" + i + "\",\"DuongDanTepTinKetQua\":"
                    + "\"https://dichvucong.haiduong.gov.vn/ket-qua/2023/" + unit + "/" + i
                    + "/ban-sao-trich-luc.pdf\"}\n";
        }

        private static String at(LocalDateTime local) {
            return PORTAL.format(local);
        }
    }
}
