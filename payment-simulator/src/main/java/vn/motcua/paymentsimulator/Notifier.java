package vn.motcua.paymentsimulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * Sends the signed server-to-server notification (IPN) of a decided order to its notify_url, retrying while the
 * merchant gives no answer or one other than RspCode 00/02 (section 2), shaped by the knobs: delay, N concurrent
 * copies, drop, and reorder (a failure held back until a later attempt of the same payment has succeeded).
 */
final class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class.getName());
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final Signer signer;
    private final SimulatorConfig config;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ipn");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;
    /** Failure notifications held back by callback_reorder, by payment (order_ref without its attempt suffix). */
    private final Map<String, List<Order>> held = new LinkedHashMap<>();

    Notifier(Signer signer, SimulatorConfig config) {
        this.signer = signer;
        this.config = config;
        // HTTP/1.1 as providers speak it: no h2c upgrade headers for the merchant's server to trip over
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(workers)
                .build();
    }

    /** Starts the notification of a just-decided order; the future ends when every copy was delivered or gave up. */
    CompletableFuture<Void> notify(Order order, Knobs knobs) {
        if (knobs.callbackDrop()) {
            LOG.info(() -> "IPN " + order.orderRef + " dropped (callback_drop)");
            order.delivered("dropped (callback_drop)");
            return CompletableFuture.completedFuture(null);
        }
        if (knobs.callbackReorder() && order.outcome().failure()) {
            synchronized (held) {
                held.computeIfAbsent(payment(order.orderRef), k -> new ArrayList<>())
                        .add(order);
            }
            LOG.info(() -> "IPN " + order.orderRef + " held back until a later attempt succeeds (callback_reorder)");
            order.delivered("held (callback_reorder)");
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(
                () -> {
                    pause(Duration.ofMillis(knobs.callbackDelayMs()));
                    sendCopies(order, knobs.callbackDuplicates());
                    if (order.outcome() == Outcome.SUCCESS) {
                        List<Order> late;
                        synchronized (held) {
                            late = held.remove(payment(order.orderRef));
                        }
                        if (late != null) {
                            late.forEach(o -> sendCopies(o, knobs.callbackDuplicates()));
                        }
                    }
                },
                workers);
    }

    /** Sends whatever callback_reorder holds back (the knob was turned off). */
    void releaseHeld() {
        List<Order> all = new ArrayList<>();
        synchronized (held) {
            held.values().forEach(all::addAll);
            held.clear();
        }
        all.forEach(o -> workers.execute(() -> sendCopies(o, 1)));
    }

    private void sendCopies(Order order, int copies) {
        if (copies <= 1) {
            deliver(order, 1);
            return;
        }
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 1; i <= copies; i++) {
            int copy = i;
            all.add(CompletableFuture.runAsync(() -> deliver(order, copy), workers));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }

    /** One copy of the notification, retried until confirmed or out of attempts. */
    private void deliver(Order order, int copy) {
        Map<String, String> params = new LinkedHashMap<>(order.result());
        params.put(Signer.HASH, signer.sign(params));
        URI uri = URI.create(Http.withQuery(order.notifyUrl, params));
        Duration wait = config.ipnRetry();
        for (int attempt = 1; attempt <= config.ipnAttempts(); attempt++) {
            String answer;
            boolean confirmed = false;
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                String code = rspCode(response);
                confirmed = response.statusCode() == 200 && ("00".equals(code) || "02".equals(code));
                answer = "HTTP " + response.statusCode() + " RspCode " + code;
            } catch (IOException e) {
                answer = "no answer (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            String line = "copy " + copy + " attempt " + attempt + ": response_code "
                    + order.outcome().code() + ", " + answer;
            order.delivered(line);
            LOG.info("IPN " + order.orderRef + " " + line);
            if (confirmed) {
                return;
            }
            if (attempt < config.ipnAttempts()) {
                pause(wait);
                wait = wait.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : wait.multipliedBy(2);
            }
        }
        LOG.warning(
                "IPN " + order.orderRef + " copy " + copy + ": gave up after " + config.ipnAttempts() + " attempts");
    }

    private String rspCode(HttpResponse<String> response) {
        try {
            JsonNode node = json.readTree(response.body());
            return node != null && node.hasNonNull("RspCode")
                    ? node.get("RspCode").asText()
                    : "-";
        } catch (IOException e) {
            return "-";
        }
    }

    /** The payment an attempt belongs to: MotCua's order_ref is {@code <payment id>-<attempt number>}. */
    static String payment(String orderRef) {
        int dash = orderRef.lastIndexOf('-');
        return dash > 0 && orderRef.substring(dash + 1).chars().allMatch(Character::isDigit)
                ? orderRef.substring(0, dash)
                : orderRef;
    }

    private static void pause(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void close() {
        workers.shutdownNow();
    }
}
