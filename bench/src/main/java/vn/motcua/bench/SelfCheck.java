package vn.motcua.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/run.sh --self-check}, the bench's smoke run inside {@code ./motcua test}: the load generator's own
 * machinery with a few requests, in seconds, without starting the platform: the closed-loop load and its
 * percentiles against a loopback HTTP stand-in, the plain JDBC baseline and the inbox's JDBC batch seeding against
 * a throwaway MariaDB database, and the table. Exits 1 when any part does not do what the full run relies on. The
 * figures mean nothing.
 */
public final class SelfCheck {

    private static final int REQUESTS = 40;

    private SelfCheck() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        List<String> problems = new ArrayList<>();
        List<String> rows = new ArrayList<>();

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ping", exchange -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        Load.Result http;
        try {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            URI ping = URI.create(Api.requireLoopback(
                            "http://127.0.0.1:" + server.getAddress().getPort()) + "/ping");
            http = Load.run(
                    4,
                    10,
                    REQUESTS,
                    c -> client.send(HttpRequest.newBuilder(ping).GET().build(), HttpResponse.BodyHandlers.ofString())
                                    .statusCode()
                            == 200);
        } finally {
            server.stop(0);
        }
        expect(problems, "HTTP load: " + REQUESTS + " ok, no error", http.ok() == REQUESTS && http.errors() == 0, http);
        expect(problems, "HTTP load: percentiles", !Double.isNaN(http.p50Ms()) && http.p99Ms() >= http.p50Ms(), http);

        Db db = new Db(
                opt.getOrDefault("mysql", "127.0.0.1:3306"),
                "root",
                opt.getOrDefault("mysql-password", ""),
                opt.get("db-prefix"));
        Load.Result jdbc;
        try (Db.SingleRowCommits baseline = db.new SingleRowCommits(2)) {
            jdbc = Load.run(2, 10, REQUESTS, baseline::insert);
        } finally {
            db.dropBaseline();
        }
        expect(problems, "JDBC baseline: " + REQUESTS + " commits", jdbc.ok() == REQUESTS && jdbc.errors() == 0, jdbc);
        rows.add(Bench.row("GET /ping (stand-in)", http, "plain JDBC, 1 row per commit", jdbc));

        String seeded = "selfcheck";
        try (Connection c = db.open(null);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + db.prefix + seeded + "` DEFAULT CHARSET utf8mb4");
        }
        try {
            try (Connection c = db.open(seeded);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE dossier (code VARCHAR(64) NOT NULL PRIMARY KEY, receiving_unit_code"
                        + " VARCHAR(32) NOT NULL, state VARCHAR(32) NOT NULL, applicant_name VARCHAR(200) NOT NULL,"
                        + " lookup_key VARCHAR(8), received_at DATETIME(6), due_at DATETIME(6))");
                s.execute("INSERT INTO dossier VALUES ('T-1', '11077', 'RECEIVED', 'Nguyễn Văn An', 'K1',"
                        + " '2026-12-01 08:00:00.123456', '2026-12-11 08:00:00.123456')");
            }
            double[] seed =
                    db.seedByClone(seeded, "dossier", "receiving_unit_code", "11077", "state = 'RECEIVED'", 2500);
            long rowsNow = db.scalar(seeded, "SELECT COUNT(*) FROM dossier WHERE receiving_unit_code = '11077'");
            long micros = db.scalar(
                    seeded, "SELECT COUNT(*) FROM dossier WHERE MICROSECOND(received_at) <> 0 AND code <> 'T-1'");
            expect(problems, "JDBC seeding: 2499 clones, 2500 rows", seed[0] == 2499 && rowsNow == 2500, rowsNow);
            expect(problems, "JDBC seeding keeps microseconds", micros > 0, micros);
            rows.add(String.format(
                    java.util.Locale.ROOT,
                    "| inbox seeding by JDBC batch | %.0f rows/s | | | 0 | - | | | | |",
                    seed[0] / seed[1]));
        } finally {
            try (Connection c = db.open(null);
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + db.prefix + seeded + "`");
            }
        }

        StringBuilder md = new StringBuilder("# MotCua bench self-check (figures mean nothing)\n\n");
        md.append(
                "| figure | value | p50 ms | p99 ms | errors | same-run baseline | baseline | p50 ms | p99 ms | ratio |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        System.out.println(md);
        if (opt.containsKey("out")) {
            Files.writeString(Path.of(opt.get("out")), md.toString(), StandardCharsets.UTF_8);
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.out.println("bench self-check FAILED: " + p));
            System.exit(1);
        }
        System.out.println("bench self-check: ok");
        System.exit(0);
    }

    private static void expect(List<String> problems, String what, boolean ok, Object seen) {
        if (!ok) {
            problems.add(what + " (saw " + seen + ")");
        }
    }
}
