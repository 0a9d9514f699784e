package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: kill -9 of payment-service between receiving the provider's notification and answering it, then a
 * restart and the provider's redelivery: nothing lost, nothing paid twice. Against the real platform (Keycloak, the
 * services on MariaDB, the simulator process) and with nothing in production code that knows about this test.
 *
 * <p>How the kill lands inside the callback: the test holds the unit's receipt-counter rows {@code FOR UPDATE} in
 * payment-service's database. The notification's transaction locks the payment and the attempt, updates both, and
 * then waits for the counter to number the receipt; MariaDB shows that transaction waiting with its rows modified
 * and uncommitted. Then payment-service's JVM is killed (SIGKILL) and the test lets go of its lock. The crashed
 * transaction must leave nothing behind; after the restart, the simulator's next delivery must pay once. The second
 * test lets the held transaction commit after the gateway has already answered the provider 99 instead (the 00 is
 * lost): the redelivery must be answered 02 and pay nothing again.
 *
 * <p>It runs on the shared platform and leaves it as it found it: payment-service is started again, also when the
 * test fails half-way ({@link #leaveThePlatformRunning}).
 */
class PaymentCallbackSurvivesKillIT extends PaymentSystemTest {

    private static final String PAYMENT_SERVICE = "payment-service";
    /**
     * From the restart to the paid payment: the simulator pauses up to 30 s between deliveries and the gateway's
     * channel reconnects with backoff; the simulator keeps delivering for about 3.5 minutes in all.
     */
    private static final Duration REDELIVERY = Duration.ofMinutes(4);

    private Connection lock;
    /** The payment of the latest test, through which the clean-up checks that the gateway reaches payment-service. */
    private String paymentId;

    /** A notification of the simulator's whose transaction waits in payment-service for the receipt number. */
    private record HeldCallback(
            String dossier, String paymentId, String orderRef, CompletableFuture<HttpResponse<String>> payer) {}

    @AfterAll
    void leaveThePlatformRunning() throws Exception {
        if (platform == null) {
            return;
        }
        releaseTheReceiptCounter();
        if (platform.process(PAYMENT_SERVICE).isEmpty()) {
            platform.startService(PAYMENT_SERVICE);
        }
        if (paymentId != null) {
            awaitGatewayReaches(paymentId);
        }
        knobs("reset=true");
    }

    @Test
    void aKillInsideTheCallbackLosesNothingAndTheRedeliveryPaysOnce() throws Exception {
        String db = platform.database(PAYMENT_SERVICE);
        HeldCallback held = callbackHeldOnTheReceiptCounter(db);

        ProcessHandle service = platform.process(PAYMENT_SERVICE).orElseThrow();
        assertThat(service.destroyForcibly())
                .as("SIGKILL sent to payment-service")
                .isTrue();
        service.onExit().get(30, TimeUnit.SECONDS);
        releaseTheReceiptCounter();
        awaitNoSessionsOf(db);

        // the crash left nothing: the payment still waits for the provider, no receipt, no paid event
        assertThat(stateOf(db, held.paymentId())).isEqualTo("STARTED");
        assertThat(receiptsOf(db, held.paymentId())).isZero();
        assertThat(paidEventsOf(db, held.paymentId())).isZero();
        assertThat(held.payer().get(60, TimeUnit.SECONDS).statusCode())
                .as("the payer is sent back by the provider whatever the merchant answered")
                .isEqualTo(303);

        platform.startService(PAYMENT_SERVICE);
        awaitGatewayReaches(held.paymentId());

        List<String> deliveries = paidOnce(db, held);
        assertThat(deliveries.stream().filter(d -> d.endsWith("RspCode 00")))
                .as("confirmed by exactly one delivery: %s", deliveries)
                .hasSize(1);
        int confirmed = indexOf(deliveries, "RspCode 00");
        assertThat(deliveries.subList(0, confirmed))
                .as("before the confirmation no delivery was answered 02: %s", deliveries)
                .noneMatch(d -> d.endsWith("RspCode 02"));
        assertThat(deliveries.subList(confirmed + 1, deliveries.size()))
                .as("any later delivery finds it already confirmed: %s", deliveries)
                .allMatch(d -> d.endsWith("RspCode 02"));
    }

    /**
     * The other side of "between receiving and answering": the transaction commits after the gateway has given up
     * on payment-service (its deadline) and answered the provider 99, so the provider never hears the 00. Its
     * redelivery must be answered "already confirmed" and change nothing.
     */
    @Test
    void aCallbackCommittedAfterTheProviderWasAnswered99IsConfirmedOnceByTheRedelivery() throws Exception {
        String db = platform.database(PAYMENT_SERVICE);
        HeldCallback held = callbackHeldOnTheReceiptCounter(db);

        awaitFirstDelivery(held.orderRef());
        releaseTheReceiptCounter();

        List<String> deliveries = paidOnce(db, held);
        assertThat(deliveries)
                .as("the 00 of the committed transaction reached no one; the redelivery got 02")
                .noneMatch(d -> d.endsWith("RspCode 00"))
                .last()
                .satisfies(d -> assertThat(d).endsWith("RspCode 02"));
        assertThat(held.payer().get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(303);
    }

    // --- the two halves of each test -------------------------------------------------------------------------------

    /**
     * A fee dossier's payment started online; the receipt numbers of unit 11077 held by the test (REPEATABLE READ,
     * so a unit without a counter row yet is held too: the gap its row would go into); the payer approves at the
     * provider (auto_decide answers the pay page) and the provider notifies the gateway; returns once payment-service's
     * transaction for that notification waits for the receipt number with the attempt and the payment updated.
     */
    private HeldCallback callbackHeldOnTheReceiptCounter(String db) throws Exception {
        String dossier = feeDossierAwaitingPayment();
        String id = awaitPaymentOf(dossier, CITIZEN).path("id").asText();
        paymentId = id;

        knobs("reset=true&auto_decide=approve");
        HttpResponse<String> started = post("/api/v1/payments/" + id + ":start-online", "{\"locale\":\"vn\"}", CITIZEN);
        assertThat(started.statusCode()).as(describe(started)).isEqualTo(200);
        String redirect = json.readTree(started.body()).path("redirectUrl").asText();
        String orderRef = query(redirect, "order_ref");
        assertThat(orderRef).startsWith(id + "-");

        lock = platform.openDatabaseServer();
        lock.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        lock.setAutoCommit(false);
        try (PreparedStatement s = lock.prepareStatement(
                "SELECT last_seq FROM `" + db + "`.receipt_counter WHERE unit_code = ? FOR UPDATE")) {
            s.setString(1, "11077");
            s.executeQuery().close();
        }

        CompletableFuture<HttpResponse<String>> payer = CompletableFuture.supplyAsync(() -> {
            try {
                return browse(redirect);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(awaitCallbackWaitingForTheReceiptNumber(db))
                .as("rows the callback's transaction has modified (attempt, payment), not yet committed")
                .isPositive();
        return new HeldCallback(dossier, id, orderRef, payer);
    }

    /**
     * The payment is paid, once: one receipt, one payment.paid in the outbox, the dossier out of "awaiting financial
     * obligation" with one confirmation on its timeline; the first delivery of the notification was not confirmed.
     * Returns every delivery of the notification.
     */
    private List<String> paidOnce(String db, HeldCallback held) throws Exception {
        JsonNode paid = awaitPayment(
                held.paymentId(), CITIZEN, p -> "PAID".equals(p.path("status").asText()), REDELIVERY);
        assertThat(paid.path("channel").asText()).isEqualTo("ONLINE");
        assertThat(paid.path("receipt").path("number").asText()).startsWith("11077/");
        assertThat(awaitDossier(held.dossier(), s -> !AWAITING_PAYMENT.equals(s)))
                .isNotEqualTo(AWAITING_PAYMENT);

        assertThat(receiptsOf(db, held.paymentId()))
                .as("receipts of %s", held.paymentId())
                .isEqualTo(1);
        assertThat(paidEventsOf(db, held.paymentId()))
                .as("payment.paid events of %s", held.paymentId())
                .isEqualTo(1);
        assertThat(timelineEvents(held.dossier()).stream().filter("OBLIGATION_FULFILLED"::equals))
                .as("the dossier met its financial obligation once")
                .hasSize(1);

        List<String> deliveries = awaitConfirmedDelivery(held.orderRef());
        System.out.println("[e2e] deliveries of " + held.orderRef() + ": " + deliveries);
        assertThat(deliveries)
                .as("the first delivery was cut: the gateway could only answer 99, or nothing came back")
                .first()
                .satisfies(d -> assertThat(d).containsAnyOf("RspCode 99", "no answer"));
        return deliveries;
    }

    private void releaseTheReceiptCounter() throws SQLException {
        if (lock != null && !lock.isClosed()) {
            lock.rollback();
            lock.close();
        }
        lock = null;
    }

    /**
     * Every delivery of the order's notification once the simulator has recorded one confirmed (00 or 02): the
     * payment may show paid a moment before the answer that says so reaches the simulator, or (when the 00 was
     * lost) long before the redelivery.
     */
    private List<String> awaitConfirmedDelivery(String orderRef) throws Exception {
        long deadline = System.nanoTime() + REDELIVERY.toNanos();
        while (true) {
            List<String> deliveries = deliveriesOf(orderRef);
            if (deliveries.stream().anyMatch(d -> d.endsWith("RspCode 00") || d.endsWith("RspCode 02"))) {
                return deliveries;
            }
            assertThat(System.nanoTime())
                    .as("a confirmed delivery of %s: %s", orderRef, deliveries)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** Waits until the simulator has recorded the answer to the first delivery of the order's notification. */
    private void awaitFirstDelivery(String orderRef) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (deliveriesOf(orderRef).isEmpty()) {
            assertThat(System.nanoTime())
                    .as("a first delivery of %s answered", orderRef)
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * Waits until the gateway reaches payment-service again: its channel reconnects with backoff after the kill and
     * the gateway answers 503 until then. (dossier-service's channel is shown working by the dossier confirmed
     * through payment-service's feed.)
     */
    private void awaitGatewayReaches(String id) throws Exception {
        long deadline = System.nanoTime() + REDELIVERY.toNanos();
        while (true) {
            HttpResponse<String> one = get("/api/v1/payments/" + id, CITIZEN);
            if (one.statusCode() != 503) {
                assertThat(one.statusCode()).as(describe(one)).isEqualTo(200);
                return;
            }
            assertThat(System.nanoTime())
                    .as("the gateway reaches the restarted payment-service: %s", describe(one))
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    // --- MariaDB: what payment-service's own database shows --------------------------------------------------------

    /**
     * Waits until a session of payment-service waits for a lock in a statement on receipt_counter; returns how many
     * rows its transaction has modified by then.
     */
    private long awaitCallbackWaitingForTheReceiptNumber(String db) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (Connection c = platform.openDatabaseServer();
                PreparedStatement s = c.prepareStatement("SELECT t.trx_rows_modified, t.trx_query"
                        + " FROM information_schema.innodb_trx t"
                        + " JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id"
                        + " WHERE p.db = ? AND t.trx_state = 'LOCK WAIT' AND t.trx_query LIKE '%receipt_counter%'")) {
            s.setString(1, db);
            while (true) {
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return rs.getLong(1);
                    }
                }
                assertThat(System.nanoTime())
                        .as("payment-service's callback waiting for the receipt counter")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    /**
     * Waits until MariaDB has closed every session of the killed process: one that waited for the lock ends (rolled
     * back) only once it got the lock and found its client gone.
     */
    private void awaitNoSessionsOf(String db) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (Connection c = platform.openDatabaseServer();
                PreparedStatement s =
                        c.prepareStatement("SELECT COUNT(*) FROM information_schema.processlist WHERE db = ?")) {
            s.setString(1, db);
            while (true) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime())
                        .as("sessions of the killed payment-service closed")
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    private String stateOf(String db, String payment) throws SQLException {
        return single("SELECT state FROM `" + db + "`.payment WHERE id = ?", payment);
    }

    private long receiptsOf(String db, String payment) throws SQLException {
        return Long.parseLong(single("SELECT COUNT(*) FROM `" + db + "`.receipt WHERE payment_id = ?", payment));
    }

    /** Outbox rows, relayed or not: the feed serves exactly these. */
    private long paidEventsOf(String db, String payment) throws SQLException {
        return Long.parseLong(single(
                "SELECT COUNT(*) FROM `" + db + "`.feed_outbox WHERE aggregate_id = ? AND event_type = 'payment.paid'",
                payment));
    }

    private String single(String sql, String parameter) throws SQLException {
        try (Connection c = platform.openDatabaseServer();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getString(1);
            }
        }
    }

    // --- what the simulator and the dossier show ------------------------------------------------------------------

    /** Every delivery of the order's notification, oldest first ("copy 1 attempt 2: …, HTTP 200 RspCode 99"). */
    private List<String> deliveriesOf(String orderRef) throws Exception {
        HttpResponse<String> orders = http.send(
                HttpRequest.newBuilder(URI.create(platform.simulatorUrl() + "/admin/orders"))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(orders.statusCode()).as(describe(orders)).isEqualTo(200);
        for (JsonNode order : json.readTree(orders.body())) {
            if (order.path("order_ref").asText().equals(orderRef)) {
                assertThat(order.path("response_code").asText()).isEqualTo("00");
                List<String> lines = new ArrayList<>();
                order.path("deliveries").forEach(d -> lines.add(d.asText()));
                return lines;
            }
        }
        throw new AssertionError("the simulator does not know " + orderRef + ": " + orders.body());
    }

    private List<String> timelineEvents(String dossier) throws Exception {
        HttpResponse<String> timeline = get("/api/v1/dossiers/" + dossier + "/timeline", CITIZEN);
        assertThat(timeline.statusCode()).as(describe(timeline)).isEqualTo(200);
        List<String> events = new ArrayList<>();
        json.readTree(timeline.body())
                .path("entries")
                .forEach(e -> events.add(e.path("event").asText()));
        return events;
    }

    private static int indexOf(List<String> deliveries, String ending) {
        for (int i = 0; i < deliveries.size(); i++) {
            if (deliveries.get(i).endsWith(ending)) {
                return i;
            }
        }
        throw new AssertionError("no delivery ends with " + ending + ": " + deliveries);
    }

    private static String query(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }
}
