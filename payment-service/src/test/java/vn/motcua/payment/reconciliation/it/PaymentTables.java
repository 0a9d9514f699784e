package vn.motcua.payment.reconciliation.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.platform.testing.TestDatabase;

/**
 * Rows in the payment tables that reconciliation reads (payment, payment_attempt), written over plain JDBC. The
 * payment feature's migrations own those tables; until they exist these tests create the agreed columns themselves
 * (IF NOT EXISTS), and once they do, every other NOT NULL column without a default gets a plausible filler, so the
 * same tests run before and after the two features meet.
 */
final class PaymentTables {

    /** Values for columns of the full schema that reconciliation does not read but a CHECK may constrain. */
    private static final Map<String, Object> PLAUSIBLE = Map.of(
            "state", "PAID",
            "channel", "ONLINE",
            "currency", "VND",
            "attempt_no", 1,
            "revision", 1,
            "online_discount_percent", 0,
            "payer_name", "Nguyễn Văn An",
            "payer_citizen_id", "030090001234",
            "procedure_code", "1.001193");

    /** Opens a connection to the database under test. */
    interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final String schema;
    private final boolean h2;

    private PaymentTables(Connections connections, String schema, boolean h2) {
        this.connections = connections;
        this.schema = schema;
        this.h2 = h2;
    }

    static PaymentTables mariaDb(TestDatabase db) {
        return new PaymentTables(db::connect, db.name(), false);
    }

    /** H2 in MySQL mode with DATABASE_TO_LOWER, the embedded default. */
    static PaymentTables h2(Connections connections) {
        return new PaymentTables(connections, "public", true);
    }

    void ensure() throws SQLException {
        try (Connection c = connections.open();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS payment (id VARCHAR(32) NOT NULL PRIMARY KEY,"
                    + " dossier_code VARCHAR(64) NOT NULL, unit_code VARCHAR(32) NOT NULL)"
                    + " DEFAULT CHARSET = utf8mb4");
            s.execute("CREATE TABLE IF NOT EXISTS payment_attempt (order_ref VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " payment_id VARCHAR(32) NOT NULL, state VARCHAR(16) NOT NULL, amount_dong BIGINT NOT NULL,"
                    + " transaction_no VARCHAR(64), settled_at DATETIME(6)) DEFAULT CHARSET = utf8mb4");
        }
    }

    void payment(String id, String unitCode, String dossierCode) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("unit_code", unitCode);
        row.put("dossier_code", dossierCode);
        insert("payment", row);
    }

    void attempt(String orderRef, String paymentId, String state, long amount, String transactionNo, Instant settledAt)
            throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("order_ref", orderRef);
        row.put("payment_id", paymentId);
        row.put("state", state);
        row.put("amount_dong", amount);
        row.put("transaction_no", transactionNo);
        row.put("settled_at", settledAt == null ? null : LocalDateTime.ofInstant(settledAt, ZoneOffset.UTC));
        insert("payment_attempt", row);
    }

    private void insert(String table, Map<String, Object> given) throws SQLException {
        try (Connection c = connections.open()) {
            Map<String, Object> row = new LinkedHashMap<>(given);
            for (String[] column : requiredColumns(c, table)) {
                row.putIfAbsent(column[0], PLAUSIBLE.getOrDefault(column[0], filler(column[1])));
            }
            List<String> names = new ArrayList<>(row.keySet());
            String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < names.size(); i++) {
                    Object value = row.get(names.get(i));
                    // instants as UTC text, as the services bind them (UtcTimestamps)
                    ps.setObject(
                            i + 1,
                            value instanceof LocalDateTime t ? t.toString().replace('T', ' ') : value);
                }
                ps.executeUpdate();
            }
        }
    }

    /** [name, data type] of NOT NULL columns without a default value. */
    private List<String[]> requiredColumns(Connection c, String table) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ?"
                        + " AND table_name = ? AND is_nullable = 'NO' AND column_default IS NULL"
                        + (h2 ? " AND is_identity = 'NO'" : " AND extra NOT LIKE '%auto_increment%'"))) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {
                        rs.getString(1).toLowerCase(), rs.getString(2).toLowerCase()
                    });
                }
            }
        }
        return out;
    }

    /** A value of the column's type (MariaDB's names: datetime, bigint...; H2's: timestamp, character varying...). */
    private static Object filler(String type) {
        if (type.contains("timestamp") || type.contains("datetime")) {
            return "2026-01-01 00:00:00";
        }
        if (type.equals("date")) {
            return "2026-01-01";
        }
        if (type.contains("bool")) {
            return false;
        }
        if (type.contains("int") || type.contains("decimal") || type.contains("numeric") || type.equals("bit")) {
            return 0;
        }
        return "x";
    }
}
