package vn.motcua.gateway.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for the gateway under test: raw status, headers and body, no client-side magic. */
public final class Api {

    private final URI base;
    private final JsonMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    public record Reply(int status, HttpHeaders headers, String body, JsonMapper mapper) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public Map<String, Object> json() {
            try {
                return mapper.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> errors() {
            return (List<Map<String, Object>>) json().get("errors");
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    public Reply get(String path) {
        return send(request(path).GET().build());
    }

    public Reply get(String path, String token) {
        return send(
                request(path).header("Authorization", "Bearer " + token).GET().build());
    }

    public Reply postJson(String path, String token, String body, String... headers) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
