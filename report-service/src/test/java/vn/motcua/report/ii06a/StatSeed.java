package vn.motcua.report.ii06a;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.platform.testing.TestDatabase;

/**
 * Writes what the projection would (another helper builds it): unit_dim and the unit_ancestor closure, and the
 * stat_day / stat_month counters of hypothetical dossiers, following V2's comments and the brief's definitions. Tests
 * then state dossiers and hand-computed II.06a rows instead of raw counter rows. Every contribution is also kept in
 * memory, so a test can compute any prefix by brute force.
 */
public final class StatSeed implements AutoCloseable {

    /** One +n to one counter column of one (unit, field, day). */
    public record Contribution(String unit, String field, LocalDate day, String column, long amount) {}

    /** Where the rows go: a MariaDB test database, or an H2 one. */
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector db;
    private final Map<String, List<String>> ancestors = new LinkedHashMap<>();
    private final List<Contribution> contributions = new ArrayList<>();
    private Connection connection;

    public StatSeed(TestDatabase db) {
        this.db = db::connect;
    }

    public StatSeed(Connector connector) {
        this.db = connector;
    }

    public List<Contribution> contributions() {
        return List.copyOf(contributions);
    }

    /** A unit under {@code parent} (null for a root), with its closure rows. */
    public StatSeed unit(String code, String name, int level, String parent) {
        List<String> chain = new ArrayList<>();
        chain.add(code);
        if (parent != null) {
            chain.addAll(ancestors.get(parent));
        }
        ancestors.put(code, chain);
        execute("INSERT INTO unit_dim (code, name, level, parent_code) VALUES (?, ?, ?, ?)", code, name, level, parent);
        for (String ancestor : chain) {
            execute("INSERT INTO unit_ancestor (unit_code, ancestor_code) VALUES (?, ?)", code, ancestor);
        }
        return this;
    }

    public Dossier dossier(String unit, String field) {
        return new Dossier(unit, field);
    }

    /** A received dossier as its counters see it; local days (Asia/Ho_Chi_Minh). */
    public final class Dossier {
        private final String unit;
        private final String field;
        private String channel = "received_counter";
        private boolean boundaryFree;
        private LocalDate received;
        private LocalDate due;
        private LocalDate finished;
        private String timeliness;
        private boolean apology;
        private String outcome;

        Dossier(String unit, String field) {
            this.unit = unit;
            this.field = field;
        }

        public Dossier online() {
            channel = "received_online";
            return this;
        }

        public Dossier postal() {
            channel = "received_postal";
            return this;
        }

        public Dossier boundaryFree() {
            boundaryFree = true;
            return this;
        }

        public Dossier received(String day) {
            received = LocalDate.parse(day);
            return this;
        }

        public Dossier due(String day) {
            due = LocalDate.parse(day);
            return this;
        }

        /** @param result EARLY, ON_TIME or LATE */
        public Dossier finished(String day, String result) {
            finished = LocalDate.parse(day);
            timeliness = result;
            return this;
        }

        /** Late with an extension / apology letter. */
        public Dossier apology() {
            apology = true;
            return this;
        }

        public Dossier withdrawn() {
            outcome = "withdrawn";
            return this;
        }

        public Dossier refused() {
            outcome = "refused";
            return this;
        }

        public void add() {
            count(received, channel);
            if (boundaryFree) {
                count(received, "received_boundary_free");
            }
            if (due != null) {
                count(due, "due_count");
            }
            if (finished != null) {
                count(
                        finished,
                        switch (timeliness) {
                            case "EARLY" -> "resolved_early";
                            case "ON_TIME" -> "resolved_on_time";
                            case "LATE" -> "resolved_late";
                            default -> throw new IllegalArgumentException(timeliness);
                        });
                if (apology) {
                    count(finished, "resolved_late_with_apology");
                }
                if (outcome != null) {
                    count(finished, outcome);
                }
                if (due != null) {
                    // a resolved dossier leaves the overdue balance at max(due, finished)
                    count(finished.isAfter(due) ? finished : due, "closed_due_count");
                }
            }
        }

        private void count(LocalDate day, String column) {
            StatSeed.this.add(unit, field, day, column, 1);
        }
    }

    /** Adds to one counter in both tables, as the projection's delta does. */
    public void add(String unit, String field, LocalDate day, String column, long amount) {
        contributions.add(new Contribution(unit, field, day, column, amount));
        execute(
                "INSERT INTO stat_day (unit_code, field_code, day, " + column + ") VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE " + column + " = " + column + " + VALUES(" + column + ")",
                unit,
                field,
                day,
                amount);
        execute(
                "INSERT INTO stat_month (unit_code, field_code, month, " + column + ") VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE " + column + " = " + column + " + VALUES(" + column + ")",
                unit,
                field,
                day.getYear() * 100 + day.getMonthValue(),
                amount);
    }

    /** A raw statement, for corrupting counters on purpose. */
    public void execute(String sql, Object... args) {
        try {
            if (connection == null) {
                connection = db.connect();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the database is dropped next
            }
        }
    }
}
