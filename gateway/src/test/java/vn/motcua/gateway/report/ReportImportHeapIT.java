package vn.motcua.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.FakeReports;
import vn.motcua.platform.testing.LiveHeap;

/**
 * A historical import far larger than any buffer goes through the gateway as a stream: 300 MB of JSON Lines reach
 * the service whole, in chunks of at most 1 MiB, and the heap after a full GC stays where it was while it flows (the
 * gateway, the fake service and the client share this JVM: a body held anywhere would show as 300 MB).
 */
@MicronautTest(transactional = false)
class ReportImportHeapIT extends ReportGatewayIT {

    private static final long MB = 1024 * 1024;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void threeHundredMegabytesOfRowsLeaveTheGatewaysHeapWhereItWas() throws Exception {
        long size = 300 * MB;
        long idle = LiveHeap.afterFullGc();
        AtomicLong peak = new AtomicLong(idle);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(LiveHeap.afterFullGc(), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        try {
            HttpResponse<String> reply = http.send(
                    HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/reports/imports?unitCode=30"))
                            .header("Authorization", "Bearer " + admin())
                            .header("Content-Type", "application/x-ndjson")
                            .timeout(Duration.ofMinutes(5))
                            .POST(HttpRequest.BodyPublishers.fromPublisher(
                                    HttpRequest.BodyPublishers.ofInputStream(() -> generator(size, sent)), size))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        } finally {
            running.set(false);
            sampler.join();
        }
        FakeReports.Import in = reports.imports().get(0);
        assertThat(in.ended.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(in.bytes).isEqualTo(size);
        assertThat(in.largestChunk).isLessThanOrEqualTo((int) MB);
        assertThat(in.sha256).isEqualTo(HexFormat.of().formatHex(sent.digest()));
        long grown = peak.get() - idle;
        System.out.printf("[heap] idle %d MB, peak after GC during the import %d MB%n", idle / MB, peak.get() / MB);
        // windows and buffers of a few MiB are all a stream may keep; a generous margin for a loaded machine
        assertThat(grown).as("heap growth during a 300 MB import").isLessThan(64 * MB);
    }

    /** Generated lines (never a 300 MB array), hashed as they are read. */
    private static InputStream generator(long size, MessageDigest digest) {
        byte[] line = "{\"MaHoSo\":\"H30.298.11077-190301-0001\",\"MaTTHC\":\"1.001193\",\"KenhThucHien\":1}\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new InputStream() {
            private long at;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - at);
                for (int i = 0; i < n; i++) {
                    b[off + i] = line[(int) ((at + i) % line.length)];
                }
                digest.update(b, off, n);
                at += n;
                return n;
            }
        };
    }
}
