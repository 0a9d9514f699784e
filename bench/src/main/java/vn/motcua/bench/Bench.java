package vn.motcua.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The load generator of bench/run.sh (issue 9): runs every scenario against a platform that run.sh started on
 * loopback, each after a warm-up, at the same concurrency, and prints one Markdown table with a same-run baseline
 * beside each figure. Measures the code as it is; asserts nothing.
 */
public final class Bench {

    static final String ONE_UNIT = "11077";
    static final String ONE_UNIT_OFFICER = "mc.ngocson";
    /** The first 20 communes of the demo seed (Tứ Kỳ district, 298), all offering procedure 1.001193. */
    static final List<String> TWENTY_UNITS = List.of(
            "11074", "11077", "11080", "11083", "11086", "11089", "11092", "11095", "11098", "11101", "11104", "11107",
            "11110", "11113", "11116", "11119", "11122", "11125", "11128", "11131");

    private static final String RECEPTION = "{\"procedureCode\":\"1.001193\",\"channel\":\"COUNTER\","
            + "\"applicant\":{\"fullName\":\"Nguyễn Văn An\",\"citizenId\":\"030090001234\",\"phone\":\"0912345678\","
            + "\"email\":\"an@example.vn\",\"address\":\"Thôn Đông, xã Ngọc Sơn\"}}";
    private static final int MAX_KEPT_CODES = 20_000;

    private final Map<String, String> opt;
    private final boolean smoke;
    private final int clients;
    private final double warmup;
    private final double duration;
    private final double platformWarmup;
    private final long maxRequests;
    private final Api api;
    private final Db db;
    private final Rss rss;
    private final Path root;
    private final Path varDir;
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> cpuRows = new ArrayList<>();
    private final Map<String, String> officerOf = new LinkedHashMap<>();
    private final AtomicReferenceArray<String[]> kept = new AtomicReferenceArray<>(MAX_KEPT_CODES);
    private final AtomicInteger keptCount = new AtomicInteger();

    private Bench(Map<String, String> opt) {
        this.opt = opt;
        this.smoke = opt.containsKey("smoke");
        this.clients = Integer.parseInt(opt.getOrDefault("clients", "16"));
        this.warmup = Double.parseDouble(opt.getOrDefault("warmup", smoke ? "0.5" : "3"));
        this.duration = Double.parseDouble(opt.getOrDefault("duration", smoke ? "1" : "10"));
        this.platformWarmup = Double.parseDouble(
                opt.getOrDefault("platform-warmup", String.valueOf(Math.max(10, 2 * warmup))));
        this.maxRequests = Long.parseLong(opt.getOrDefault("max-requests", smoke ? "10" : "1000000"));
        if (clients < 1 || clients > 256 || duration <= 0 || duration > 600 || maxRequests < 1) {
            throw new IllegalArgumentException("clients 1..256, duration (0, 600] s, max-requests >= 1");
        }
        this.api = new Api(require("gateway"), require("token-url"), clients);
        this.db = new Db(
                opt.getOrDefault("mysql", "127.0.0.1:3306"),
                opt.getOrDefault("mysql-user", "root"),
                opt.getOrDefault("mysql-password", ""),
                require("db-prefix"));
        this.root = Path.of(require("root"));
        this.varDir = Path.of(require("var-dir"));
        this.rss = new Rss(varDir, Path.of(require("kc-data")));
    }

