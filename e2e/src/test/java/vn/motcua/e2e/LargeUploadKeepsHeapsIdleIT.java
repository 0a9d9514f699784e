package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A 200 MB upload through the gateway to digitization-service, then downloaded, keeps the heap of both processes at
 * their idle level: the file is generated as it is sent (never a 200 MB array here either), and while it travels the
 * live heap of each process (jcmd GC.class_histogram: a full GC, then what survived) is sampled. The services run with
 * -Xmx192m (scripts/platform.sh), so a file held whole would not even fit; the margin asserted is far below that.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeUploadKeepsHeapsIdleIT extends DigitizationSystemTest {

    private static final long MB = 1024 * 1024;
    private static final long SIZE = 200 * MB;
    /** What a stream may hold beyond idle: flow-control windows, a few chunks, buffers, and noise of the run. */
    private static final long MARGIN = 48 * MB;

    /** The histogram's last line: "Total <instances> <bytes>". */
    private static final Pattern LIVE_TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private static final String[] WATCHED = {"gateway", "digitization-service"};

    @Test
    void aTwoHundredMegabyteUploadAndDownloadKeepTheGatewayAndTheServiceAtTheirIdleHeap() throws Exception {
        String dossier = counterDossier();
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String service : WATCHED) {
            pids.put(service, platform.process(service).orElseThrow().pid());
        }
        Map<String, Long> idle = new LinkedHashMap<>();
        for (Map.Entry<String, Long> p : pids.entrySet()) {
            idle.put(p.getKey(), usedAfterGc(p.getValue()));
        }
        Map<String, Long> peak = new ConcurrentHashMap<>(idle);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(
                () -> {
                    while (running.get()) {
                        pids.forEach((service, pid) -> peak.merge(service, usedAfterGc(pid), Math::max));
                        try {
                            Thread.sleep(500);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        String sent;
        String documentId;
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            HttpResponse<String> uploaded = http.send(
                    HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/documents?dossier="
                                    + enc(dossier) + "&fileName=tep-lon.pdf"))
                            .timeout(Duration.ofMinutes(10))
                            .header("Accept", "application/json")
                            .header("Content-Type", "application/pdf")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .header("Authorization", "Bearer " + token(RECEPTION))
                            .POST(HttpRequest.BodyPublishers.fromPublisher(
                                    HttpRequest.BodyPublishers.ofInputStream(
                                            () -> new DigestInputStream(SamplePdfs.padded(SIZE), digest)),
                                    SIZE))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(uploaded.statusCode()).as(describe(uploaded)).isEqualTo(201);
            sent = HexFormat.of().formatHex(digest.digest());
            JsonNode document = json.readTree(uploaded.body());
            documentId = document.path("id").asText();
            JsonNode version = document.path("versions").get(0);
            assertThat(version.path("size").asLong()).isEqualTo(SIZE);
            assertThat(version.path("sha256").asText()).isEqualTo(sent);
            assertThat(version.path("mediaType").asText()).isEqualTo("application/pdf");

            HttpResponse<InputStream> downloaded = http.send(
                    HttpRequest.newBuilder(
                                    URI.create(platform.gatewayUrl() + "/api/v1/documents/" + documentId + "/content"))
                            .timeout(Duration.ofMinutes(10))
                            .header("Accept", "*/*")
                            .header("Authorization", "Bearer " + token(RECEPTION))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(downloaded.statusCode()).isEqualTo(200);
            MessageDigest received = MessageDigest.getInstance("SHA-256");
            long total = 0;
            try (InputStream in = downloaded.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received.update(buffer, 0, n);
                    total += n;
                }
            }
            assertThat(total).isEqualTo(SIZE);
            assertThat(HexFormat.of().formatHex(received.digest()))
                    .as("the same bytes back")
                    .isEqualTo(sent);
        } finally {
            running.set(false);
            sampler.join(TimeUnit.SECONDS.toMillis(30));
        }
        for (String service : WATCHED) {
            System.out.printf(
                    "[e2e] %s heap after GC: idle %d MB, peak during the transfers %d MB%n",
                    service, idle.get(service) / MB, peak.get(service) / MB);
            assertThat(peak.get(service) - idle.get(service))
                    .as("%s heap growth while 200 MB went through it and back", service)
                    .isLessThan(MARGIN);
        }
    }

    /**
     * Live heap of a process: jcmd's GC.class_histogram runs a full GC and counts what survived, in one step inside
     * the process. (GC.run followed by GC.heap_info, two attaches apart, also counted whatever the transfer allocated
     * between them: tens of MB of garbage at 40 MB/s on a loaded machine, which once failed the margin.)
     */
    private static long usedAfterGc(long pid) {
        String histogram = jcmd(pid, "GC.class_histogram");
        Matcher m = LIVE_TOTAL.matcher(histogram);
        if (!m.find()) {
            throw new IllegalStateException("no total from jcmd " + pid + " GC.class_histogram");
        }
        return Long.parseLong(m.group(1));
    }

    private static String jcmd(long pid, String command) {
        try {
            Process p = new ProcessBuilder("jcmd", String.valueOf(pid), command)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("jcmd is needed (a JDK on the PATH)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
