package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 15, replica safety: two instances of each gRPC service side by side against one MariaDB, behind a
 * {@link ReplicaBalancer} each (what a Kubernetes Service is to a Deployment): the gateway and every feed consumer call
 * a service through its balancer. Under intake load through the gateway (receptions, payments recorded at the desk,
 * digitization exemptions: events on the dossier, payment and digitization feeds), the instance holding the lease of
 * each feed consumer is killed with SIGKILL, one consumer service after the other. Its standby must hold the lease
 * (platform_lease) and move the consumer's cursor within 10 s; at the end every event each producer wrote during the
 * test was consumed, and applied once (dossier-service's payment confirmations, report-service's facts and reception
 * counts). The dossier deadline sweep runs every 2 s on both dossier instances: its passes never overlap.
 *
 * <p>Its own platform (not the shared one): the kills would disturb the other classes. Lease timings are the
 * defaults (motcua.lease.*), which is what is being tested.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoReplicasIT {

    private static final List<String> GRPC_SERVICES =
            List.of("dossier-service", "payment-service", "digitization-service", "report-service");
    private static final String RECEPTION = "mc.ngocson";
    private static final String SPECIALIST = "cv.ngocson";
    private static final String PASSWORD = "MotCua@2026";
    private static final String FEE_PROCEDURE = "2.000635";
    private static final String BIRTH = "1.001193";
    /** The bound for a standby to take over after a kill -9. */
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(10);

    private static final int LOAD_THREADS = 3;
    /** One request (with its retries while a replica dies and the channel reconnects) succeeds within this. */
    private static final Duration REQUEST_PATIENCE = Duration.ofSeconds(120);

    /** A consumer service, the name it consumes under, and the services it follows. */
    private record Consumer(String service, String name, List<String> sources) {}

    private static final List<Consumer> CONSUMERS = List.of(
            new Consumer("digitization-service", "digitization-service", List.of("dossier-service")),
            new Consumer(
                    "report-service",
                    "report-service",
                    List.of("dossier-service", "payment-service", "digitization-service")),
            new Consumer("dossier-service", "dossier-service", List.of("payment-service")));

    /** One kill: which lease's holder died, who took over, and how long the lease and the cursor took. */
    private record Takeover(
            String service, String lease, String killed, String successor, Duration leaseAfter, Duration cursorAfter) {}

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final Map<String, String[]> tokens = new HashMap<>();
    private final Map<String, ReplicaBalancer> balancers = new LinkedHashMap<>();
    private final Map<String, Instant> killedAt = new HashMap<>();
    private Platform platform;
    private boolean failed = true;

    // what the load was acknowledged (2xx)
    private final List<String> feeDossiers = new CopyOnWriteArrayList<>();
    private final List<String> paidPayments = new CopyOnWriteArrayList<>();
    private final List<String> birthDossiers = new CopyOnWriteArrayList<>();
    private final AtomicInteger retries = new AtomicInteger();

    @BeforeAll
    void startTwoOfEach() throws Exception {
        Path root = Platform.builtRoot();
        platform = new Platform(root);
        int[] secondPorts = Platform.freePorts(GRPC_SERVICES.size());
        for (int i = 0; i < GRPC_SERVICES.size(); i++) {
            String service = GRPC_SERVICES.get(i);
            ReplicaBalancer balancer = new ReplicaBalancer(service, List.of(platform.port(service), secondPorts[i]));
            balancers.put(service, balancer);
            platform.setting(
                    "MOTCUA_" + service.substring(0, service.indexOf('-')).toUpperCase(Locale.ROOT)
                            + "_CHANNEL_ADDRESS",
                    balancer.address());
        }
        // both dossier instances try the sweep every 2 s: only the lease holder's passes may run
        platform.setting("MOTCUA_DOSSIER_SWEEP_INTERVAL", "2s");
        platform.setting("MOTCUA_DOSSIER_SWEEP_INITIAL_DELAY", "1s");
        platform.start();
        for (int i = 0; i < GRPC_SERVICES.size(); i++) {
            platform.startReplica(GRPC_SERVICES.get(i), 2, secondPorts[i]);
        }
    }

    @AfterAll
    void stop() throws Exception {
        balancers.values().forEach(ReplicaBalancer::close);
        if (platform == null) {
            return;
        }
        if (failed) {
            platform.printLogs();
            printReplicaLogs();
        }
        platform.stop();
        if (!failed) {
            platform.deleteWorkDir();
        } else {
            System.out.println("[e2e] kept " + platform.work + " for inspection");
        }
    }

    @Test
    void theStandbyOfEachFeedConsumerTakesOverWithinTenSecondsOfAKillAndEveryEventIsAppliedOnce() throws Exception {
        for (String service : GRPC_SERVICES) {
            assertThat(platform.process(service)).as(service).isPresent();
            assertThat(platform.process(service + "@2")).as(service + "@2").isPresent();
        }
        Map<String, Long> cursorsBefore = new HashMap<>();
        for (Consumer c : CONSUMERS) {
            for (String source : c.sources()) {
                cursorsBefore.put(c.name() + "<" + source, headSeq(source));
            }
        }
        long receptionsBefore = receptionsCounted();

        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(LOAD_THREADS);
        List<Future<Integer>> clients = new ArrayList<>();
        for (int i = 0; i < LOAD_THREADS; i++) {
            clients.add(load.submit(() -> intake(loading)));
        }
        List<Takeover> takeovers = new ArrayList<>();
        try {
            awaitLoadProgress(2);
            for (Consumer consumer : CONSUMERS) {
                takeovers.addAll(killActiveConsumer(consumer));
                awaitLoadProgress(2);
            }
        } finally {
            loading.set(false);
            load.shutdown();
        }
        int iterations = 0;
        for (Future<Integer> client : clients) {
            iterations += client.get(10, TimeUnit.MINUTES);
        }
        System.out.printf(
                "[e2e] intake load: %d iterations, %d fee dossiers paid, %d birth dossiers exempted, %d retried"
                        + " requests%n",
                iterations, paidPayments.size(), birthDossiers.size(), retries.get());
        takeovers.forEach(t -> System.out.printf(
                "[e2e] kill -9 %s (%s): lease %s taken by %s after %d ms, cursor moved after %d ms%n",
                t.killed(),
                t.service(),
                t.lease(),
                t.successor(),
                t.leaseAfter().toMillis(),
                t.cursorAfter().toMillis()));

        for (Takeover t : takeovers) {
            assertThat(t.leaseAfter())
                    .as(
                            "%s: the standby held %s %d ms after the kill -9 of %s",
                            t.service(), t.lease(), t.leaseAfter().toMillis(), t.killed())
                    .isLessThan(TAKEOVER_BOUND);
            assertThat(t.cursorAfter())
                    .as(
                            "%s: the standby moved the cursor of %s %d ms after the kill -9 of %s",
                            t.service(), t.lease(), t.cursorAfter().toMillis(), t.killed())
                    .isLessThan(TAKEOVER_BOUND);
        }
        assertThat(takeovers)
                .extracting(Takeover::lease)
                .contains(
                        "feed-consumer:digitization-service:dossier-service",
                        "feed-consumer:dossier-service:payment-service");
        assertThat(takeovers).anyMatch(t -> t.lease().startsWith("feed-consumer:report-service:"));

        awaitFeedsSettled();
        for (Consumer c : CONSUMERS) {
            for (String source : c.sources()) {
                long after = cursorsBefore.get(c.name() + "<" + source);
                long produced = count("SELECT COUNT(*) FROM `" + db(source) + "`.feed_outbox WHERE seq > ?", after);
                long skipped = count(
                        "SELECT COUNT(*) FROM `" + db(source) + "`.feed_outbox o WHERE o.seq > ? AND NOT EXISTS"
                                + " (SELECT 1 FROM `" + db(c.service()) + "`.feed_consumed k"
                                + " WHERE k.consumer = ? AND k.event_id = o.event_id)",
                        after,
                        c.name());
                System.out.printf(
                        "[e2e] %s <- %s: %d events produced during the test, %d not consumed%n",
                        c.name(), source, produced, skipped);
                assertThat(produced)
                        .as("%s produced events during the test", source)
                        .isPositive();
                assertThat(skipped)
                        .as("events of %s that %s never consumed", source, c.name())
                        .isZero();
            }
        }
        appliedOnce(receptionsBefore);
        sweepPassesNeverOverlap();
        failed = false;
    }

    // --- the load ---------------------------------------------------------------------------------------------------

    /**
     * Until told to stop: a fee dossier received, transferred, its financial obligation required, its payment
     * recorded at the desk (dossier and payment feeds, dossier-service's payment consumer), and a birth dossier whose
     * component 3 is exempted from digitization (digitization feed). Every request is retried with its
     * Idempotency-Key while an instance dies and the channels reconnect.
     */
    private int intake(AtomicBoolean loading) throws Exception {
        int iterations = 0;
        while (loading.get()) {
            String fee = call("POST", "/api/v1/dossiers", counterDossier(FEE_PROCEDURE), RECEPTION, 201)
                    .path("code")
                    .asText();
            call("POST", "/api/v1/dossiers/" + fee + ":transfer", "{}", RECEPTION, 200);
            call(
                    "POST",
                    "/api/v1/dossiers/" + fee + ":require-financial-obligation",
                    "{\"reason\":\"Nộp phí cấp bản sao trích lục\"}",
                    SPECIALIST,
                    200);
            feeDossiers.add(fee);
            JsonNode payment = paymentOf(fee);
            call(
                    "POST",
                    "/api/v1/payments/" + payment.path("id").asText() + ":record-counter",
                    "{\"channel\":\"COUNTER_CASH\",\"amount\":"
                            + payment.path("amount").asLong() + "}",
                    RECEPTION,
                    200);
            paidPayments.add(payment.path("id").asText());

            String birth = call("POST", "/api/v1/dossiers", counterDossier(BIRTH), RECEPTION, 201)
                    .path("code")
                    .asText();
            call(
                    "POST",
                    "/api/v1/dossiers/" + birth + "/components/3:exempt",
                    "{\"reason\":\"PRESENT_ONLY\"}",
                    RECEPTION,
                    200);
            birthDossiers.add(birth);
            iterations++;
        }
        return iterations;
    }

    private static String counterDossier(String procedure) {
        return """
                {"procedureCode":"%s","channel":"COUNTER",
                 "applicant":{"fullName":"Nguyễn Văn An","citizenId":"030090001234","phone":"0912345678",
                              "address":"Thôn Đông, xã Ngọc Sơn"}}""".formatted(procedure);
    }

    private JsonNode paymentOf(String dossier) throws Exception {
        long deadline = System.nanoTime() + REQUEST_PATIENCE.toNanos();
        while (true) {
            JsonNode payments = call("GET", "/api/v1/dossiers/" + dossier + "/payments", null, RECEPTION, 200)
                    .path("payments");
            if (payments.size() > 0) {
                return payments.get(0);
            }
            assertThat(System.nanoTime())
                    .as("a payment request for %s", dossier)
                    .isLessThan(deadline);
            Thread.sleep(300);
        }
    }

    /**
     * One request through the gateway, sent again with the same Idempotency-Key after a transport error, a 429 or a
     * 5xx (the instance behind the channel was killed): the replay answers what the first attempt did. An exemption
     * has no key: after such a retry its 409 is the first attempt's effect seen from the second, and counts as done.
     */
    private JsonNode call(String method, String path, String body, String user, int expected) throws Exception {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + REQUEST_PATIENCE.toNanos();
        boolean retried = false;
        String last = "nothing yet";
        while (System.nanoTime() < deadline) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token(user));
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            }
            try {
                HttpResponse<String> r =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = r.statusCode();
                if (status == expected || (retried && status == 409 && path.endsWith(":exempt"))) {
                    return r.body() == null || r.body().isBlank() ? json.nullNode() : json.readTree(r.body());
                }
                last = status + " " + r.body();
                if (status != 429 && status < 500) {
                    throw new AssertionError(method + " " + path + " as " + user + " -> " + last);
                }
            } catch (IOException e) {
                last = e.toString();
            }
            retried = true;
            retries.incrementAndGet();
            Thread.sleep(500);
        }
        throw new AssertionError(
                method + " " + path + " as " + user + " still failing after " + REQUEST_PATIENCE + ": " + last);
    }

    /** A demo user's token (password grant, client motcua-gateway), fetched again a minute before it expires. */
    private synchronized String token(String user) throws IOException, InterruptedException {
        String[] cached = tokens.get(user);
        if (cached != null && Instant.now().isBefore(Instant.parse(cached[1]))) {
            return cached[0];
        }
        String form = "grant_type=password&client_id=motcua-gateway&client_secret=motcua-gateway-demo-secret"
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(platform.tokenUrl()))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode())
                .as("password grant for %s: %s", user, r.body())
                .isEqualTo(200);
        JsonNode grant = json.readTree(r.body());
        String token = grant.path("access_token").asText();
        tokens.put(user, new String[] {
            token,
            Instant.now().plusSeconds(grant.path("expires_in").asLong() - 60).toString()
        });
        return token;
    }

    private void awaitLoadProgress(int iterations) throws InterruptedException {
        int target = birthDossiers.size() + iterations;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (birthDossiers.size() < target) {
            assertThat(System.nanoTime())
                    .as("the intake load goes on (%d iterations so far)", birthDossiers.size())
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    // --- the kill
    // -----------------------------------------------------------------------------------------------------

    /**
     * Kills (SIGKILL) the instance holding the lease of the consumer's first source, then measures for every lease
     * it held until another holder has it in platform_lease, and until that consumer's cursor moves past where it was.
     */
    private List<Takeover> killActiveConsumer(Consumer consumer) throws Exception {
        String db = db(consumer.service());
        String firstLease = leaseName(consumer, consumer.sources().get(0));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String holder;
        while ((holder = liveHolder(db, firstLease)) == null) {
            assertThat(System.nanoTime()).as("a holder of %s", firstLease).isLessThan(deadline);
            Thread.sleep(200);
        }
        String victim = instanceOf(consumer.service(), holder);
        Map<String, Long> cursorsAtKill = new LinkedHashMap<>();
        for (String source : consumer.sources()) {
            if (holder.equals(liveHolder(db, leaseName(consumer, source)))) {
                cursorsAtKill.put(source, cursor(db, consumer.name(), source));
            }
        }
        ProcessHandle process = platform.process(victim).orElseThrow();
        System.out.printf(
                "[e2e] %s holds %s (holder %s): kill -9 pid %d%n",
                victim, cursorsAtKill.keySet(), holder, process.pid());
        long killed = System.nanoTime();
        killedAt.put(victim, Instant.now());
        assertThat(process.destroyForcibly()).as("SIGKILL sent to %s", victim).isTrue();
        process.onExit().get(30, TimeUnit.SECONDS);

        Map<String, Long> leaseTaken = new HashMap<>();
        Map<String, String> successors = new HashMap<>();
        Map<String, Long> cursorMoved = new HashMap<>();
        long giveUp = killed + Duration.ofSeconds(90).toNanos();
        while (cursorMoved.size() < cursorsAtKill.size() && System.nanoTime() < giveUp) {
            for (Map.Entry<String, Long> at : cursorsAtKill.entrySet()) {
                String source = at.getKey();
                if (!leaseTaken.containsKey(source)) {
                    String now = liveHolder(db, leaseName(consumer, source));
                    if (now != null && !now.equals(holder)) {
                        leaseTaken.put(source, System.nanoTime() - killed);
                        successors.put(source, instanceOf(consumer.service(), now));
                    }
                }
                if (leaseTaken.containsKey(source)
                        && !cursorMoved.containsKey(source)
                        && cursor(db, consumer.name(), source) > at.getValue()) {
                    cursorMoved.put(source, System.nanoTime() - killed);
                }
            }
            Thread.sleep(50);
        }
        List<Takeover> result = new ArrayList<>();
        for (String source : cursorsAtKill.keySet()) {
            assertThat(leaseTaken)
                    .as("another instance took %s after the kill of %s", leaseName(consumer, source), victim)
                    .containsKey(source);
            assertThat(cursorMoved)
                    .as("the cursor of %s <- %s moved after the kill of %s", consumer.name(), source, victim)
                    .containsKey(source);
            result.add(new Takeover(
                    consumer.service(),
                    leaseName(consumer, source),
                    victim,
                    successors.get(source),
                    Duration.ofNanos(leaseTaken.get(source)),
                    Duration.ofNanos(cursorMoved.get(source))));
        }
        return result;
    }

    private static String leaseName(Consumer consumer, String source) {
        return "feed-consumer:" + consumer.name() + ":" + source;
    }

    /** The instance (service or service@2) whose pid is in a lease holder id ({@code host-pid-random}). */
    private String instanceOf(String service, String holder) throws IOException {
        String[] parts = holder.split("-");
        long pid = Long.parseLong(parts[parts.length - 2]);
        for (String instance : List.of(service, service + "@2")) {
            Optional<ProcessHandle> process = platform.process(instance);
            if (process.isPresent() && process.get().pid() == pid) {
                return instance;
            }
        }
        throw new AssertionError("no running instance of " + service + " has pid " + pid + " (holder " + holder + ")");
    }

    // --- the end
    // ------------------------------------------------------------------------------------------------------

    /** Waits until every producer's outbox is numbered and every consumer's cursor is at its producer's head. */
    private void awaitFeedsSettled() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            List<String> behind = new ArrayList<>();
            for (Consumer c : CONSUMERS) {
                for (String source : c.sources()) {
                    long head = headSeq(source);
                    long unnumbered = count("SELECT COUNT(*) FROM `" + db(source) + "`.feed_outbox WHERE seq IS NULL");
                    long at = cursor(db(c.service()), c.name(), source);
                    if (unnumbered > 0 || at < head) {
                        behind.add(c.name() + " <- " + source + " at " + at + " of " + head + " (" + unnumbered
                                + " not numbered yet)");
                    }
                }
            }
            if (behind.isEmpty()) {
                return;
            }
            assertThat(System.nanoTime()).as("feeds caught up: %s", behind).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** Nothing applied twice: one confirmation per payment, one fact per dossier, one reception count per dossier. */
    private void appliedOnce(long receptionsBefore) throws SQLException {
        for (String dossier : feeDossiers) {
            assertThat(count(
                            "SELECT COUNT(*) FROM `" + db("dossier-service") + "`.dossier_history"
                                    + " WHERE dossier_code = ? AND event = 'OBLIGATION_FULFILLED'",
                            dossier))
                    .as("dossier-service applied the payment of %s", dossier)
                    .isEqualTo(1);
        }
        List<String> dossiers = new ArrayList<>(feeDossiers);
        dossiers.addAll(birthDossiers);
        for (String dossier : dossiers) {
            assertThat(count(
                            "SELECT COUNT(*) FROM `" + db("report-service") + "`.dossier_fact WHERE code = ?", dossier))
                    .as("report-service's facts of %s", dossier)
                    .isEqualTo(1);
        }
        for (String payment : paidPayments) {
            assertThat(count(
                            "SELECT COUNT(*) FROM `" + db("report-service") + "`.payment_fact"
                                    + " WHERE payment_id = ? AND status = 'PAID'",
                            payment))
                    .as("report-service's paid fact of %s", payment)
                    .isEqualTo(1);
        }
        // a dossier.received applied twice would count its reception twice
        assertThat(receptionsCounted() - receptionsBefore)
                .as("receptions counted by report-service during the test")
                .isEqualTo(dossiers.size());
    }

    private long receptionsCounted() throws SQLException {
        return count("SELECT COALESCE(SUM(received), 0) FROM `" + db("report-service") + "`.daily_reception");
    }

    /**
     * The deadline sweep's passes (DeadlineSweepJob logs each start and end) never overlap across the two dossier
     * instances; a pass that a kill cut short ends at the kill.
     */
    private void sweepPassesNeverOverlap() throws IOException {
        List<Instant[]> passes = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (String instance : List.of("dossier-service", "dossier-service@2")) {
            Path log = platform.varDir.resolve("log").resolve(instance + ".log");
            Instant open = null;
            int count = 0;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.contains("deadline sweep pass started")) {
                    open = Instant.parse(line.substring(0, line.indexOf(' ')));
                } else if (line.contains("deadline sweep pass ended") && open != null) {
                    passes.add(new Instant[] {open, Instant.parse(line.substring(0, line.indexOf(' ')))});
                    owners.add(instance);
                    open = null;
                    count++;
                }
            }
            if (open != null) {
                Instant end = killedAt.getOrDefault(instance, Instant.now());
                passes.add(new Instant[] {open, end});
                owners.add(instance);
                count++;
            }
            System.out.printf("[e2e] %s ran %d deadline sweep passes%n", instance, count);
        }
        assertThat(passes).as("deadline sweep passes").isNotEmpty();
        for (int i = 0; i < passes.size(); i++) {
            for (int j = i + 1; j < passes.size(); j++) {
                if (owners.get(i).equals(owners.get(j))) {
                    continue;
                }
                Instant[] a = passes.get(i);
                Instant[] b = passes.get(j);
                boolean overlap = a[0].isBefore(b[1]) && b[0].isBefore(a[1]);
                assertThat(overlap)
                        .as(
                                "sweep pass %s..%s on %s overlaps %s..%s on %s",
                                a[0], a[1], owners.get(i), b[0], b[1], owners.get(j))
                        .isFalse();
            }
        }
    }

    // --- MariaDB
    // ------------------------------------------------------------------------------------------------------

    private String db(String service) {
        return platform.database(service);
    }

    private long headSeq(String producer) throws SQLException {
        return count("SELECT COALESCE(MAX(seq), 0) FROM `" + db(producer) + "`.feed_outbox");
    }

    private long cursor(String db, String consumer, String source) throws SQLException {
        return count(
                "SELECT COALESCE(MAX(last_seq), 0) FROM `" + db + "`.feed_cursor WHERE consumer = ? AND source = ?",
                consumer,
                source);
    }

    /** The holder of an unexpired lease, or null. */
    private String liveHolder(String db, String lease) throws SQLException {
        try (Connection c = platform.openDatabaseServer();
                PreparedStatement s = c.prepareStatement("SELECT holder FROM `" + db + "`.platform_lease"
                        + " WHERE name = ? AND expires_at > UTC_TIMESTAMP(6)")) {
            s.setString(1, lease);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = platform.openDatabaseServer();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private void printReplicaLogs() {
        for (String service : GRPC_SERVICES) {
            Platform.printTail(platform.varDir.resolve("log").resolve(service + "@2.log"));
        }
    }
}
