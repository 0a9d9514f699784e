package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a backup taken with scripts/backup.sh while officers keep receiving dossiers through the gateway,
 * restored with scripts/restore.sh into fresh databases, and the platform started on those: every dossier the gateway
 * acknowledged (201) before the backup started is served again, and the feed consumers neither apply an event twice
 * nor skip one (report-service's facts and counters equal dossier-service's dossiers).
 *
 * <p>Its own platform, not the shared one: it stops the services, drops their databases and starts them again on the
 * restored ones. Keycloak and the payment simulator keep running (they hold no data of the services).
 */
class BackupUnderLoadIT extends SystemTest {

    /** The receiving officers of the load, one commune each: each thread stays under its user's rate limit. */
    private static final List<Officer> OFFICERS =
            List.of(new Officer("mc.ngocson", "11077"), new Officer("mc.kyson", "11080"));
    /** Two client threads per officer. */
    private static final int THREADS_PER_OFFICER = 2;
    /** Dossiers acknowledged before the backup starts (the load keeps running through the backup and after it). */
    private static final int BEFORE_BACKUP = 300;
    /** Dossiers acknowledged after the backup finished, before the load stops. */
    private static final int AFTER_BACKUP = 30;
    /** How long report-service may take to catch up with the restored feeds. */
    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    /** Where the restored databases go: this run's prefix + this, so Platform.stop drops them. */
    private static final String RESTORED = "r_";

    private record Officer(String username, String unit) {}

    /** A dossier the gateway answered 201 for, and when the client had that answer. */
    private record Acknowledged(String code, String applicant, Officer officer, Instant at) {}

    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicBoolean loadRunning = new AtomicBoolean(true);
    private boolean failed = true;

    /** Replaces the shared platform: this class needs one it may stop and start on other databases. */
    @Override
    @BeforeAll
    void startPlatform() throws Exception {
        Path root = Platform.builtRoot();
        platform = new Platform(root);
        try {
            platform.start();
        } catch (Throwable e) {
            platform.printLogs();
            platform.stop();
            throw e;
        }
    }

    @AfterAll
    void stopPlatform() throws Exception {
        loadRunning.set(false);
        if (platform == null) {
            return;
        }
        if (failed) {
            platform.printLogs();
        }
        platform.stop();
        if (failed) {
            System.out.println("[e2e] kept " + platform.work + " for inspection (the backup is in "
                    + platform.work.resolve("backup") + ")");
        } else {
            platform.deleteWorkDir();
        }
    }

    /** The load's threads share the token cache. */
    @Override
    protected synchronized String token(String username) throws IOException, InterruptedException {
        return super.token(username);
    }