    private String require(String name) {
        String v = opt.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("smoke")) {
                opt.put(key, "true");
            } else {
                opt.put(key, args[++i]);
            }
        }
        new Bench(opt).runAll();
        // HttpClient and pool threads are daemons; exit now rather than wait for idle connections
        System.exit(0);
    }

    private static void log(String format, Object... args) {
        System.out.printf(
                "[bench %s] %s%n",
                ZonedDateTime.now(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ISO_LOCAL_TIME)
                        .substring(0, 8),
                String.format(Locale.ROOT, format, args));
    }

    private Load.Result measure(String name, Load.Op op) throws InterruptedException {
        log("%s: warm-up %.1f s", name, warmup);
        Load.Result w = Load.run(clients, warmup, maxRequests, op);
        log(
                "%s: warm-up done, %d ok, %d errors%s",
                name, w.ok(), w.errors(), w.firstError() == null ? "" : " (first: " + w.firstError() + ")");
        log("%s: measuring %.1f s or %d requests", name, duration, maxRequests);
        Map<String, Long> cpuBefore = rss.cpuTicks();
        Load.Result r = Load.run(clients, duration, maxRequests, op);
        Map<String, Long> cpuAfter = rss.cpuTicks();
        cpuRows.add(cpuRow(name, r, cpuBefore, cpuAfter));
        log(
                "%s: %.1f/s, p50 %.1f ms, p99 %.1f ms, %d ok, %d errors%s",
                name,
                r.rate(),
                r.p50Ms(),
                r.p99Ms(),
                r.ok(),
                r.errors(),
                r.firstError() == null ? "" : " (first: " + r.firstError() + ")");
        return r;
    }

    private void runAll() throws Exception {
        String loadBefore = loadAverage();
        String started = ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                .substring(0, 19);
        log("settling 5 s, then idle RSS");
        Thread.sleep(smoke ? 1000 : 5000);
        Map<String, Long> idle = rss.now();

        setUpOfficers();

        // --- plain JDBC baseline ---------------------------------------------------------------------------
        Load.Result jdbc;
        try (Db.SingleRowCommits baseline = db.new SingleRowCommits(clients)) {
            jdbc = measure("jdbc single-row commits", baseline::insert);
        } finally {
            db.dropBaseline();
        }

        rss.start();
        // --- intake --------------------------------------------------------------------------------------------
        AtomicLong spread = new AtomicLong();
        // the processes' JIT compiles the intake and read paths now, not inside the first measured scenario (which
        // otherwise paid for it alone: the 1-unit intake, run first, showed 2-3 times the CPU per request)
        // (C2, the default of bench/run.sh, needs far longer than C1 before its compiled code settles)
        double jit = smoke ? 0.5 : platformWarmup;
        log("platform warm-up: %.0f s of receptions over 20 units and reads of them", jit);
        Load.run(clients, jit, maxRequests, c -> {
            if (c % 2 == 0 || keptCount.get() == 0) {
                return receive(TWENTY_UNITS.get((int) (spread.getAndIncrement() % TWENTY_UNITS.size())));
            }
            String[] d = kept.get((int) (spread.get() % Math.min(keptCount.get(), MAX_KEPT_CODES)));
            return d == null
                    || api.get("/api/v1/dossiers/" + d[0], api.token(ONE_UNIT_OFFICER))
                                    .statusCode()
                            == 200;
        });
        Load.Result intakeOne = measure("intake, 1 unit", c -> receive(ONE_UNIT));
        Load.Result intakeTwenty = measure(
                "intake, 20 units",
                c -> receive(TWENTY_UNITS.get((int) (spread.getAndIncrement() % TWENTY_UNITS.size()))));

        // --- reads of one dossier ------------------------------------------------------------------------------
        int n = Math.min(keptCount.get(), MAX_KEPT_CODES);
        if (n == 0) {
            throw new IllegalStateException("no dossier of unit " + ONE_UNIT + " was received: nothing to read");
        }
        AtomicLong next = new AtomicLong();
        Load.Result authGet = measure("authenticated GET", c -> {
            String[] d = kept.get((int) (next.getAndIncrement() % n));
            return api.get("/api/v1/dossiers/" + d[0], api.token(ONE_UNIT_OFFICER))
                            .statusCode()
                    == 200;
        });
        Load.Result publicGet = measure("public lookup", c -> {
            String[] d = kept.get((int) (next.getAndIncrement() % n));
            return api.get("/api/v1/public/dossiers/" + d[0] + "/status?lookupKey=" + Api.enc(d[1]), null)
                            .statusCode()
                    == 200;
        });

        // --- inbox of a unit with many dossiers ----------------------------------------------------------------
        long inboxSize = seedInbox();
        HttpResponse<String> sample = api.get("/api/v1/inbox", api.token(ONE_UNIT_OFFICER));
        int items = sample.body().split("\"deadlineState\"", -1).length - 1;
        log("inbox sample: HTTP %d, %d items on the first page", sample.statusCode(), items);
        Load.Result inbox = measure(
                "inbox",
                c -> api.get("/api/v1/inbox", api.token(ONE_UNIT_OFFICER)).statusCode() == 200);

        // --- feed catch-up -------------------------------------------------------------------------------------
        double[] outbox = db.scanOutbox(smoke ? 30 : 120);
        double[] catchUp = feedCatchUp();
        rss.stop();

        // --- the table ----------------------------------------------------------------------------------------
        String authName = "GET /api/v1/dossiers/{code} as officer";
        String jdbcName = "plain JDBC, 1 dossier-sized row per commit";
        rows.add(row("POST /api/v1/dossiers, all on unit " + ONE_UNIT, intakeOne, authName, authGet));
        rows.add(row("POST /api/v1/dossiers, all on unit " + ONE_UNIT, intakeOne, jdbcName, jdbc));
        rows.add(row("POST /api/v1/dossiers, spread over 20 units", intakeTwenty, authName, authGet));
        rows.add(row("POST /api/v1/dossiers, spread over 20 units", intakeTwenty, jdbcName, jdbc));
        rows.add(row(authName, authGet, "GET /api/v1/public/dossiers/{code}/status", publicGet));
        rows.add(row(
                "GET /api/v1/inbox, unit " + ONE_UNIT + " with " + inboxSize + " dossiers", inbox, authName, authGet));
        rows.add(String.format(
                Locale.ROOT,
                "| report-service feed catch-up (%d events) | %s | | | | plain SELECT of feed_outbox, 500/page (%d rows) | %.0f rows/s | | | %s |",
                (long) catchUp[0],
                Double.isNaN(catchUp[2]) ? "n/a" : String.format(Locale.ROOT, "%.0f events/s", catchUp[2]),
                (long) outbox[0],
                outbox[0] / outbox[1],
                Double.isNaN(catchUp[2])
                        ? "-"
                        : String.format(Locale.ROOT, "%.3f", catchUp[2] / (outbox[0] / outbox[1]))));
        for (String p : Rss.PROCESSES) {
            Long peak = rss.peaks().get(p);
            Long quiet = idle.get(p);
            rows.add(String.format(
                    Locale.ROOT,
                    "| RSS %s, peak under load | %s | | | | same process idle, before the load | %s | | | %s |",
                    p,
                    mb(peak),
                    mb(quiet),
                    peak == null || quiet == null ? "-" : String.format(Locale.ROOT, "%.2f", (double) peak / quiet)));
        }
        String loadAfter = loadAverage();
        writeReport(started, loadBefore, loadAfter, n);
    }

    /** One line of the CPU table: ms of CPU time per successful request, by process, over the measured window. */
    private static String cpuRow(String name, Load.Result r, Map<String, Long> before, Map<String, Long> after) {
        StringBuilder line = new StringBuilder("| ").append(name).append(" | ");
        double total = 0;
        for (String p : CPU_COLUMNS) {
            Long a = after.get(p);
            Long b = before.get(p);
            if (a == null || b == null || r.ok() == 0) {
                line.append("- | ");
                continue;
            }
            // clock ticks are 10 ms (USER_HZ 100 on Linux)
            double ms = (a - b) * 10.0 / r.ok();
            total += ms;
            line.append(String.format(Locale.ROOT, "%.2f | ", ms));
        }
        return line.append(String.format(Locale.ROOT, "%.2f |", total)).toString();
    }

    private static final List<String> CPU_COLUMNS = List.of(
            "gateway", "dossier-service", "report-service", "payment-service", "digitization-service", "mariadb");

    private static String mb(Long kib) {
        return kib == null ? "n/a" : String.format(Locale.ROOT, "%.0f MB", kib / 1024.0);
    }

    private boolean receive(String unit) throws Exception {
        HttpResponse<String> r = api.post("/api/v1/dossiers", api.token(officerOf.get(unit)), RECEPTION);
        if (r.statusCode() != 201) {
            throw new IOException("HTTP " + r.statusCode() + " "
                    + r.body().substring(0, Math.min(200, r.body().length())));
        }
        if (unit.equals(ONE_UNIT)) {
            int i = keptCount.getAndIncrement();
            if (i < MAX_KEPT_CODES) {
                kept.set(i, new String[] {Api.field(r.body(), "code"), Api.field(r.body(), "lookupKey")});
            }
        }
        return true;
    }

    /**
     * The demo realm has commune reception officers for 11077 and 11080 only: one throwaway reception officer per
     * other commune of the 20 is created through the gateway's user administration (as admin.tuky, unit 298), in
     * this run's throwaway Keycloak.
     */
    private void setUpOfficers() throws Exception {
        officerOf.put(ONE_UNIT, ONE_UNIT_OFFICER);
        String admin = api.token("admin.tuky");
        for (String unit : TWENTY_UNITS) {
            if (unit.equals(ONE_UNIT)) {
                continue;
            }
            String username = "bench.mc." + unit;
            String body = String.format(
                    "{\"username\":\"%s\",\"email\":\"%s@bench.example.vn\",\"firstName\":\"Bench\",\"lastName\":\"Officer %s\","
                            + "\"unitCode\":\"%s\",\"role\":\"reception_officer\",\"password\":\"%s\",\"temporaryPassword\":false}",
                    username, username, unit, unit, Api.PASSWORD);
            HttpResponse<String> r = api.post("/api/v1/admin/users", admin, body);
            if (r.statusCode() != 201 && r.statusCode() != 409) {
                throw new IOException("creating " + username + ": HTTP " + r.statusCode() + " " + r.body());
            }
            officerOf.put(unit, username);
            api.token(username);
        }
        log(
                "reception officers for %d units ready (%d created through /api/v1/admin/users)",
                officerOf.size(), officerOf.size() - 1);
    }

    /**
     * Tops unit 11077 up to the inbox target (default 100 000) with plain JDBC batch inserts into dossier-service's
     * database, cloning a dossier the API received in this run (Db.seedByClone): the API would take longer than
     * the whole run. Returns the unit's dossier count.
     */
    private long seedInbox() throws Exception {
        long target = Long.parseLong(opt.getOrDefault("inbox-target", smoke ? "200" : "100000"));
        String count = "SELECT COUNT(*) FROM dossier WHERE receiving_unit_code = '" + ONE_UNIT + "'";
        long before = db.scalar("dossier_service", count);
        double[] seeded = db.seedByClone(
                "dossier_service", "dossier", "receiving_unit_code", ONE_UNIT, "state = 'RECEIVED'", target);
        long have = db.scalar("dossier_service", count);
        log(
                "inbox: %d dossiers at %s, %d of them inserted by JDBC in %.1f s",
                have, ONE_UNIT, (long) seeded[0], seeded[1]);
        notes.add(String.format(
                Locale.ROOT,
                "Inbox: unit %s held %d dossiers: %d received through the API in this run, %d cloned from one of them"
                        + " by plain JDBC batch inserts (1000 a commit, %.1f s; reception and due times spread over 60"
                        + " days; no history or feed rows, so the feed catch-up below does not include them).",
                ONE_UNIT,
                have,
                before,
                (long) seeded[0],
                seeded[1]));
        return have;
    }

    /**
     * Stops report-service, drops its database and starts it again through the launcher: its consumer then replays
     * dossier-service's whole feed from seq 0. The rate is the cursor's advance (feed_cursor.last_seq, polled every
     * 50 ms) from its first observed value to the outbox's last seq. Returns {events, seconds, events/s}.
     */
    private double[] feedCatchUp() throws Exception {
        long maxSeq = db.scalar("dossier_service", "SELECT COALESCE(MAX(seq), 0) FROM feed_outbox");
        Path pidFile = varDir.resolve("run/report-service.pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        log(
                "feed: stopping report-service (pid %d), dropping its database, starting it again; outbox max seq %d",
                pid, maxSeq);
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroy();
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        });
        try (var c = db.open(null);
                var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + db.prefix + "report_service`");
        }
        Path restartLog = varDir.resolve("log/bench-report-restart.log");
        Process launcher = new ProcessBuilder(
                        "bash", root.resolve("scripts/platform.sh").toString(), "start")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(restartLog.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        double cap = Double.parseDouble(opt.getOrDefault("feed-seconds", "240"));
        long deadline = System.nanoTime() + (long) (cap * 1e9);
        long firstSeq = -1;
        long firstAt = 0;
        long lastSeq = 0;
        long lastAt = 0;
        while (System.nanoTime() < deadline) {
            long seq;
            try {
                seq = db.scalar("report_service", "SELECT COALESCE(MAX(last_seq), 0) FROM feed_cursor");
            } catch (SQLException notYet) {
                seq = 0;
            }
            long now = System.nanoTime();
            if (seq > 0 && firstSeq < 0) {
                firstSeq = seq;
                firstAt = now;
            }
            if (seq > lastSeq) {
                lastSeq = seq;
                lastAt = now;
            }
            if (seq >= maxSeq) {
                break;
            }
            Thread.sleep(50);
        }
        if (!launcher.waitFor(Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L) + 60, TimeUnit.SECONDS)) {
            launcher.destroy();
            throw new IllegalStateException("platform.sh start did not finish: " + restartLog);
        }
        if (launcher.exitValue() != 0) {
            throw new IllegalStateException(
                    "platform.sh start exited with " + launcher.exitValue() + ": " + restartLog);
        }
        double seconds = (lastAt - firstAt) / 1e9;
        double rate = firstSeq < 0 || lastSeq <= firstSeq || seconds <= 0 ? Double.NaN : (lastSeq - firstSeq) / seconds;
        log(
                "feed: cursor %d -> %d of %d in %.2f s: %.0f events/s%s",
                firstSeq, lastSeq, maxSeq, seconds, rate, lastSeq >= maxSeq ? "" : " (NOT caught up before the cap)");
        if (lastSeq < maxSeq) {
            notes.add("Feed catch-up did not finish within " + cap + " s: the rate covers seq " + firstSeq + " to "
                    + lastSeq + " of " + maxSeq + ".");
        }
        return new double[] {lastSeq - Math.max(firstSeq, 0), seconds, rate};
    }

    static String row(String figure, Load.Result r, String baselineName, Load.Result b) {
        return String.format(
                Locale.ROOT,
                "| %s | %.0f req/s | %.1f | %.1f | %d | %s | %.0f /s | %.1f | %.1f | %.2f |",
                figure,
                r.rate(),
                r.p50Ms(),
                r.p99Ms(),
                r.errors(),
                baselineName,
                b.rate(),
                b.p50Ms(),
                b.p99Ms(),
                b.rate() == 0 ? 0 : r.rate() / b.rate());
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private void writeReport(String started, String loadBefore, String loadAfter, int codes) throws IOException {
        StringBuilder md = new StringBuilder();
        int cores = Runtime.getRuntime().availableProcessors();
        md.append("# MotCua bench")
                .append(smoke ? " (SMOKE: a few requests, figures mean nothing)" : "")
                .append("\n\n");
        md.append("- date (UTC): ").append(started).append("\n");
        md.append("- machine: ")
                .append(cores)
                .append(" cores (availableProcessors), load average 1/5/15 min before ")
                .append(loadBefore)
                .append(", after ")
                .append(loadAfter)
                .append("\n");
        md.append("- commit: ").append(opt.getOrDefault("commit", "unknown")).append("\n");
        md.append(
                "- platform: bench/run.sh, MOTCUA_DB=mysql (MariaDB on 127.0.0.1:3306, throwaway databases), gateway rate limit off, launcher's JVM flags")
                .append(opt.containsKey("jvm") ? " + " + opt.get("jvm") : "")
                .append("\n");
        md.append(String.format(
                Locale.ROOT,
                "- load: %d clients (closed loop, java.net.http, HTTP/1.1) for every scenario, warm-up %.1f s, then %.1f s or %d requests each; before the first, a platform warm-up (receptions over 20 units and reads, %.0f s) so no scenario pays for the JIT alone; the load generator shares the machine\n",
                clients,
                warmup,
                duration,
                maxRequests,
                platformWarmup));
        md.append("- reads (authenticated GET, public lookup) cycle through ")
                .append(codes)
                .append(" dossiers of unit 11077 received in this run; intake spread = round robin over 20 communes,"
                        + " 19 with a reception officer created for the run\n\n");
        md.append(
                "| figure | value | p50 ms | p99 ms | errors | same-run baseline | baseline | p50 ms | p99 ms | ratio |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append("\n"));
        md.append("\n");
        notes.add(
                "Feed catch-up: report-service stopped, its database dropped, started again through the launcher; events/s"
                        + " is feed_cursor.last_seq's advance from its first observed value to the outbox's last seq (polled every 50 ms),"
                        + " so a cold JVM's start-up is excluded but its warm-up is not;"
                        + " the baseline reads the same rows with every column in seq order, 500 per query, one connection.");
        notes.add(
                "RSS: VmRSS from /proc/<pid>/status; idle = 5 s after start-up, before any load; peak = highest sample"
                        + " (every 250 ms) during the HTTP scenarios and the feed catch-up (report-service: its restarted process).");
        notes.forEach(n -> md.append("- ").append(n).append("\n"));
        md.append("\nCPU time per successful request, ms, by process, over each measured window (user + system from"
                + " /proc/PID/stat; the load generator and Keycloak are left out; other load on the machine does not"
                + " count here, unlike in the rates above):\n\n");
        md.append("| scenario | ")
                .append(String.join(" | ", CPU_COLUMNS))
                .append(" | total |\n|---|")
                .append("---|".repeat(CPU_COLUMNS.size() + 1))
                .append("\n");
        cpuRows.forEach(r -> md.append(r).append("\n"));
        String text = md.toString();
        System.out.println();
        System.out.println(text);
        String out = opt.get("out");
        if (out != null) {
            Path p = Path.of(out);
            Files.createDirectories(p.toAbsolutePath().getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            log("wrote %s", p);
        }
    }
}
