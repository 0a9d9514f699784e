package vn.motcua.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import vn.motcua.platform.testing.TestPorts;

/**
 * The whole MotCua platform started from the built jars through {@code scripts/platform.sh}, the launcher that
 * {@code ./motcua up} uses, but on free ports chosen here, in mysql mode with throwaway databases, and with
 * Keycloak and every other piece of state in a temporary directory.
 */
final class Platform {

    /** Every process of the platform but Keycloak; payment-simulator stands in for the external payment provider. */
    static final List<String> SERVICES = List.of(
            "payment-simulator",
            "dossier-service",
            "payment-service",
            "digitization-service",
            "report-service",
            "gateway");
    /** The merchant payment-service is at the simulator (the launcher's default). */
    static final String MERCHANT_ID = "MOTCUA-DEMO";
    /** The web console's public client (authorization code + PKCE) in the demo realm. */
    static final String CONSOLE_CLIENT = "motcua-console";

    /** Deliveries of one notification before the simulator gives up (pauses 1, 2, 4 … 30 s between them). */
    static final int SIMULATOR_IPN_ATTEMPTS = 12;

    private static final String MYSQL_OPTIONS = "characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";

    final Path root;
    final Path work;
    final Path varDir;
    final Path keycloakDir;
    final int keycloakPort;
    final int keycloakManagementPort;
    final int gatewayPort;
    final int simulatorPort;
    /** The provider's signing secret of this run, shared by the simulator and payment-service only. */
    final String providerSecret;

