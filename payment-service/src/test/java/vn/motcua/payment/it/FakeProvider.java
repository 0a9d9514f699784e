package vn.motcua.payment.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.motcua.payment.provider.ProviderSigner;

/**
 * A tiny provider over real HTTP (JDK HttpServer) answering the status query and the refund as
 * docs/payment-provider-protocol.md sections 4 and 5 say: it checks the merchant's signature (97 otherwise) and signs
 * its JSON answers. Tests set, per order, what the query answers.
 */
public final class FakeProvider implements AutoCloseable {

    /** What the status query answers about one order. */
    public record Status(String transactionStatus, long amount, String transactionNo, String payDate) {}

    private final HttpServer server;
    private final ProviderSigner signer;
    private volatile ProviderSigner answerSigner;
    private final String merchantId;
    private final Map<String, Status> orders = new ConcurrentHashMap<>();
    private final List<Map<String, String>> queries = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> refunds = new CopyOnWriteArrayList<>();
    private volatile String refundCode = "00";

    public FakeProvider(String secret, String merchantId) {
        this.signer = new ProviderSigner(secret);
        this.answerSigner = signer;
        this.merchantId = merchantId;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/query", this::query);
        server.createContext("/refund", this::refund);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void order(String orderRef, Status status) {
        orders.put(orderRef, status);
    }

    /** Signs answers with another secret (a man in the middle): the merchant must not trust them. */
    public void signAnswersWith(String secret) {
        answerSigner = new ProviderSigner(secret);
    }

    /** The refund's response_code from now on; "down" answers HTTP 503 instead. */
    public void refundAnswers(String code) {
        refundCode = code;
    }

    public List<Map<String, String>> queries() {
        return List.copyOf(queries);
    }

    public List<Map<String, String>> refunds() {
        return List.copyOf(refunds);
    }

    private void query(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        queries.add(form);
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("merchant_id", merchantId);
        answer.put("order_ref", form.getOrDefault("order_ref", ""));
        if (!signer.verify(form) || !merchantId.equals(form.get("merchant_id"))) {
            answer.put("response_code", "97");
        } else {
            Status s = orders.get(form.get("order_ref"));
            if (s == null) {
                answer.put("response_code", "01");
            } else {
                answer.put("response_code", "00");
                answer.put("transaction_status", s.transactionStatus());
                answer.put("amount", Long.toString(s.amount()));
                answer.put("transaction_no", s.transactionNo());
                answer.put("pay_date", s.payDate());
            }
        }
        respond(exchange, answer);
    }

    private void refund(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(exchange);
        refunds.add(form);
        if ("down".equals(refundCode)) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("merchant_id", merchantId);
        answer.put("order_ref", form.getOrDefault("order_ref", ""));
        answer.put("refund_ref", form.getOrDefault("refund_ref", ""));
        answer.put("amount", form.getOrDefault("amount", ""));
        answer.put("response_code", signer.verify(form) ? refundCode : "97");
        respond(exchange, answer);
    }

    private void respond(HttpExchange exchange, Map<String, String> answer) throws IOException {
        Map<String, String> signed = answerSigner.signed(answer);
        StringBuilder json = new StringBuilder("{");
        signed.forEach((k, v) -> {
            if (v != null) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('"').append(k).append("\":\"").append(v).append('"');
            }
        });
        byte[] body = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
