package vn.motcua.report.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.platform.testing.TestDatabase;

/** Reads the projection's tables straight from the test database, bypassing the code under test. */
public final class ProjectionTables {

    /** Every projection table with its full ordering key: a dump is the same text for the same rows. */
    public static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("unit_dim", "code");
        TABLES.put("unit_ancestor", "unit_code, ancestor_code");
        TABLES.put("procedure_dim", "code");
        TABLES.put("procedure_version_dim", "code, version");
        TABLES.put("dossier_fact", "fact_id");
        TABLES.put("payment_fact", "payment_id");
        TABLES.put("digitization_fact", "dossier_code");
        TABLES.put("certified_copy_fact", "certificate_number");
        TABLES.put("feedback_fact", "feedback_id");
        TABLES.put("stat_day", "unit_code, field_code, day");
        TABLES.put("stat_month", "unit_code, field_code, month");
        TABLES.put("i766_month", "unit_code, procedure_code, month");
        TABLES.put("daily_reception", "unit_code, local_date");
    }

    private ProjectionTables() {}

    /** Where the tables are read: a test database, or a test context's data source (H2). */
    @FunctionalInterface
    public interface Connections {
        Connection connect() throws SQLException;
    }

    /** Every row of every projection table, all columns, as text. */
    public static Map<String, List<String>> dump(TestDatabase db) {
        return dump(db::connect);
    }

    public static Map<String, List<String>> dump(Connections db) {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        TABLES.forEach(
                (table, order) -> dump.put(table, rows(db, "SELECT * FROM " + table + " ORDER BY " + order, false)));
        return dump;
    }

    public static List<String> rows(TestDatabase db, String sql, boolean dropZeros) {
        return rows(db::connect, sql, dropZeros);
    }

    /** The rows of a query, each as "col=value|col=value"; zero counters left out when {@code dropZeros}. */
    public static List<String> rows(Connections db, String sql, boolean dropZeros) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String value = rs.getString(i);
                    if (dropZeros && "0".equals(value)) {
                        continue;
                    }
                    if (row.length() > 0) {
                        row.append('|');
                    }
                    row.append(meta.getColumnLabel(i).toLowerCase()).append('=').append(value);
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static List<String> rows(TestDatabase db, String sql) {
        return rows(db, sql, false);
    }

    /** A counter table's rows without their zero counters, e.g. "unit_code=11077|...|received_counter=2". */
    public static List<String> counters(TestDatabase db, String table) {
        return counters(db::connect, table);
    }

    public static List<String> counters(Connections db, String table) {
        return rows(db, "SELECT * FROM " + table + " ORDER BY " + TABLES.get(table), true);
    }
}
