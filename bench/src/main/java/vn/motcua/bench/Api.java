package vn.motcua.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTP to the gateway and Keycloak, loopback only. */
final class Api {

    static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");
    static final String PASSWORD = "MotCua@2026";
    /** Refresh a cached access token when it is older than this (the realm's tokens live 300 s). */
    private static final long TOKEN_MAX_AGE_NANOS = 200L * 1_000_000_000L;

    private final String gateway;
    private final String tokenUrl;
    private final HttpClient http;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, long fetchedAt) {}

    Api(String gateway, String tokenUrl, int clients) {
        this.gateway = requireLoopback(gateway);
        this.tokenUrl = requireLoopback(tokenUrl);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(java.util.concurrent.Executors.newFixedThreadPool(Math.max(2, clients / 4), r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    /** The URL itself, or an exception when its host is not the loopback interface: the bench never leaves it. */
    static String requireLoopback(String url) {
        String host = URI.create(url).getHost();
        if (host == null || !LOOPBACK.contains(host)) {
            throw new IllegalArgumentException("refusing a non-loopback target: " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** An access token of the demo realm for username (password grant of motcua-gateway), cached a while. */
    String token(String username, String password) throws IOException, InterruptedException {
        Token t = tokens.get(username);
        if (t != null && System.nanoTime() - t.fetchedAt < TOKEN_MAX_AGE_NANOS) {
            return t.value;
        }
        synchronized (this) {
            t = tokens.get(username);
            if (t != null && System.nanoTime() - t.fetchedAt < TOKEN_MAX_AGE_NANOS) {
                return t.value;
            }
            String form = "grant_type=password&client_id=motcua-gateway&client_secret=motcua-gateway-demo-secret"
                    + "&username=" + enc(username) + "&password=" + enc(password);
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(tokenUrl))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String value = field(r.body(), "access_token");
            if (r.statusCode() != 200 || value == null) {
                throw new IOException("no token for " + username + ": HTTP " + r.statusCode() + " " + r.body());
            }
            tokens.put(username, new Token(value, System.nanoTime()));
            return value;
        }
    }

    String token(String username) throws IOException, InterruptedException {
        return token(username, PASSWORD);
    }

    HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String bearer, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(gateway + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The first string value of a JSON field (enough for the flat answers read here). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(json == null ? "" : json);
        return m.find() ? m.group(1) : null;
    }
}
