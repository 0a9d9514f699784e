package vn.motcua.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The MariaDB server the platform runs on (loopback only): the JDBC baseline and read-only probes. */
final class Db {

    private static final String OPTIONS =
            "characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true&connectionTimeZone=UTC";

    private final String hostPort;
    private final String user;
    private final String password;
    final String prefix;

    Db(String hostPort, String user, String password, String prefix) {
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.lastIndexOf(':')) : hostPort;
        if (!Api.LOOPBACK.contains(host)) {
            throw new IllegalArgumentException("refusing a non-loopback database server: " + hostPort);
        }
        if (!prefix.matches("[a-z0-9_]{4,48}")) {
            throw new IllegalArgumentException("database prefix must be [a-z0-9_]{4,48}: " + prefix);
        }
        this.hostPort = hostPort;
        this.user = user;
        this.password = password;
        this.prefix = prefix;
    }

    /** A connection to the database of this run named suffix (prefix + suffix), or to the server when null. */
    Connection open(String suffix) throws SQLException {
        String db = suffix == null ? "" : prefix + suffix;
        return DriverManager.getConnection("jdbc:mysql://" + hostPort + "/" + db + "?" + OPTIONS, user, password);
    }

    long scalar(String suffix, String sql) throws SQLException {
        try (Connection c = open(suffix);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * The baseline for intake: a throwaway database and table, one dossier-sized row (about the columns and sizes
     * of dossier-service's dossier row) inserted and committed per transaction, one connection per client.
     */
    final class SingleRowCommits implements AutoCloseable {
        private final List<Connection> connections = new ArrayList<>();
        private final List<PreparedStatement> inserts = new ArrayList<>();
        private final AtomicLong next = new AtomicLong();

        SingleRowCommits(int clients) throws SQLException {
            try (Connection c = open(null);
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE IF NOT EXISTS `" + prefix + "jdbc_baseline` DEFAULT CHARSET utf8mb4");
            }
            try (Connection c = open("jdbc_baseline");
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS dossier_row");
                s.execute("CREATE TABLE dossier_row (code VARCHAR(64) NOT NULL PRIMARY KEY,"
                        + " procedure_code VARCHAR(40) NOT NULL, procedure_name VARCHAR(500) NOT NULL,"
                        + " receiving_unit_code VARCHAR(32) NOT NULL, state VARCHAR(32) NOT NULL,"
                        + " channel VARCHAR(16) NOT NULL, applicant_name VARCHAR(200) NOT NULL,"
                        + " applicant_citizen_id CHAR(12), applicant_phone VARCHAR(20),"
                        + " applicant_email VARCHAR(254), applicant_address VARCHAR(500), lookup_key VARCHAR(64),"
                        + " received_at DATETIME(6), due_at DATETIME(6), created_at DATETIME(6) NOT NULL,"
                        + " INDEX ix_receiving (receiving_unit_code, received_at)) DEFAULT CHARSET = utf8mb4");
            }
            for (int i = 0; i < clients; i++) {
                Connection c = open("jdbc_baseline");
                c.setAutoCommit(true);
                connections.add(c);
                inserts.add(c.prepareStatement("INSERT INTO dossier_row VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
            }
        }

        /** One row, one commit (autocommit). */
        boolean insert(int client) throws SQLException {
            long n = next.incrementAndGet();
            Timestamp now = Timestamp.from(Instant.now());
            PreparedStatement p = inserts.get(client);
            p.setString(1, "000.02.24.H30-BENCH-" + n);
            p.setString(2, "1.001193");
            p.setString(3, "Đăng ký khai sinh");
            p.setString(4, "11077");
            p.setString(5, "RECEIVED");
            p.setString(6, "COUNTER");
            p.setString(7, "Nguyễn Văn An");
            p.setString(8, "030090001234");
            p.setString(9, "0912345678");
            p.setString(10, "an@example.vn");
            p.setString(11, "Thôn Đông, xã Ngọc Sơn, huyện Tứ Kỳ, tỉnh Hải Dương");
            p.setString(12, "K" + Long.toHexString(n * 0x9E3779B97F4A7C15L));
            p.setTimestamp(13, now);
            p.setTimestamp(14, now);
            p.setTimestamp(15, now);
            return p.executeUpdate() == 1;
        }

        @Override
        public void close() {
            for (Connection c : connections) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing
                }
            }
        }
    }

    /**
     * Tops {@code table} (dossier-service's {@code dossier}) up to {@code target} rows of {@code unit} with plain JDBC
     * batch inserts (1000 rows a batch and a commit, rewriteBatchedStatements), cloning one row the API wrote: every
     * column as the service stored it, except a new code and lookup key, and reception and due times spread over
     * the past 60 days so the inbox's sort has real work. No history, no feed event: only the inbox reads these.
     * Returns {rows inserted, seconds}.
     */
    double[] seedByClone(String suffix, String table, String unitColumn, String unit, String templateWhere, long target)
            throws SQLException {
        long start = System.nanoTime();
        long inserted = 0;
        try (Connection c = DriverManager.getConnection(
                "jdbc:mysql://" + hostPort + "/" + prefix + suffix + "?" + OPTIONS + "&rewriteBatchedStatements=true",
                user,
                password)) {
            long have;
            try (PreparedStatement count =
                    c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + unitColumn + " = ?")) {
                count.setString(1, unit);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    have = rs.getLong(1);
                }
            }
            if (have >= target) {
                return new double[] {0, 0};
            }
            List<String> columns = new ArrayList<>();
            List<Object> template = new ArrayList<>();
            try (PreparedStatement one = c.prepareStatement(
                    "SELECT * FROM " + table + " WHERE " + unitColumn + " = ? AND (" + templateWhere + ") LIMIT 1")) {
                one.setString(1, unit);
                try (ResultSet rs = one.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no " + table + " row of unit " + unit + " to clone");
                    }
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        columns.add(rs.getMetaData().getColumnLabel(i));
                        template.add(rs.getObject(i));
                    }
                }
            }
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
            c.setAutoCommit(false);
            // a run-unique prefix: a second seeding of the same database never meets its own codes
            String runTag = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36)
                    .toUpperCase();
            Instant now = Instant.now();
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (long n = 0; n < target - have; n++) {
                    Instant received = now.minusSeconds(60 + (n * 7919) % (60L * 24 * 3600));
                    for (int i = 0; i < columns.size(); i++) {
                        String col = columns.get(i).toLowerCase(java.util.Locale.ROOT);
                        Object value = switch (col) {
                            case "code" -> "BENCH-" + runTag + "-" + n;
                            // unique as well (ux_dossier_legal_code, dossier-service V7); null stays null
                            case "legal_code" -> template.get(i) == null ? null : "BENCH-L-" + runTag + "-" + n;
                            case "lookup_key" -> String.format("%08X", (n * 0x9E3779B1L) & 0xFFFFFFFFL);
                            case "received_at", "created_at", "updated_at" -> text(received);
                            case "due_at", "original_due_at" -> text(received.plusSeconds(10L * 24 * 3600));
                            default -> template.get(i);
                        };
                        insert.setObject(i + 1, value);
                    }
                    insert.addBatch();
                    if ((n + 1) % 1000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                    inserted++;
                }
                insert.executeBatch();
                c.commit();
            }
        }
        return new double[] {inserted, (System.nanoTime() - start) / 1e9};
    }

    /** An instant as DATETIME(6) text in UTC (the services' UtcTimestamps; the driver would drop microseconds). */
    private static String text(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
                .withZone(java.time.ZoneOffset.UTC)
                .format(instant);
    }

    /** Drops the baseline's throwaway database (the platform's databases are dropped by run.sh). */
    void dropBaseline() {
        try (Connection c = open(null);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + prefix + "jdbc_baseline`");
        } catch (SQLException e) {
            System.out.println("[bench] could not drop " + prefix + "jdbc_baseline: " + e);
        }
    }

    /**
     * Reads dossier-service's whole feed_outbox in seq order, 500 rows a page, every column (payload included), as
     * one consumer would: the rows per second a plain SELECT delivers. Returns {rows, seconds}.
     */
    double[] scanOutbox(double maxSeconds) throws SQLException {
        long rows = 0;
        long last = 0;
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        try (Connection c = open("dossier_service");
                PreparedStatement p = c.prepareStatement(
                        "SELECT seq, event_id, aggregate_type, aggregate_id, event_type, unit_code, occurred_at,"
                                + " payload_type, payload FROM feed_outbox WHERE seq > ? ORDER BY seq LIMIT 500")) {
            while (System.nanoTime() < deadline) {
                p.setLong(1, last);
                int page = 0;
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        rs.getString(2);
                        rs.getString(3);
                        rs.getString(4);
                        rs.getString(5);
                        rs.getString(6);
                        rs.getTimestamp(7);
                        rs.getString(8);
                        rs.getBytes(9);
                        page++;
                    }
                }
                rows += page;
                if (page < 500) {
                    break;
                }
            }
        }
        return new double[] {rows, (System.nanoTime() - start) / 1e9};
    }
}
