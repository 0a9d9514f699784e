package vn.motcua.paymentsimulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The payment provider of docs/payment-provider-protocol.md over HTTP: pay page and decision, signed notification
 * and return, status query, refund, settlement file and the loopback-only knobs. Orders live in memory: it stands
 * in for an external provider, and a restart is a provider that forgot its test orders.
 */
public final class PaymentSimulator implements AutoCloseable {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Logger LOG = Logger.getLogger(PaymentSimulator.class.getName());
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern ORDER_REF = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern AMOUNT = Pattern.compile("[1-9][0-9]{0,14}");
    /** How long the decision waits for the first notification before sending the payer back (no delay knob). */
    private static final long NOTIFY_WAIT_MS = 5_000;

    private final SimulatorConfig config;
    private final Signer signer;
    private final Clock clock;
    private final Notifier notifier;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final AtomicReference<Knobs> knobs = new AtomicReference<>(Knobs.DEFAULTS);
    /** Transaction numbers: unique across restarts as they start from the clock. */
    private final AtomicLong transactions;

    public PaymentSimulator(SimulatorConfig config, Clock clock) throws IOException {
        this.config = config;
        this.signer = new Signer(config.secret());
        this.clock = clock;
        this.notifier = new Notifier(signer, config);
        this.transactions = new AtomicLong(clock.millis());
        this.server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 64);
        this.handlers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(handlers);
        server.createContext("/", guarded(this::notFound));
        server.createContext("/health", guarded(this::health));
        server.createContext("/pay", guarded(this::payPage));
        server.createContext("/pay/decide", guarded(this::decide));
        server.createContext("/query", guarded(this::query));
        server.createContext("/refund", guarded(this::refund));
        server.createContext("/settlement", guarded(this::settlement));
        server.createContext("/admin/knobs", guarded(loopbackOnly(this::knobs)));
        server.createContext("/admin/orders", guarded(loopbackOnly(this::orderList)));
    }

    public PaymentSimulator start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        notifier.close();
        handlers.shutdownNow();
    }

    // ---- 1. pay page ---------------------------------------------------------------------------------------------

    private void payPage(HttpExchange ex) throws IOException {
        if (!exact(ex, "/pay", "GET")) {
            return;
        }
        Map<String, String> p = Http.query(ex);
        if (!signer.verify(p)) {
            LOG.warning("pay page: invalid signature for order_ref " + p.get("order_ref"));
            page(ex, 400, "Chữ ký không hợp lệ", "Yêu cầu thanh toán không có chữ ký hợp lệ (mã 97).", null);
            return;
        }
        if (!config.merchantId().equals(p.get("merchant_id"))) {
            page(ex, 400, "Đơn vị chấp nhận thanh toán không hợp lệ", "Mã đơn vị không được hỗ trợ.", null);
            return;
        }
        String problem = payProblem(p);
        if (problem != null) {
            page(ex, 400, "Yêu cầu thanh toán không hợp lệ", problem, null);
            return;
        }
        LocalDateTime expireAt = LocalDateTime.parse(p.get("expire_at"), STAMP);
        long amount = Long.parseLong(p.get("amount"));
        Order fresh = new Order(
                p.get("merchant_id"),
                p.get("order_ref"),
                amount,
                p.get("currency"),
                p.get("order_info"),
                p.get("return_url"),
                p.get("notify_url"),
                expireAt,
                p.getOrDefault("locale", "vn"),
                HexFormat.of().formatHex(randomBytes()));
        Order order = orders.computeIfAbsent(fresh.orderRef, k -> fresh);
        if (order != fresh && !order.sameOrder(amount, fresh.currency, fresh.returnUrl, fresh.notifyUrl)) {
            page(
                    ex,
                    400,
                    "Mã giao dịch đã được sử dụng",
                    "Mã giao dịch " + order.orderRef + " đã được dùng cho một đơn hàng khác.",
                    null);
            return;
        }
        LocalDateTime now = now();
        if (order.outcome() == Outcome.PENDING && now.isAfter(order.expireAt)) {
            decideAndNotify(order, Outcome.TIMED_OUT);
        }
        if (order.outcome() != Outcome.PENDING) {
            page(
                    ex,
                    200,
                    order.outcome() == Outcome.TIMED_OUT
                            ? "Giao dịch đã quá thời hạn thanh toán"
                            : "Giao dịch đã được xử lý",
                    "Đơn hàng " + order.orderRef + ": " + label(order.outcome()) + ".",
                    returnLocation(order));
            return;
        }
        String auto = knobs.get().autoDecide();
        if (!auto.isEmpty()) {
            finish(ex, order, auto.equals("approve") ? Outcome.SUCCESS : Outcome.CANCELLED_BY_PAYER);
            return;
        }
        Http.send(ex, 200, "text/html; charset=UTF-8", payForm(order));
    }

    /** What is wrong with the pay parameters (after the signature and merchant checks), or null. */
    private String payProblem(Map<String, String> p) {
        if (!ORDER_REF.matcher(p.getOrDefault("order_ref", "")).matches()) {
            return "Mã giao dịch (order_ref) không hợp lệ.";
        }
        if (!AMOUNT.matcher(p.getOrDefault("amount", "")).matches()) {
            return "Số tiền (amount) phải là số nguyên đồng dương.";
        }
        if (!"VND".equals(p.get("currency"))) {
            return "Chỉ hỗ trợ đơn vị tiền tệ VND.";
        }
        if (p.getOrDefault("order_info", "").isBlank()) {
            return "Thiếu nội dung thanh toán (order_info).";
        }
        if (!httpUrl(p.get("return_url")) || !httpUrl(p.get("notify_url"))) {
            return "Địa chỉ return_url hoặc notify_url không hợp lệ.";
        }
        if (stamp(p.get("created_at")) == null || stamp(p.get("expire_at")) == null) {
            return "Thời gian created_at / expire_at phải có dạng yyyyMMddHHmmss.";
        }
        String locale = p.getOrDefault("locale", "vn");
        if (!locale.equals("vn") && !locale.equals("en")) {
            return "Ngôn ngữ (locale) phải là vn hoặc en.";
        }
        return null;
    }

    private String payForm(Order order) {
        return layout(
                "Thanh toán trực tuyến",
                "<dl>"
                        + row("Đơn vị chấp nhận thanh toán", order.merchantId)
                        + row("Mã giao dịch", order.orderRef)
                        + row("Nội dung", order.orderInfo)
                        + row("Số tiền", money(order.amount))
                        + row("Hạn thanh toán", order.expireAt.format(DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")))
                        + "</dl>"
                        + "<form method=\"post\" action=\"/pay/decide\">"
                        + "<input type=\"hidden\" name=\"order_ref\" value=\"" + Http.html(order.orderRef) + "\">"
                        + "<input type=\"hidden\" name=\"ticket\" value=\"" + order.ticket + "\">"
                        + "<button type=\"submit\" name=\"decision\" value=\"approve\" class=\"pay\">Thanh toán</button> "
                        + "<button type=\"submit\" name=\"decision\" value=\"decline\" class=\"cancel\">Hủy giao dịch</button>"
                        + "</form>"
                        + "<p class=\"note\">Cổng thanh toán mô phỏng – chỉ dùng để thử nghiệm, không trừ tiền thật.</p>");
    }

    // ---- decision, notification, return ------------------------------------------------------------------------

    private void decide(HttpExchange ex) throws IOException {
        if (!exact(ex, "/pay/decide", "POST")) {
            return;
        }
        Map<String, String> form = Http.decodeForm(Http.body(ex));
        Order order = orders.get(form.getOrDefault("order_ref", ""));
        if (order == null || !order.ticket.equals(form.get("ticket"))) {
            page(ex, 400, "Giao dịch không hợp lệ", "Không tìm thấy giao dịch cần xác nhận.", null);
            return;
        }
        Outcome chosen = switch (form.getOrDefault("decision", "")) {
            case "approve" -> Outcome.SUCCESS;
            case "decline" -> Outcome.CANCELLED_BY_PAYER;
            // not on the page: lets a test (or curl) play a refused card or a provider failure
            case "insufficient_funds" -> Outcome.DECLINED;
            case "error" -> Outcome.ERROR;
            default -> null;
        };
        if (chosen == null) {
            page(ex, 400, "Giao dịch không hợp lệ", "Lựa chọn không hợp lệ.", null);
            return;
        }
        finish(ex, order, chosen);
    }

    /** Decides the order (unless decided before), notifies, then sends the payer back to the merchant. */
    private void finish(HttpExchange ex, Order order, Outcome chosen) throws IOException {
        Outcome outcome = now().isAfter(order.expireAt) ? Outcome.TIMED_OUT : chosen;
        CompletableFuture<Void> notified = decideAndNotify(order, outcome);
        Knobs k = knobs.get();
        if (notified != null && k.callbackDelayMs() == 0 && !k.callbackDrop()) {
            // like a real provider, the notification usually arrives before the payer does; the knobs change that
            try {
                notified.get(NOTIFY_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.info("IPN " + order.orderRef + " not confirmed yet: sending the payer back anyway");
            } catch (Exception e) {
                LOG.log(Level.WARNING, "IPN " + order.orderRef + " failed", e);
            }
        }
        Http.redirect(ex, returnLocation(order));
    }

    /** @return the notification in flight when this call decided the order, null when it was decided before */
    private CompletableFuture<Void> decideAndNotify(Order order, Outcome outcome) {
        String transactionNo = Long.toString(transactions.incrementAndGet());
        if (!order.decide(outcome, transactionNo, now())) {
            return null;
        }
        LOG.info("order " + order.orderRef + " decided: " + outcome + " (" + outcome.code() + "), transaction "
                + transactionNo);
        return notifier.notify(order, knobs.get());
    }

    private String returnLocation(Order order) {
        Map<String, String> p = new LinkedHashMap<>(order.result());
        p.put(Signer.HASH, signer.sign(p));
        return Http.withQuery(order.returnUrl, p);
    }

    // ---- 4. query, 5. refund -------------------------------------------------------------------------------------

    private void query(HttpExchange ex) throws IOException {
        if (!exact(ex, "/query", "POST")) {
            return;
        }
        Map<String, String> form = Http.decodeForm(Http.body(ex));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("merchant_id", config.merchantId());
        answer.put("order_ref", form.getOrDefault("order_ref", ""));
        if (!signer.verify(form) || !config.merchantId().equals(form.get("merchant_id"))) {
            answer.put("response_code", "97");
        } else if (form.getOrDefault("request_id", "").isEmpty() || stamp(form.get("created_at")) == null) {
            answer.put("response_code", "99");
        } else {
            Order order = orders.get(form.getOrDefault("order_ref", ""));
            if (order == null) {
                answer.put("response_code", "01");
            } else {
                Outcome outcome = order.outcomeAt(now());
                answer.put("response_code", "00");
                answer.put("transaction_status", outcome.code());
                answer.put("amount", Long.toString(order.amount));
                answer.put("transaction_no", order.transactionNo());
                answer.put(
                        "pay_date",
                        order.payDate() == null ? "" : order.payDate().format(STAMP));
            }
        }
        LOG.info("query " + answer.get("order_ref") + ": " + answer.get("response_code") + " "
                + answer.getOrDefault("transaction_status", ""));
        signedJson(ex, answer);
    }

    private void refund(HttpExchange ex) throws IOException {
        if (!exact(ex, "/refund", "POST")) {
            return;
        }
        Map<String, String> form = Http.decodeForm(Http.body(ex));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("merchant_id", config.merchantId());
        answer.put("order_ref", form.getOrDefault("order_ref", ""));
        answer.put("refund_ref", form.getOrDefault("refund_ref", ""));
        answer.put("amount", form.getOrDefault("amount", ""));
        if (!signer.verify(form) || !config.merchantId().equals(form.get("merchant_id"))) {
            answer.put("response_code", "97");
        } else if (!ORDER_REF.matcher(form.getOrDefault("refund_ref", "")).matches()
                || !AMOUNT.matcher(form.getOrDefault("amount", "")).matches()
                || stamp(form.get("created_at")) == null) {
            answer.put("response_code", "99");
        } else {
            Order order = orders.get(form.getOrDefault("order_ref", ""));
            if (order == null || order.outcome() != Outcome.SUCCESS) {
                answer.put("response_code", "01");
            } else {
                answer.put("response_code", order.refund(form.get("refund_ref"), Long.parseLong(form.get("amount"))));
            }
        }
        LOG.info("refund " + answer.get("refund_ref") + " of " + answer.get("order_ref") + " (" + answer.get("amount")
                + "): " + answer.get("response_code"));
        signedJson(ex, answer);
    }

    private void signedJson(HttpExchange ex, Map<String, String> answer) throws IOException {
        answer.put(Signer.HASH, signer.sign(answer));
        Http.send(ex, 200, "application/json", json.writeValueAsString(answer));
    }

    // ---- 6. settlement file ------------------------------------------------------------------------------------

    private void settlement(HttpExchange ex) throws IOException {
        if (!exact(ex, "/settlement", "GET")) {
            return;
        }
        Map<String, String> p = Http.query(ex);
        if (!signer.verify(p) || !config.merchantId().equals(p.get("merchant_id"))) {
            Http.send(ex, 403, "text/plain; charset=UTF-8", "97 invalid signature\n");
            return;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(p.getOrDefault("date", ""), DAY);
        } catch (DateTimeParseException e) {
            Http.send(ex, 400, "text/plain; charset=UTF-8", "date must be yyyyMMdd\n");
            return;
        }
        Http.send(ex, 200, "text/csv; charset=UTF-8", settlementCsv(day, knobs.get()));
    }

    /** The day's successful payments by pay date, then order_ref; the settlement knobs falsify it on purpose. */
    String settlementCsv(LocalDate day, Knobs k) {
        List<Order> paid = new ArrayList<>(orders.values().stream()
                .filter(o -> o.outcome() == Outcome.SUCCESS
                        && o.payDate().toLocalDate().equals(day))
                .sorted(Comparator.comparing(Order::payDate).thenComparing(o -> o.orderRef))
                .toList());
        if (!k.settlementOmit().isEmpty() && !paid.isEmpty()) {
            if (k.settlementOmit().equalsIgnoreCase("true")) {
                paid.remove(0);
            } else {
                paid.removeIf(o -> o.orderRef.equals(k.settlementOmit()));
            }
        }
        StringBuilder csv = new StringBuilder("order_ref,transaction_no,amount,currency,pay_date,status\r\n");
        for (int i = 0; i < paid.size(); i++) {
            Order o = paid.get(i);
            long amount = o.amount + (i == paid.size() - 1 ? k.settlementAmountDelta() : 0);
            csv.append(o.orderRef)
                    .append(',')
                    .append(o.transactionNo())
                    .append(',')
                    .append(amount)
                    .append(',')
                    .append(o.currency)
                    .append(',')
                    .append(o.payDate().format(STAMP))
                    .append(",00\r\n");
        }
        return csv.toString();
    }

    // ---- knobs, orders, health -----------------------------------------------------------------------------------

    private void knobs(HttpExchange ex) throws IOException {
        if (!ex.getRequestURI().getPath().equals("/admin/knobs")) {
            notFound(ex);
            return;
        }
        if ("POST".equals(ex.getRequestMethod())) {
            String body = Http.body(ex);
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> changes = new LinkedHashMap<>();
            if (type != null && type.startsWith("application/json")) {
                Map<String, Object> parsed = json.readValue(body, new TypeReference<Map<String, Object>>() {});
                parsed.forEach((name, value) -> changes.put(name, value == null ? "" : value.toString()));
            } else {
                changes.putAll(Http.decodeForm(body));
            }
            Knobs before;
            Knobs after;
            synchronized (knobs) {
                before = knobs.get();
                after = before.with(changes);
                knobs.set(after);
            }
            LOG.info("knobs set: " + after.asMap());
            if (before.callbackReorder() && !after.callbackReorder()) {
                notifier.releaseHeld();
            }
        } else if (!"GET".equals(ex.getRequestMethod())) {
            Http.send(ex, 405, "text/plain; charset=UTF-8", "method not allowed\n");
            return;
        }
        Http.send(
                ex, 200, "application/json", json.writeValueAsString(knobs.get().asMap()));
    }

    private void orderList(HttpExchange ex) throws IOException {
        List<Map<String, Object>> all = orders.values().stream()
                .sorted(Comparator.comparing(o -> o.orderRef))
                .map(Order::view)
                .toList();
        Http.send(ex, 200, "application/json", json.writeValueAsString(all));
    }

    private void health(HttpExchange ex) throws IOException {
        Http.send(ex, 200, "application/json", "{\"status\":\"UP\"}");
    }

    private void notFound(HttpExchange ex) throws IOException {
        if (ex.getRequestURI().getPath().equals("/") && ex.getRequestMethod().equals("GET")) {
            // what ./motcua up's banner links to: where things are, for a developer
            Http.send(
                    ex,
                    200,
                    "text/html; charset=UTF-8",
                    layout(
                            "Cổng thanh toán mô phỏng",
                            "<p>Nhà cung cấp dịch vụ thanh toán mô phỏng theo docs/payment-provider-protocol.md, đơn vị "
                                    + Http.html(config.merchantId()) + ".</p><ul>"
                                    + "<li>GET /pay, POST /pay/decide – trang thanh toán</li>"
                                    + "<li>POST /query, POST /refund, GET /settlement</li>"
                                    + "<li><a href=\"/admin/knobs\">/admin/knobs</a>, "
                                    + "<a href=\"/admin/orders\">/admin/orders</a> (chỉ từ máy này)</li></ul>"));
            return;
        }
        Http.send(ex, 404, "text/plain; charset=UTF-8", "not found\n");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Checks path and method; answers 404/405 itself and returns false when they do not fit. */
    private boolean exact(HttpExchange ex, String path, String method) throws IOException {
        if (!ex.getRequestURI().getPath().equals(path)) {
            notFound(ex);
            return false;
        }
        if (!ex.getRequestMethod().equals(method)) {
            ex.getResponseHeaders().set("Allow", method);
            Http.send(ex, 405, "text/plain; charset=UTF-8", "method not allowed\n");
            return false;
        }
        return true;
    }

    private interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    /** Bad input becomes 400, anything else 500, both logged; the connection is always closed. */
    private HttpHandler guarded(Handler handler) {
        return ex -> {
            try {
                handler.handle(ex);
            } catch (IllegalArgumentException e) {
                Http.send(ex, 400, "text/plain; charset=UTF-8", e.getMessage() + "\n");
            } catch (Exception e) {
                LOG.log(
                        Level.SEVERE,
                        ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " failed",
                        e);
                try {
                    Http.send(ex, 500, "text/plain; charset=UTF-8", "internal error\n");
                } catch (IOException ignored) {
                    // the client is gone
                }
            } finally {
                ex.close();
            }
        };
    }

    /** The knobs and the order list answer the local machine only (the tests, a developer), never the network. */
    private Handler loopbackOnly(Handler handler) {
        return ex -> {
            if (!ex.getRemoteAddress().getAddress().isLoopbackAddress()) {
                Http.send(ex, 403, "text/plain; charset=UTF-8", "admin endpoints answer loopback only\n");
                return;
            }
            handler.handle(ex);
        };
    }

    private void page(HttpExchange ex, int status, String title, String message, String back) throws IOException {
        String link = back == null
                ? ""
                : "<p><a class=\"back\" href=\"" + Http.html(back) + "\">Quay lại trang của đơn vị</a></p>";
        Http.send(ex, status, "text/html; charset=UTF-8", layout(title, "<p>" + Http.html(message) + "</p>" + link));
    }

    private static String layout(String title, String body) {
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Http.html(title) + " – Cổng thanh toán mô phỏng</title>"
                + "<style>body{font-family:sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}"
                + "dt{font-weight:bold;margin-top:.5rem}button{font-size:1rem;padding:.6rem 1.2rem;margin:.5rem .5rem 0 0}"
                + ".pay{background:#0b6e4f;color:#fff;border:0}.cancel{background:#fff;border:1px solid #888}"
                + ".note{color:#555;font-size:.85rem;margin-top:2rem}</style></head><body>"
                + "<h1>" + Http.html(title) + "</h1>" + body + "</body></html>";
    }

    private static String row(String label, String value) {
        return "<dt>" + Http.html(label) + "</dt><dd>" + Http.html(value) + "</dd>";
    }

    private static String money(long amount) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(amount) + " đồng";
    }

    private static String label(Outcome outcome) {
        return switch (outcome) {
            case PENDING -> "đang chờ thanh toán";
            case SUCCESS -> "thanh toán thành công";
            case CANCELLED_BY_PAYER -> "người nộp đã hủy giao dịch";
            case DECLINED -> "giao dịch bị từ chối";
            case TIMED_OUT -> "giao dịch đã quá thời hạn";
            case ERROR -> "có lỗi khi xử lý giao dịch";
        };
    }

    private static LocalDateTime stamp(String value) {
        try {
            return value == null ? null : LocalDateTime.parse(value, STAMP);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean httpUrl(String value) {
        try {
            URI uri = URI.create(value == null ? "" : value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(VN));
    }
}