    final String databasePrefix;
    private final String mysqlHost;
    private final int mysqlPort;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::stopQuietly, "motcua-e2e-stop");

    Platform(Path root) throws IOException {
        this.root = root;
        this.work = Files.createTempDirectory("motcua-e2e-");
        this.varDir = work.resolve("var");
        this.keycloakDir = work.resolve("keycloak");
        int[] ports = freePorts(12);
        this.keycloakPort = ports[0];
        this.keycloakManagementPort = ports[1];
        this.gatewayPort = ports[6];
        this.simulatorPort = ports[7];
        this.providerSecret = "e2e-provider-secret-" + UUID.randomUUID();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        this.databasePrefix =
                "motcua_e2e_" + stamp + "_" + UUID.randomUUID().toString().substring(0, 6) + "_";
        String[] hostPort =
                System.getProperty("motcua.it.jdbc.host", "127.0.0.1:3306").split(":");
        this.mysqlHost = hostPort[0];
        this.mysqlPort = hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : 3306;

        env.put("MOTCUA_VAR_DIR", varDir.toString());
        env.put("MOTCUA_KC_DATA_DIR", keycloakDir.toString());
        env.put("MOTCUA_KC_PORT", String.valueOf(keycloakPort));
        env.put("MOTCUA_KC_MGMT_PORT", String.valueOf(keycloakManagementPort));
        env.put("MOTCUA_DOSSIER_PORT", String.valueOf(ports[2]));
        env.put("MOTCUA_PAYMENT_PORT", String.valueOf(ports[3]));
        env.put("MOTCUA_DIGITIZATION_PORT", String.valueOf(ports[4]));
        env.put("MOTCUA_REPORT_PORT", String.valueOf(ports[5]));
        env.put("MOTCUA_GATEWAY_PORT", String.valueOf(gatewayPort));
        env.put("MOTCUA_PAYMENT_SIMULATOR_PORT", String.valueOf(simulatorPort));
        // each gRPC service's /prometheus: ports of this run, so that platforms started side by side never race
        // for the launcher's defaults (9091...)
        env.put("MOTCUA_DOSSIER_MANAGEMENT_PORT", String.valueOf(ports[8]));
        env.put("MOTCUA_PAYMENT_MANAGEMENT_PORT", String.valueOf(ports[9]));
        env.put("MOTCUA_DIGITIZATION_MANAGEMENT_PORT", String.valueOf(ports[10]));
        env.put("MOTCUA_REPORT_MANAGEMENT_PORT", String.valueOf(ports[11]));
        env.put("MOTCUA_PAYMENT_PROVIDER_SECRET", providerSecret);
        env.put("MOTCUA_PAYMENT_PROVIDER_MERCHANT_ID", MERCHANT_ID);
        // the simulator's notification keeps being delivered for about 3.5 minutes (default 8 attempts, about 1.5):
        // PaymentCallbackSurvivesKillIT restarts payment-service in between, which takes longer on a busy machine
        env.put("MOTCUA_PAYMENT_SIMULATOR_IPN_ATTEMPTS", String.valueOf(SIMULATOR_IPN_ATTEMPTS));
        env.put("MOTCUA_DB", "mysql");
        env.put("MOTCUA_MYSQL_HOST", mysqlHost);
        env.put("MOTCUA_MYSQL_PORT", String.valueOf(mysqlPort));
        env.put("MOTCUA_MYSQL_USER", "root");
        env.put("MOTCUA_MYSQL_PASSWORD", mysqlPassword());
        env.put("MOTCUA_MYSQL_DB_PREFIX", databasePrefix);
        // digitization-service trusts this run's throwaway CA only (motcua.digitization.signature.trusted-roots): the
        // system tests sign results and certified copies with signers it issues (TrustedSigning)
        env.put(
                "MOTCUA_DIGITIZATION_SIGNATURE_TRUSTED_ROOTS",
                TrustedSigning.writeRoot(work.resolve("trust")).toString());
        // the realm file is the one ./motcua up imports: platform.sh admits this run's console port on the running
        // realm (keycloak.sh admit-console), so the browser tests log in the way any other port does
    }

    /**
     * The port a process of {@link #SERVICES} listens on in this run (gRPC for services, HTTP for the gateway and the
     * payment simulator).
     */
    int port(String service) {
        if (service.equals("gateway")) {
            return gatewayPort;
        }
        if (service.equals("payment-simulator")) {
            return simulatorPort;
        }
        String name = service.substring(0, service.indexOf('-')).toUpperCase(java.util.Locale.ROOT);
        return Integer.parseInt(env.get("MOTCUA_" + name + "_PORT"));
    }

    /**
     * Where a running gRPC service or the gateway serves {@code /prometheus} (and the gateway its health): the
     * management port the launcher gave it (its {@code run/<service>.management-port} file).
     */
    int managementPort(String service) throws IOException {
        Path file = varDir.resolve("run").resolve(service + ".management-port");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(service + " has no management port (is it running?): " + file);
        }
        return Integer.parseInt(Files.readString(file).strip());
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    /** The payment provider simulator (docs/payment-provider-protocol.md); its knobs answer loopback only. */
    String simulatorUrl() {
        return "http://127.0.0.1:" + simulatorPort;
    }

    String tokenUrl() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    /** The realm's issuer URL, also the base of its OpenID Connect endpoints. */
    String realmUrl() {
        return "http://127.0.0.1:" + keycloakPort + "/realms/motcua";
    }

    /** Runs {@code platform.sh start}; its output goes to the console and to work/platform-start.log. */
    void start() throws IOException, InterruptedException {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        System.out.printf(
                "[e2e] starting MotCua in %s (gateway %d, Keycloak %d/%d, payment simulator %d, database prefix %s)%n",
                work, gatewayPort, keycloakPort, keycloakManagementPort, simulatorPort, databasePrefix);
        int rc = script(work.resolve("platform-start.log"), 20, "start");
        if (rc != 0) {
            throw new IllegalStateException("scripts/platform.sh start exited with " + rc + " (output in "
                    + work.resolve("platform-start.log") + ", logs in " + varDir.resolve("log") + ")");
        }
    }

    /**
     * Starts one process of {@link #SERVICES} again ({@code platform.sh start SERVICE}) with the settings of the
     * first start, and waits until it is healthy; nothing happens to one that runs.
     */
    void startService(String service) throws IOException, InterruptedException {
        startService(service, Map.of());
    }

    /**
     * {@link #startService(String)} with {@code extra} settings for this start only (e.g. a drill's clock offset): the
     * launcher passes its environment on to the process it starts, and later starts are without them again. Stop the
     * service first ({@link #stopService}): one that runs is left as it is.
     */
    void startService(String service, Map<String, String> extra) throws IOException, InterruptedException {
        int rc = run(work.resolve("platform-start-" + service + ".log"), 5, extra, "platform.sh", "start", service);
        if (rc != 0) {
            throw new IllegalStateException("scripts/platform.sh start " + service + " exited with " + rc + " (log in "
                    + varDir.resolve("log").resolve(service + ".log") + ")");
        }
    }

    /**
     * Sets a launcher or service setting (an environment variable of every later platform.sh call, passed on to the
     * processes it starts): call before {@link #start()}.
     */
    void setting(String name, String value) {
        env.put(name, value);
    }

    /**
     * Starts instance {@code service@n} (n from 2) of a gRPC service beside the first, on the same database with the
     * same settings and its own gRPC {@code port} ({@code platform.sh start-replica}), and waits until it is healthy.
     * {@link #process} finds it as {@code service@n}.
     */
    void startReplica(String service, int n, int port) throws IOException, InterruptedException {
        String instance = service + "@" + n;
        int rc = script(
                work.resolve("platform-start-" + instance + ".log"),
                5,
                "start-replica",
                service,
                String.valueOf(n),
                String.valueOf(port));
        if (rc != 0) {
            throw new IllegalStateException("scripts/platform.sh start-replica " + service + " " + n + " exited with "
                    + rc + " (log in " + varDir.resolve("log").resolve(instance + ".log") + ")");
        }
    }

    /** The process id of a running service of {@link #SERVICES} (the launcher's pid file), if it runs. */
    Optional<ProcessHandle> process(String service) throws IOException {
        Path pidFile = varDir.resolve("run").resolve(service + ".pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                .filter(ProcessHandle::isAlive);
    }

    /**
     * The throwaway database of a service in this run (the launcher's MOTCUA_MYSQL_DB_PREFIX naming), the restored
     * one after {@link #useDatabasePrefix}.
     */
    String database(String service) {
        return env.get("MOTCUA_MYSQL_DB_PREFIX") + service.replace('-', '_');
    }

    /**
     * Processes started from now on use the databases named {@code prefix} + service (e.g. a backup restored by
     * scripts/restore.sh --prefix). The prefix must start with this run's, so that {@link #stop} drops them too.
     */
    void useDatabasePrefix(String prefix) {
        if (!prefix.startsWith(databasePrefix) || !prefix.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException(
                    "database prefix " + prefix + " must start with this run's " + databasePrefix);
        }
        env.put("MOTCUA_MYSQL_DB_PREFIX", prefix);
    }

    /**
     * Stops one process of {@link #SERVICES} the way {@code platform.sh stop} does (TERM, up to 30 s, then KILL) and
     * waits until it is gone; Keycloak and the others keep running.
     */
    void stopService(String service) throws InterruptedException {
        Optional<ProcessHandle> running;
        try {
            running = process(service);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the pid file of " + service, e);
        }
        if (running.isEmpty()) {
            return;
        }
        ProcessHandle process = running.get();
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.out.println("[e2e] " + service + " still alive 30 s after TERM: KILL");
            process.destroyForcibly();
            process.onExit().join();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("waiting for " + service + " to stop", e);
        }
    }

    /**
     * Runs {@code platform.sh start} again after {@link #start}: starts every process that is not running (with
     * the settings of now, e.g. {@link #useDatabasePrefix}), keeps the ones that run, waits until all are healthy.
     */
    void startStopped() throws IOException, InterruptedException {
        int rc = script(work.resolve("platform-restart.log"), 20, "start");
        if (rc != 0) {
            throw new IllegalStateException("scripts/platform.sh start (again) exited with " + rc + " (output in "
                    + work.resolve("platform-restart.log") + ", logs in " + varDir.resolve("log") + ")");
        }
    }

    /**
     * Runs another script under scripts/ (backup.sh, restore.sh) with this run's database settings
     * (MOTCUA_MYSQL_HOST/PORT/USER/PASSWORD, MOTCUA_MYSQL_DB_PREFIX); its output goes to the console and to
     * {@code output}. Answers the exit code.
     */
    int runScript(Path output, int timeoutMinutes, String script, String... arguments)
            throws IOException, InterruptedException {
        return run(output, timeoutMinutes, script, arguments);
    }

    /** Stops every process, drops the throwaway databases. Safe to call twice. */
    void stop() throws IOException, InterruptedException {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            int rc = script(work.resolve("platform-stop.log"), 5, "stop");
            if (rc != 0) {
                System.out.println("[e2e] scripts/platform.sh stop exited with " + rc);
            }
        } finally {
            dropDatabases();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // called from the hook itself
            }
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (Exception e) {
            System.out.println("[e2e] stopping MotCua failed: " + e);
        }
    }

    private int script(Path output, int timeoutMinutes, String... arguments) throws IOException, InterruptedException {
        return run(output, timeoutMinutes, "platform.sh", arguments);
    }

    private int run(Path output, int timeoutMinutes, String script, String... arguments)
            throws IOException, InterruptedException {
        return run(output, timeoutMinutes, Map.of(), script, arguments);
    }

    private int run(Path output, int timeoutMinutes, Map<String, String> extra, String script, String... arguments)
            throws IOException, InterruptedException {
        String command = String.join(" ", arguments);
        List<String> commandLine = new ArrayList<>(
                List.of("bash", root.resolve("scripts").resolve(script).toString()));
        commandLine.addAll(List.of(arguments));
        ProcessBuilder pb = new ProcessBuilder(commandLine)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().remove("MOTCUA_MYSQL_DATABASE");
        pb.environment().remove("MICRONAUT_ENVIRONMENTS");
        pb.environment().putAll(env);
        pb.environment().putAll(extra);
        Process process = pb.start();
        Thread pump = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                            PrintWriter out =
                                    new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            System.out.println("[" + script + " " + command + "] " + line);
                            out.println(line);
                            out.flush();
                        }
                    } catch (IOException e) {
                        System.out.println("[e2e] lost the output of " + script + " " + command + ": " + e);
                    }
                },
                script + "-" + command);
        pump.setDaemon(true);
        pump.start();
        if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            System.out.println(
                    "[e2e] " + script + " " + command + " still running after " + timeoutMinutes + " min: killing it");
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            pump.join(5_000);
            return 124;
        }
        pump.join(10_000);
        return process.exitValue();
    }

    /** A connection to the MySQL-compatible server the services use (no database selected): for checks in tests. */
    Connection openDatabaseServer() throws SQLException {
        String url = "jdbc:mysql://" + mysqlHost + ":" + mysqlPort + "/?" + MYSQL_OPTIONS;
        return DriverManager.getConnection(url, "root", mysqlPassword());
    }

    private void dropDatabases() {
        try (Connection c = openDatabaseServer();
                Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SHOW DATABASES")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (name.startsWith(databasePrefix)) {
                        names.add(name);
                    }
                }
            }
            for (String name : names) {
                s.execute("DROP DATABASE `" + name + "`");
            }
            System.out.println("[e2e] dropped databases " + names);
        } catch (SQLException e) {
            System.out.println("[e2e] could not drop the databases " + databasePrefix + "*: " + e);
        }
    }

    /** The repository root ({@code motcua.root}, default the parent directory), once every process's jar is built. */
    static Path builtRoot() {
        Path root = Path.of(System.getProperty("motcua.root", ".."))
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(root.resolve("scripts/platform.sh"))) {
            throw new IllegalStateException("no launcher scripts/platform.sh under motcua.root " + root);
        }
        for (String service : SERVICES) {
            Path jar = root.resolve(service).resolve("target").resolve(service + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is not built (./mvnw -DskipTests package)");
            }
        }
        return root;
    }

    /** Where to look after a failure: the paths, and the end of every log. */
    void printLogs() {
        Path logs = varDir.resolve("log");
        System.out.println("[e2e] FAILED: logs are in " + logs + " (Keycloak: " + keycloakDir.resolve("keycloak.log")
                + "), launcher output in " + work.resolve("platform-start.log"));
        List<Path> files = new ArrayList<>();
        SERVICES.forEach(s -> files.add(logs.resolve(s + ".log")));
        files.add(keycloakDir.resolve("keycloak.log"));
        files.forEach(Platform::printTail);
    }

    /** The last 40 lines of a log file, if it exists. */
    static void printTail(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> all = lines.toList();
            System.out.println("----- " + file + " (last 40 of " + all.size() + " lines) -----");
            all.subList(Math.max(0, all.size() - 40), all.size()).forEach(System.out::println);
        } catch (IOException | java.io.UncheckedIOException e) {
            System.out.println("----- " + file + ": unreadable (" + e + ")");
        }
    }

    void deleteWorkDir() {
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("[e2e] could not delete " + work + ": " + e);
        }
    }

    private static String mysqlPassword() {
        String value = System.getenv("MOTCUA_IT_DB_PASSWORD");
        return value == null ? "" : value;
    }

    /** Distinct free TCP ports, outside the kernel's ephemeral range (see {@link TestPorts}). */
    static int[] freePorts(int count) {
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(TestPorts.free());
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}
