package vn.motcua.platform.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC services' management port: {@code GET /prometheus} in the Prometheus text format, nothing else. The JDK's
 * own HTTP server rather than Micronaut's: a service has no other HTTP traffic, and this one starts in milliseconds
 * without loading an HTTP stack (ADR 0003 counts start-up time). Readiness and liveness stay on grpc.health.v1.
 * Started with the context when {@code motcua.management.port} is set ({@link ManagementConfiguration}); a port
 * that is taken fails the start, so a replica never runs unobserved.
 */
@Context
@Requires(property = "motcua.management.port")
public class ManagementServer {

    static final String PATH = "/prometheus";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    public ManagementServer(ManagementConfiguration config, PrometheusMeterRegistry registry) {
        try {
            server = HttpServer.create(new InetSocketAddress(config.getHost(), config.getPort()), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen on management port " + config.getHost() + ":" + config.getPort()
                            + " (motcua.management.port, MOTCUA_MANAGEMENT_PORT)",
                    e);
        }
        // one thread: a scrape every few seconds, and a slow scraper must not take threads from the gRPC workers
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "management-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> answer(exchange, registry));
        server.start();
        LOG.info("Serving {} on management port {}:{}", PATH, config.getHost(), port());
    }

    /** The port listened on (the chosen one when configured as 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "not found: only " + PATH + " is served here\n", false);
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "method not allowed\n", false);
            } else {
                exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                send(exchange, 200, registry.scrape(), method.equals("HEAD"));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body, boolean headOnly) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (headOnly) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @PreDestroy
    void stop() {
        server.stop(0);
        executor.shutdownNow();
    }
}
