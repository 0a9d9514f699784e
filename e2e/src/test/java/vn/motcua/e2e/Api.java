package vn.motcua.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Plain HTTP against the gateway as one {@link Subject}. A 429 is not an authorization outcome: the request is sent
 * again after Retry-After, so the matrix never records the rate limiter's answer as a cell.
 */
final class Api {

    /** Bearer token of a subject; null for {@link Subject#NONE}. */
    @FunctionalInterface
    interface Tokens {
        String of(Subject subject) throws IOException, InterruptedException;
    }

    record Reply(int status, String contentType, String body) {

        String describe() {
            String b = body == null ? "" : body;
            return status + " " + contentType + " " + (b.length() > 500 ? b.substring(0, 500) + "..." : b);
        }
    }

    private static final int MAX_RATE_LIMIT_RETRIES = 30;

    private final HttpClient http;
    private final String gateway;
    private final Tokens tokens;
    private final ObjectMapper json;

    Api(HttpClient http, String gateway, Tokens tokens, ObjectMapper json) {
        this.http = http;
        this.gateway = gateway;
        this.tokens = tokens;
        this.json = json;
    }

    Reply send(Subject subject, String method, String pathAndQuery, String body, String contentType)
            throws IOException, InterruptedException {
        return sendBytes(
                subject,
                method,
                pathAndQuery,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                contentType);
    }

    /** The same with a body of raw bytes (a signed PDF is not text). */
    Reply sendBytes(Subject subject, String method, String pathAndQuery, byte[] body, String contentType)
            throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + pathAndQuery))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json, application/problem+json, */*");
            String token = tokens.of(subject);
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (!method.equals("GET")) {
                b.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            if (body != null) {
                b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = r.headers().firstValue("Content-Type").orElse("(no content type)");
            if (r.statusCode() == 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
                long wait = r.headers()
                        .firstValue("Retry-After")
                        .map(Long::parseLong)
                        .orElse(1L);
                Thread.sleep(Math.max(1, wait) * 1000);
                continue;
            }
            // PDFs and spreadsheets are not shown, only their size
            boolean text = type.contains("json") || type.startsWith("text/");
            String shown = text ? new String(r.body(), StandardCharsets.UTF_8) : "<" + r.body().length + " bytes>";
            return new Reply(r.statusCode(), type, shown);
        }
    }

    ObjectMapper json() {
        return json;
    }

    Reply get(Subject subject, String path) throws IOException, InterruptedException {
        return send(subject, "GET", path, null, null);
    }

    /** POSTs JSON and insists on the status: for fixtures, where anything else means the setup is broken. */
    JsonNode post(Subject subject, String path, String body, int expected) throws IOException, InterruptedException {
        Reply r = send(subject, "POST", path, body, "application/json");
        if (r.status() != expected) {
            throw new IllegalStateException("fixture step POST " + path + " as " + subject + " expected " + expected
                    + " but got " + r.describe());
        }
        return r.body() == null || r.body().isBlank() ? json.nullNode() : json.readTree(r.body());
    }
}