    @Test
    void aBackupTakenUnderIntakeLoadRestoresIntoFreshDatabasesThatServeEveryAcknowledgedDossier() throws Exception {
        for (Officer officer : OFFICERS) {
            token(officer.username());
        }
        List<Thread> load = startLoad();
        awaitAcknowledged(BEFORE_BACKUP);

        // the backup, while the officers keep receiving
        Path backup = platform.work.resolve("backup");
        Instant backupStarted = Instant.now();
        int acknowledgedAtStart = acknowledged.size();
        int backupExit =
                platform.runScript(platform.work.resolve("backup.log"), 10, "backup.sh", "--out", backup.toString());
        Instant backupFinished = Instant.now();
        int acknowledgedAtEnd = acknowledged.size();
        assertThat(backupExit)
                .as("scripts/backup.sh exit code (output in %s)", platform.work.resolve("backup.log"))
                .isZero();
        awaitAcknowledged(acknowledgedAtEnd + AFTER_BACKUP);
        loadRunning.set(false);
        for (Thread thread : load) {
            thread.join(Duration.ofMinutes(2).toMillis());
        }
        List<Acknowledged> beforeBackup = acknowledged.stream()
                .filter(a -> a.at().isBefore(backupStarted))
                .toList();
        assertThat(refused)
                .as("the intake itself refused nothing (throttled and retried: %d)", throttled.get())
                .isEmpty();
        assertThat(beforeBackup)
                .as("dossiers acknowledged before the backup started")
                .hasSizeGreaterThanOrEqualTo(BEFORE_BACKUP);
        assertThat(acknowledged.size())
                .as("the load ran on after the backup: it was taken under load")
                .isGreaterThan(acknowledgedAtEnd);

        // the platform loses its databases; the backup goes into fresh ones
        for (String service :
                List.of("gateway", "report-service", "digitization-service", "payment-service", "dossier-service")) {
            platform.stopService(service);
        }
        List<String> originals = dropServiceDatabases();
        refusesATamperedBackupWritingNothing(backup);
        String restoredPrefix = platform.databasePrefix + RESTORED;
        Instant restoreStarted = Instant.now();
        int restoreExit = platform.runScript(
                platform.work.resolve("restore.log"), 10, "restore.sh", backup.toString(), "--prefix", restoredPrefix);
        Instant restoreFinished = Instant.now();
        assertThat(restoreExit)
                .as("scripts/restore.sh exit code (output in %s)", platform.work.resolve("restore.log"))
                .isZero();
        assertThat(platform.runScript(
                        platform.work.resolve("restore-again.log"),
                        10,
                        "restore.sh",
                        backup.toString(),
                        "--prefix",
                        restoredPrefix))
                .as("restore.sh into databases that exist (they now do) is refused")
                .isNotZero();

        platform.useDatabasePrefix(restoredPrefix);
        String dossierDb = platform.database("dossier-service");
        String reportDb = platform.database("report-service");
        Set<String> restoredCodes = codesIn(dossierDb);
        Map<String, long[]> cursorsAndHeads = cursorsAgainstHeads(reportDb);
        System.out.printf(
                "[e2e] backup: %d dossiers acknowledged before it started, %d while it ran (%d ms), %d after;"
                        + " %d dossiers in it; restore %d ms; dropped %s%n",
                beforeBackup.size(),
                acknowledgedAtEnd - acknowledgedAtStart,
                Duration.between(backupStarted, backupFinished).toMillis(),
                acknowledged.size() - acknowledgedAtEnd,
                restoredCodes.size(),
                Duration.between(restoreStarted, restoreFinished).toMillis(),
                originals);
        cursorsAndHeads.forEach((source, cursorHead) -> assertThat(cursorHead[0])
                .as(
                        "report-service's cursor on %s (%d) is not ahead of that feed's head (%d) in the backup: one"
                                + " snapshot",
                        source, cursorHead[0], cursorHead[1])
                .isLessThanOrEqualTo(cursorHead[1]));
        assertThat(restoredCodes)
                .as("the backup holds every dossier acknowledged before it started")
                .containsAll(beforeBackup.stream().map(Acknowledged::code).toList());

        // the platform on the restored databases
        platform.startStopped();
        List<String> wrong = new ArrayList<>();
        for (Acknowledged dossier : beforeBackup) {
            HttpResponse<String> read = getWithinRateLimit(
                    "/api/v1/dossiers/" + dossier.code(), dossier.officer().username());
            if (read.statusCode() != 200) {
                wrong.add(describe(read));
                continue;
            }
            JsonNode body = json.readTree(read.body());
            if (!body.path("code").asText().equals(dossier.code())
                    || !body.path("applicant").path("fullName").asText().equals(dossier.applicant())) {
                wrong.add(dossier + " read back as " + read.body());
            }
        }
        assertThat(wrong)
                .as("dossiers acknowledged before the backup that the restored platform does not serve as received")
                .isEmpty();

        // a new reception on the restored platform gets a code of its own: the counters came back with the dossiers
        Acknowledged fresh = receive(OFFICERS.get(0)).orElseThrow();
        assertThat(restoredCodes).as("a code issued after the restore").doesNotContain(fresh.code());
        int expected = restoredCodes.size() + 1;

        // report-service follows the restored feeds from its restored cursors: each reception counted once
        Map<String, Long> report = awaitReportCounts(reportDb, dossierDb, expected);
        System.out.printf("[e2e] restored platform: %s%n", report);
        assertThat(report)
                .as("report-service's projection of %d dossiers, neither re-applied nor skipped", expected)
                .containsEntry("dossier facts", (long) expected)
                .containsEntry("distinct dossier codes", (long) expected)
                .containsEntry("receptions counted by day", (long) expected)
                .containsEntry("dossiers in dossier-service", (long) expected);
        failed = false;
    }

