package vn.motcua.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The simulator as its own process (the shaded jar, as ./motcua up runs it) on a free port, driven over HTTP like a
 * merchant and a payer: the pay page, the decision, the signed notification to a merchant served by this test (which
 * checks every signature), the signed return, the knobs, the status query, refunds and the settlement file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentSimulatorProcessIT {

    private static final String SECRET = "it-secret-" + UUID.randomUUID();
    private static final String MERCHANT = "MOTCUA-IT";
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern TICKET = Pattern.compile("name=\"ticket\" value=\"([0-9a-f]+)\"");

    private final Signer signer = new Signer(SECRET);
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** Every notification the merchant received, in arrival order, with whether its signature held. */
    private final List<Map<String, String>> notifications = Collections.synchronizedList(new ArrayList<>());

    private final AtomicInteger refuseNext = new AtomicInteger();
    private volatile CountDownLatch merchantGate = new CountDownLatch(0);

    private Process process;
    private String base;
    private HttpServer merchant;
    private String notifyUrl;

    @BeforeAll
    void start() throws Exception {
        merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        merchant.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        merchant.createContext("/ipn", ex -> {
            try {
                merchantGate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Map<String, String> p = Http.decodeForm(ex.getRequestURI().getRawQuery());
            boolean valid = signer.verify(p);
            Map<String, String> seen = new LinkedHashMap<>(p);
            seen.put("_valid", Boolean.toString(valid));
            notifications.add(seen);
            String code = !valid ? "97" : refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? "99" : "00";
            Http.send(ex, 200, "application/json", "{\"RspCode\":\"" + code + "\",\"Message\":\"it\"}");
        });
        merchant.start();
        notifyUrl = "http://127.0.0.1:" + merchant.getAddress().getPort() + "/ipn";

        String jar = System.getProperty("motcua.simulator.jar");
        assertThat(jar).as("failsafe passes the shaded jar's path").isNotBlank();
        assertThat(Path.of(jar)).exists();
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar,
                        "--port=0",
                        "--merchant-id=" + MERCHANT,
                        "--ipn-retry-ms=50")
                .redirectErrorStream(true);
        pb.environment().put("MOTCUA_PAYMENT_PROVIDER_SECRET", SECRET);
        process = pb.start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            System.out.println("[simulator] " + line);
            Matcher m = Pattern.compile("listening on (http://\\S+)").matcher(line);
            if (m.find()) {
                base = m.group(1);
                break;
            }
        }
        assertThat(base).as("the simulator announced its address").isNotNull();
        Thread pump = new Thread(() -> out.lines().forEach(l -> System.out.println("[simulator] " + l)));
        pump.setDaemon(true);
        pump.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        if (merchant != null) {
            merchant.stop(0);
        }
    }

    @BeforeEach
    void resetKnobs() throws Exception {
        knobs("reset=true");
        refuseNext.set(0);
        merchantGate = new CountDownLatch(0);
    }

    // ---- pay page, decision, notification, return -------------------------------------------------------------

    @Test
    void approvedPaymentNotifiesTheMerchantOnceWithAValidSignatureAndSendsThePayerBackSigned() throws Exception {
        String ref = ref();
        HttpResponse<String> page = get(payUrl(ref, 20_000, future()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Thanh toán</button>")
                .contains("Hủy giao dịch</button>")
                .contains("Lệ phí chứng thực")
                .contains("20.000 đồng")
                .contains(ref);

        HttpResponse<String> back = decide(ref, ticket(page), "approve");

        assertThat(back.statusCode()).isEqualTo(303);
        Map<String, String> returned = returnParams(back);
        assertThat(signer.verify(returned)).as("return is signed").isTrue();
        assertThat(returned)
                .containsEntry("order_ref", ref)
                .containsEntry("response_code", "00")
                .containsEntry("amount", "20000")
                .containsEntry("currency", "VND")
                .containsEntry("merchant_id", MERCHANT);
        List<Map<String, String>> ipn = ipnsOf(ref, 1);
        assertThat(ipn).hasSize(1);
        assertThat(ipn.get(0))
                .containsEntry("_valid", "true")
                .containsEntry("response_code", "00")
                .containsEntry("transaction_no", returned.get("transaction_no"))
                .containsEntry("pay_date", returned.get("pay_date"));
        assertThat(returned.get("transaction_no")).isNotBlank();

        // deciding again changes nothing: same result, no second notification
        HttpResponse<String> again = decide(ref, ticket(page), "decline");
        assertThat(returnParams(again)).containsEntry("response_code", "00");
        Thread.sleep(300);
        assertThat(ipnsOf(ref, 0)).hasSize(1);
    }

    @Test
    void payerCancellingNotifies24() throws Exception {
        String ref = ref();
        HttpResponse<String> page = get(payUrl(ref, 15_000, future()));
        HttpResponse<String> back = decide(ref, ticket(page), "decline");

        assertThat(returnParams(back)).containsEntry("response_code", "24");
        assertThat(ipnsOf(ref, 1).get(0)).containsEntry("response_code", "24").containsEntry("_valid", "true");
    }

    @Test
    void tamperedOrForeignPayRequestsAreRefusedWithoutAnOrder() throws Exception {
        String ref = ref();
        String tampered = payUrl(ref, 20_000, future()).replace("amount=20000", "amount=2000");
        HttpResponse<String> page = get(tampered);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Chữ ký không hợp lệ");

        Map<String, String> foreign = payParams(ref, 20_000, future());
        foreign.put("merchant_id", "SOMEONE-ELSE");
        assertThat(get(base + "/pay?" + Http.encode(signed(foreign))).statusCode())
                .isEqualTo(400);

        assertThat(query(ref).get("response_code")).as("no order was made").isEqualTo("01");
    }

    @Test
    void expiredOrderIsRefusedAsTimedOutAndNotified() throws Exception {
        String ref = ref();
        HttpResponse<String> page =
                get(payUrl(ref, 20_000, LocalDateTime.now(VN).minusMinutes(1)));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("quá thời hạn").doesNotContain("Thanh toán</button>");
        assertThat(ipnsOf(ref, 1).get(0)).containsEntry("response_code", "11");
        assertThat(query(ref)).containsEntry("transaction_status", "11");
    }

    @Test
    void notificationIsRetriedUntilTheMerchantConfirms() throws Exception {
        refuseNext.set(2);
        String ref = ref();
        knobs("auto_decide=approve");

        HttpResponse<String> back = get(payUrl(ref, 30_000, future()));

        assertThat(back.statusCode()).as("auto_decide answers without the page").isEqualTo(303);
        assertThat(ipnsOf(ref, 3)).hasSize(3).allSatisfy(n -> assertThat(n).containsEntry("_valid", "true"));
        Thread.sleep(300);
        assertThat(ipnsOf(ref, 0)).as("no retry after 00").hasSize(3);
    }

    // ---- knobs -----------------------------------------------------------------------------------------------------

    @Test
    void duplicatesKnobSendsTheSameNotificationNTimes() throws Exception {
        knobs("auto_decide=approve&callback_duplicates=5");
        String ref = ref();

        get(payUrl(ref, 20_000, future()));

        List<Map<String, String>> ipn = ipnsOf(ref, 5);
        assertThat(ipn).hasSize(5);
        assertThat(ipn.stream().map(n -> n.get("secure_hash")).distinct()).hasSize(1);
    }

    @Test
    void dropKnobNeverNotifiesButThePayerReturnsAndTheQueryKnows() throws Exception {
        knobs("{\"auto_decide\":\"approve\",\"callback_drop\":true}", "application/json");
        String ref = ref();

        HttpResponse<String> back = get(payUrl(ref, 20_000, future()));

        assertThat(returnParams(back)).containsEntry("response_code", "00");
        Thread.sleep(500);
        assertThat(ipnsOf(ref, 0)).isEmpty();
        assertThat(query(ref)).containsEntry("transaction_status", "00");
    }

    @Test
    void delayedNotificationDoesNotHoldThePayerBack() throws Exception {
        merchantGate = new CountDownLatch(1);
        knobs("auto_decide=approve&callback_delay_ms=1");
        String ref = ref();

        HttpResponse<String> back = get(payUrl(ref, 20_000, future()));

        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(ipnsOf(ref, 0)).as("the merchant has not answered yet").isEmpty();
        merchantGate.countDown();
        assertThat(ipnsOf(ref, 1)).hasSize(1);
        assertThat(json.readTree(get(base + "/admin/knobs").body())
                        .get("callback_delay_ms")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void reorderKnobSendsTheEarlierFailureAfterTheLaterSuccess() throws Exception {
        knobs("callback_reorder=true");
        String payment = "PAY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

        HttpResponse<String> first = get(payUrl(payment + "-1", 20_000, future()));
        decide(payment + "-1", ticket(first), "insufficient_funds");
        Thread.sleep(300);
        assertThat(ipnsOf(payment + "-1", 0)).as("failure held back").isEmpty();
        HttpResponse<String> second = get(payUrl(payment + "-2", 20_000, future()));
        decide(payment + "-2", ticket(second), "approve");

        awaitUntil(() -> notifications.stream()
                        .filter(n -> n.get("order_ref").startsWith(payment))
                        .count()
                == 2);
        List<String> order = notifications.stream()
                .filter(n -> n.get("order_ref").startsWith(payment))
                .map(n -> n.get("order_ref") + ":" + n.get("response_code"))
                .toList();
        assertThat(order).containsExactly(payment + "-2:00", payment + "-1:51");
    }

    @Test
    void knobsRefuseUnknownNames() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/admin/knobs"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("callback_speed=9"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
    }

    // ---- query, refund, settlement -----------------------------------------------------------------------------

    @Test
    void queryAnswersSignedStatusNotFoundAndInvalidSignature() throws Exception {
        String ref = ref();
        get(payUrl(ref, 20_000, future()));
        Map<String, String> pending = query(ref);
        assertThat(signer.verify(pending)).isTrue();
        assertThat(pending)
                .containsEntry("response_code", "00")
                .containsEntry("transaction_status", "01")
                .containsEntry("amount", "20000");

        assertThat(query("NO-SUCH-ORDER")).containsEntry("response_code", "01");

        Map<String, String> forged = queryParams(ref);
        forged.put(Signer.HASH, new Signer("wrong").sign(forged));
        Map<String, String> answer = post("/query", forged);
        assertThat(answer).containsEntry("response_code", "97");
        assertThat(signer.verify(answer)).isTrue();
    }

    @Test
    void refundsUpToWhatWasPaidAndRepeatsIdempotently() throws Exception {
        knobs("auto_decide=approve");
        String ref = ref();
        get(payUrl(ref, 20_000, future()));

        Map<String, String> partial = refund(ref, "RF-" + ref, 5_000);
        assertThat(signer.verify(partial)).isTrue();
        assertThat(partial).containsEntry("response_code", "00").containsEntry("amount", "5000");
        assertThat(refund(ref, "RF-" + ref, 5_000)).as("same refund_ref again").containsEntry("response_code", "00");
        assertThat(refund(ref, "RF2-" + ref, 15_001)).as("more than left").containsEntry("response_code", "02");
        assertThat(refund(ref, "RF3-" + ref, 15_000)).containsEntry("response_code", "00");
        assertThat(refund("NO-SUCH-ORDER", "RF4-" + ref, 1)).containsEntry("response_code", "01");

        Map<String, String> forged = refundParams(ref, "RF5-" + ref, 1);
        forged.put(Signer.HASH, new Signer("wrong").sign(forged));
        assertThat(post("/refund", forged)).containsEntry("response_code", "97");
    }

    @Test
    void settlementListsTheDaysPaidOrdersAndItsKnobsFalsifyIt() throws Exception {
        knobs("auto_decide=approve");
        String a = ref();
        String b = ref();
        get(payUrl(a, 20_000, future()));
        get(payUrl(b, 35_000, future()));
        String declined = ref();
        HttpResponse<String> page = get(payUrl(declined, 10_000, future()));
        assertThat(page.statusCode()).isEqualTo(303);
        String date = LocalDate.now(VN).format(DateTimeFormatter.BASIC_ISO_DATE);

        HttpResponse<String> csv = settlement(date, signer);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=UTF-8");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("order_ref,transaction_no,amount,currency,pay_date,status");
        assertThat(lineOf(lines, a)).matches(a + ",\\d+,20000,VND," + date + "\\d{6},00");
        assertThat(lineOf(lines, b)).matches(b + ",\\d+,35000,VND," + date + "\\d{6},00");

        knobs("settlement_omit=" + a + "&settlement_amount_delta=-1000");
        List<String> falsified = settlement(date, signer).body().lines().toList();
        assertThat(falsified).noneMatch(l -> l.startsWith(a + ","));
        assertThat(falsified).hasSize(lines.size() - 1);
        long changed =
                falsified.stream().skip(1).filter(l -> !lines.contains(l)).count();
        assertThat(changed).as("exactly one line's amount changed").isEqualTo(1);

        assertThat(settlement(date, new Signer("wrong")).statusCode()).isEqualTo(403);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static String ref() {
        return "PAY-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase() + "-1";
    }

    private static LocalDateTime future() {
        return LocalDateTime.now(VN).plusMinutes(15);
    }

    private Map<String, String> payParams(String ref, long amount, LocalDateTime expireAt) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("merchant_id", MERCHANT);
        p.put("order_ref", ref);
        p.put("amount", Long.toString(amount));
        p.put("currency", "VND");
        p.put("order_info", "Lệ phí chứng thực hồ sơ 000.00.24.H30-260101-0001");
        p.put("return_url", "http://127.0.0.1:8080/api/v1/payments/provider/return");
        p.put("notify_url", notifyUrl);
        p.put("created_at", LocalDateTime.now(VN).format(STAMP));
        p.put("expire_at", expireAt.format(STAMP));
        p.put("locale", "vn");
        p.put("client_ip", "127.0.0.1");
        return p;
    }

    private String payUrl(String ref, long amount, LocalDateTime expireAt) {
        return base + "/pay?" + Http.encode(signed(payParams(ref, amount, expireAt)));
    }

    private Map<String, String> signed(Map<String, String> p) {
        Map<String, String> copy = new LinkedHashMap<>(p);
        copy.put(Signer.HASH, signer.sign(copy));
        return copy;
    }

    private static String ticket(HttpResponse<String> page) {
        Matcher m = TICKET.matcher(page.body());
        assertThat(m.find()).as("the page carries the form").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> decide(String ref, String ticket, String decision) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/pay/decide"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                Http.encode(Map.of("order_ref", ref, "ticket", ticket, "decision", decision))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> returnParams(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).isEqualTo(303);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://127.0.0.1:8080/api/v1/payments/provider/return?");
        return Http.decodeForm(URI.create(location).getRawQuery());
    }

    private Map<String, String> queryParams(String ref) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("merchant_id", MERCHANT);
        p.put("order_ref", ref);
        p.put("request_id", UUID.randomUUID().toString());
        p.put("created_at", LocalDateTime.now(VN).format(STAMP));
        return p;
    }

    private Map<String, String> query(String ref) throws Exception {
        return post("/query", signed(queryParams(ref)));
    }

    private Map<String, String> refundParams(String ref, String refundRef, long amount) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("merchant_id", MERCHANT);
        p.put("order_ref", ref);
        p.put("refund_ref", refundRef);
        p.put("amount", Long.toString(amount));
        p.put("created_at", LocalDateTime.now(VN).format(STAMP));
        return p;
    }

    private Map<String, String> refund(String ref, String refundRef, long amount) throws Exception {
        return post("/refund", signed(refundParams(ref, refundRef, amount)));
    }

    private HttpResponse<String> settlement(String date, Signer by) throws Exception {
        Map<String, String> p = new LinkedHashMap<>(Map.of("merchant_id", MERCHANT, "date", date));
        p.put(Signer.HASH, by.sign(p));
        return get(base + "/settlement?" + Http.encode(p));
    }

    private static String lineOf(List<String> lines, String ref) {
        return lines.stream().filter(l -> l.startsWith(ref + ",")).findFirst().orElseThrow();
    }

    private Map<String, String> post(String path, Map<String, String> form) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(Http.encode(form)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        return json.readValue(r.body(), new TypeReference<Map<String, String>>() {});
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void knobs(String form) throws Exception {
        knobs(form, "application/x-www-form-urlencoded");
    }

    private void knobs(String body, String type) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/admin/knobs"))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** The notifications of one order once at least {@code atLeast} arrived (waits up to 20 s). */
    private List<Map<String, String>> ipnsOf(String ref, int atLeast) throws InterruptedException {
        Predicate<Map<String, String>> mine = n -> ref.equals(n.get("order_ref"));
        awaitUntil(() -> notifications.stream().filter(mine).count() >= atLeast);
        synchronized (notifications) {
            return notifications.stream().filter(mine).toList();
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