    // --- the load ---------------------------------------------------------------------------------------------------

    private List<Thread> startLoad() {
        List<Thread> threads = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(OFFICERS.size() * THREADS_PER_OFFICER);
        for (Officer officer : OFFICERS) {
            for (int i = 0; i < THREADS_PER_OFFICER; i++) {
                Thread thread = new Thread(
                        () -> {
                            started.countDown();
                            while (loadRunning.get()) {
                                try {
                                    receive(officer).ifPresent(acknowledged::add);
                                } catch (IOException e) {
                                    refused.add(officer.username() + ": " + e);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    return;
                                }
                            }
                        },
                        "intake-" + officer.username() + "-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }
        return threads;
    }

    /** One reception at the counter; empty when the gateway throttled it (429, retried by the caller's loop). */
    private Optional<Acknowledged> receive(Officer officer) throws IOException, InterruptedException {
        String applicant = "Trần Thị Sao Lưu " + sequence.incrementAndGet();
        HttpResponse<String> response = post("/api/v1/dossiers", """
                {"procedureCode":"1.001193",
                 "applicant":{"fullName":"%s","citizenId":"030090001234","phone":"0912345678",
                              "address":"Thôn Đông, xã Ngọc Sơn"},
                 "channel":"COUNTER"}""".formatted(applicant), officer.username());
        Instant at = Instant.now();
        if (response.statusCode() == 429) {
            throttled.incrementAndGet();
            Thread.sleep(200);
            return Optional.empty();
        }
        if (response.statusCode() != 201) {
            refused.add(describe(response));
            Thread.sleep(200);
            return Optional.empty();
        }
        String code = json.readTree(response.body()).path("code").asText();
        return Optional.of(new Acknowledged(code, applicant, officer, at));
    }

    /**
     * A GET that waits out the gateway's rate limit (429, retry after about a second): reading back every dossier
     * of the load as one officer runs past the per-user limit, which is not what this test is about.
     */
    private HttpResponse<String> getWithinRateLimit(String path, String user) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path, user);
        for (int attempt = 0; response.statusCode() == 429 && attempt < 30; attempt++) {
            Thread.sleep(1_000);
            response = get(path, user);
        }
        return response;
    }

    private void awaitAcknowledged(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (acknowledged.size() < count) {
            assertThat(refused)
                    .as("receptions refused while waiting for %d acknowledged", count)
                    .isEmpty();
            assertThat(Instant.now())
                    .as("%d dossiers acknowledged within 5 minutes (have %d)", count, acknowledged.size())
                    .isBefore(deadline);
            Thread.sleep(200);
        }
    }

    // --- the databases ----------------------------------------------------------------------------------------------

    /**
     * A copy of the backup with one byte of one file changed: restore.sh must refuse it before it creates any
     * database (the other files are intact, so a script that loaded file by file would have written some).
     */
    private void refusesATamperedBackupWritingNothing(Path backup) throws Exception {
        Path tampered = platform.work.resolve("backup-tampered");
        Files.createDirectories(tampered);
        try (var files = Files.list(backup)) {
            for (Path file : files.toList()) {
                Files.copy(file, tampered.resolve(file.getFileName()));
            }
        }
        Path report = tampered.resolve("report-service.sql.gz");
        byte[] bytes = Files.readAllBytes(report);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(report, bytes);
        String prefix = platform.databasePrefix + "t_";
        int exit = platform.runScript(
                platform.work.resolve("restore-tampered.log"),
                10,
                "restore.sh",
                tampered.toString(),
                "--prefix",
                prefix);
        assertThat(exit).as("restore.sh of a tampered backup").isNotZero();
        try (Connection c = platform.openDatabaseServer();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW DATABASES LIKE '" + prefix + "%'")) {
            assertThat(rs.next())
                    .as("a database written by the refused restore (%s...)", prefix)
                    .isFalse();
        }
    }

    /** Drops the databases the services ran on (this run's prefix, not yet the restored one): they are lost. */
    private List<String> dropServiceDatabases() throws SQLException {
        List<String> dropped = new ArrayList<>();
        try (Connection c = platform.openDatabaseServer();
                Statement s = c.createStatement()) {
            for (String service : List.of(
                    "dossier-service", "payment-service", "digitization-service", "report-service", "gateway")) {
                String name = platform.database(service);
                try (ResultSet rs = s.executeQuery("SHOW DATABASES LIKE '" + name + "'")) {
                    if (!rs.next()) {
                        continue;
                    }
                }
                s.execute("DROP DATABASE `" + name + "`");
                dropped.add(name);
            }
        }
        return dropped;
    }

    private Set<String> codesIn(String dossierDb) throws SQLException {
        Set<String> codes = new HashSet<>();
        try (Connection c = platform.openDatabaseServer();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT code FROM `" + dossierDb + "`.dossier")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    /**
     * Per feed report-service follows: its cursor in report-service's database and the head of that feed in the
     * producer's database, both as restored.
     */
    private Map<String, long[]> cursorsAgainstHeads(String reportDb) throws SQLException {
        Map<String, long[]> result = new LinkedHashMap<>();
        try (Connection c = platform.openDatabaseServer();
                Statement s = c.createStatement()) {
            Map<String, Long> cursors = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT source, last_seq FROM `" + reportDb + "`.feed_cursor")) {
                while (rs.next()) {
                    cursors.put(rs.getString(1), rs.getLong(2));
                }
            }
            for (Map.Entry<String, Long> cursor : cursors.entrySet()) {
                String producer = producerOf(cursor.getKey());
                try (ResultSet rs = s.executeQuery(
                        "SELECT last_seq FROM `" + platform.database(producer) + "`.feed_counter WHERE id = 1")) {
                    assertThat(rs.next()).as("feed_counter of %s", producer).isTrue();
                    result.put(cursor.getKey(), new long[] {cursor.getValue(), rs.getLong(1)});
                }
            }
        }
        assertThat(result).as("report-service's cursors in the backup").isNotEmpty();
        return result;
    }

    private static String producerOf(String source) {
        for (String producer : List.of("dossier-service", "payment-service", "digitization-service")) {
            if (source.startsWith(producer.substring(0, producer.indexOf('-')))) {
                return producer;
            }
        }
        throw new AssertionError("report-service follows a feed of no known producer: " + source);
    }

    /**
     * Waits until report-service has projected {@code expected} dossiers (or the time is up), a moment more (an event
     * applied twice would then show as a count above the expected one), and answers what it counts.
     */
    private Map<String, Long> awaitReportCounts(String reportDb, String dossierDb, int expected)
            throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(CATCH_UP);
        Map<String, Long> counts = reportCounts(reportDb, dossierDb);
        while (Instant.now().isBefore(deadline)
                && (counts.get("dossier facts") < expected || counts.get("receptions counted by day") < expected)) {
            Thread.sleep(1_000);
            counts = reportCounts(reportDb, dossierDb);
        }
        Thread.sleep(3_000);
        return reportCounts(reportDb, dossierDb);
    }

    /** report-service's facts, distinct codes and receptions in the daily counters; dossier-service's own count. */
    private Map<String, Long> reportCounts(String reportDb, String dossierDb) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = platform.openDatabaseServer();
                Statement s = c.createStatement()) {
            counts.put("dossier facts", single(s, "SELECT COUNT(*) FROM `" + reportDb + "`.dossier_fact"));
            counts.put(
                    "distinct dossier codes",
                    single(s, "SELECT COUNT(DISTINCT code) FROM `" + reportDb + "`.dossier_fact"));
            counts.put(
                    "receptions counted by day",
                    single(
                            s,
                            "SELECT COALESCE(SUM(received_online + received_counter + received_postal), 0) FROM `"
                                    + reportDb + "`.stat_day"));
            counts.put("dossiers in dossier-service", single(s, "SELECT COUNT(*) FROM `" + dossierDb + "`.dossier"));
        }
        return counts;
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
