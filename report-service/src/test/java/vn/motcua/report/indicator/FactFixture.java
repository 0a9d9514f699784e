package vn.motcua.report.indicator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.report.reception.domain.LocalDates;

/**
 * Writes a hand-made world of units, procedures and facts, and the counters (stat_day, stat_month, i766_month) the
 * projection would have built from them, derived here in plain Java from the brief's definitions, independently of
 * the SQL predicates under test.
 * <p>
 * The projection is being built in parallel (branch h13-projection); once it is merged, the facts should go in
 * through {@code DossierFactSink.upsertImported} (plus its payment / digitization / feedback inputs) and this class
 * should stop deriving counters, so the ITs prove the real projection and the drill-down agree.
 */
public final class FactFixture {

    /** A dossier fact; times are local (Asia/Ho_Chi_Minh) "yyyy-MM-ddTHH:mm". */
    public static final class Fact {
        final String code;
        String unit;
        String receivingUnit;
        String procedure = "P2";
        String channel = "COUNTER";
        String state = "IN_PROCESS";
        String resultKind;
        String timeliness = "OPEN";
        Instant received;
        Instant originalDue;
        Instant due;
        Instant finished;
        int supplements;
        String assignee;
        Integer ratingAgencies;
        Boolean ratingSatisfied;
        boolean onTime766;
        boolean imported;
        boolean extensionUsed;

        Fact(String code, String unit) {
            this.code = code;
            this.unit = unit;
            this.receivingUnit = unit;
        }

        public Fact procedure(String procedure) {
            this.procedure = procedure;
            return this;
        }

        public Fact channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Fact receivedAt(String local) {
            this.received = local(local);
            return this;
        }

        public Fact receivedAt(Instant at) {
            this.received = at;
            return this;
        }

        public Fact receivingUnit(String unit) {
            this.receivingUnit = unit;
            return this;
        }

        public Fact due(String local) {
            return due(local(local));
        }

        public Fact due(Instant at) {
            this.due = at;
            this.originalDue = at;
            return this;
        }

        /** Resolved: result kind, II.06a timeliness and whether it was on time by the 766 rule. */
        public Fact finished(String local, String resultKind, String timeliness, boolean onTime766) {
            this.finished = local(local);
            this.resultKind = resultKind;
            this.timeliness = timeliness;
            this.onTime766 = onTime766;
            this.state = "WITHDRAWN".equals(resultKind) ? "WITHDRAWN" : "RETURNED";
            return this;
        }

        public Fact supplements(int n) {
            this.supplements = n;
            return this;
        }

        public Fact assignee(String officer) {
            this.assignee = officer;
            return this;
        }

        public Fact rating(Integer agencies, boolean satisfied) {
            this.ratingAgencies = agencies;
            this.ratingSatisfied = satisfied;
            return this;
        }

        public Fact imported() {
            this.imported = true;
            return this;
        }

        boolean receivedDossier() {
            return received != null;
        }

        boolean resolved() {
            return resultKind != null && finished != null;
        }
    }

    record Procedure(String code, String field, boolean requiresPaper, int onlineLevel) {}

    record Payment(String id, String dossier, String status, String channel, Instant paidAt) {}

    record Digitization(String dossier, boolean complete, boolean electronic, boolean reuses, boolean warehouse) {}

    record Feedback(
            String id,
            String unit,
            String dossier,
            Instant received,
            Boolean handledInTime,
            boolean dissatisfied,
            boolean repeated,
            String classification,
            Boolean aboutRegulation) {}

    record Unit(String code, String name, int level, String parent) {}

    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final Map<String, Procedure> procedures = new LinkedHashMap<>();
    private final Map<String, Fact> facts = new LinkedHashMap<>();
    private final List<Payment> payments = new ArrayList<>();
    private final Map<String, Digitization> digitizations = new HashMap<>();
    private final List<Feedback> feedback = new ArrayList<>();
    private final List<String[]> copies = new ArrayList<>();

    public static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LocalDates.ZONE).toInstant();
    }

    public FactFixture unit(String code, String name, int level, String parent) {
        units.put(code, new Unit(code, name, level, parent));
        return this;
    }

    public FactFixture procedure(String code, String field, boolean requiresPaper, int onlineLevel) {
        procedures.put(code, new Procedure(code, field, requiresPaper, onlineLevel));
        return this;
    }

    /** A fact not (yet) part of this fixture, for {@link #writeOneMore}. */
    public static Fact detached(String code, String unit) {
        return new Fact(code, unit);
    }

    public Fact fact(String code, String unit) {
        Fact fact = new Fact(code, unit);
        facts.put(code, fact);
        return fact;
    }

    public FactFixture payment(String dossier, String status, String channel, String paidAtLocal) {
        payments.add(new Payment(
                "PAY-" + (payments.size() + 1),
                dossier,
                status,
                channel,
                paidAtLocal == null ? null : local(paidAtLocal)));
        return this;
    }

    public FactFixture digitization(
            String dossier, boolean complete, boolean electronic, boolean reuses, boolean warehouse) {
        digitizations.put(dossier, new Digitization(dossier, complete, electronic, reuses, warehouse));
        return this;
    }

    public FactFixture feedback(
            String id,
            String unit,
            String dossier,
            String receivedLocal,
            Boolean handledInTime,
            boolean dissatisfied,
            boolean repeated,
            String classification,
            Boolean aboutRegulation) {
        feedback.add(new Feedback(
                id,
                unit,
                dossier,
                local(receivedLocal),
                handledInTime,
                dissatisfied,
                repeated,
                classification,
                aboutRegulation));
        return this;
    }

    public FactFixture certifiedCopy(String number, String unit, String atLocal) {
        copies.add(new String[] {number, unit, atLocal});
        return this;
    }

    /** Writes everything; the counters are derived from the facts first. */
    public void writeTo(TestDatabase db) {
        try (Connection c = db.connect()) {
            writeTo(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes everything through {@code c} in one transaction (any MySQL-mode database, H2 included). */
    public void writeTo(Connection c) throws SQLException {
        c.setAutoCommit(false);
        writeUnits(c);
        writeProcedures(c);
        writeFacts(c);
        writeSideFacts(c);
        writeCounters(c);
        c.commit();
    }

    private void writeUnits(Connection c) throws SQLException {
        try (PreparedStatement dim = c.prepareStatement(
                        "INSERT INTO unit_dim (code, name, level, parent_code) VALUES (?, ?, ?, ?)");
                PreparedStatement closure =
                        c.prepareStatement("INSERT INTO unit_ancestor (unit_code, ancestor_code) VALUES (?, ?)")) {
            for (Unit u : units.values()) {
                dim.setString(1, u.code());
                dim.setString(2, u.name());
                dim.setInt(3, u.level());
                dim.setString(4, u.parent());
                dim.executeUpdate();
                for (String a = u.code(); a != null; a = units.get(a).parent()) {
                    closure.setString(1, u.code());
                    closure.setString(2, a);
                    closure.executeUpdate();
                }
            }
        }
    }

    private void writeProcedures(Connection c) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO procedure_dim (code, version, name, field_code, level, online_level,"
                        + " requires_paper_result, withdrawn) VALUES (?, 1, ?, ?, 3, ?, ?, FALSE)")) {
            for (Procedure p : procedures.values()) {
                ps.setString(1, p.code());
                ps.setString(2, "Thủ tục " + p.code());
                ps.setString(3, p.field());
                ps.setInt(4, p.onlineLevel());
                ps.setBoolean(5, p.requiresPaper());
                ps.executeUpdate();
            }
        }
    }

    private void writeFacts(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dossier_fact (fact_id, code, unit_code, receiving_unit_code, handling_unit_code,"
                        + " procedure_code, procedure_version, field_code, channel, state, result_kind, legal_regime,"
                        + " boundary_free, extension_used, submitted_at, received_at, original_due_at, due_at,"
                        + " finished_at, paused_seconds, supplement_requests, assignee, rating_agencies,"
                        + " rating_satisfied, timeliness, on_time_766, imported, import_id, counted, updated_seq)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, 'REGIME_2018', FALSE, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?,"
                        + " ?, ?, ?, ?, NULL, NULL, 1)")) {
            for (Fact f : facts.values()) {
                int i = 1;
                ps.setString(i++, f.imported ? "IMPORT:" + f.code : "agg-" + f.code);
                ps.setString(i++, f.code);
                ps.setString(i++, f.unit);
                ps.setString(i++, f.receivingUnit);
                ps.setString(i++, f.unit);
                ps.setString(i++, f.procedure);
                ps.setString(i++, field(f));
                ps.setString(i++, f.channel);
                ps.setString(i++, f.received == null ? "SUBMITTED" : f.state);
                ps.setString(i++, f.resultKind);
                ps.setBoolean(i++, f.extensionUsed);
                UtcTimestamps.bind(ps, i++, f.received == null ? Instant.parse("2026-03-01T00:00:00Z") : f.received);
                UtcTimestamps.bind(ps, i++, f.received);
                UtcTimestamps.bind(ps, i++, f.originalDue);
                UtcTimestamps.bind(ps, i++, f.due);
                UtcTimestamps.bind(ps, i++, f.finished);
                ps.setInt(i++, f.supplements);
                ps.setString(i++, f.assignee);
                ps.setObject(i++, f.ratingAgencies);
                ps.setObject(i++, f.ratingSatisfied);
                ps.setString(i++, f.timeliness);
                ps.setBoolean(i++, f.onTime766);
                ps.setBoolean(i, f.imported);
                ps.executeUpdate();
            }
        }
    }

    private void writeSideFacts(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO payment_fact (payment_id, dossier_code, unit_code, procedure_code, status, channel,"
                        + " amount, refunded, created_at, paid_at) VALUES (?, ?, ?, ?, ?, ?, 50000, 0, ?, ?)")) {
            for (Payment p : payments) {
                Fact f = facts.get(p.dossier());
                ps.setString(1, p.id());
                ps.setString(2, p.dossier());
                ps.setString(3, f.unit);
                ps.setString(4, f.procedure);
                ps.setString(5, p.status());
                ps.setString(6, p.channel());
                UtcTimestamps.bind(ps, 7, f.received);
                UtcTimestamps.bind(ps, 8, p.paidAt());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO digitization_fact (dossier_code, components_complete, result_electronic, reuses_data,"
                        + " linked_to_warehouse, updated_at) VALUES (?, ?, ?, ?, ?, NULL)")) {
            for (Digitization d : digitizations.values()) {
                ps.setString(1, d.dossier());
                ps.setBoolean(2, d.complete());
                ps.setBoolean(3, d.electronic());
                ps.setBoolean(4, d.reuses());
                ps.setBoolean(5, d.warehouse());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO feedback_fact (feedback_id, unit_code, dossier_code, state, classification,"
                        + " about_regulation, received_at, answered_at, handled_in_time, dissatisfied, repeated)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)")) {
            for (Feedback f : feedback) {
                ps.setString(1, f.id());
                ps.setString(2, f.unit());
                ps.setString(3, f.dossier());
                ps.setString(4, f.handledInTime() == null ? "PROCESSING" : "PUBLISHED");
                ps.setString(5, f.classification());
                ps.setObject(6, f.aboutRegulation());
                UtcTimestamps.bind(ps, 7, f.received());
                ps.setObject(8, f.handledInTime());
                ps.setBoolean(9, f.dissatisfied());
                ps.setBoolean(10, f.repeated());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO certified_copy_fact (certificate_number, unit_code, certified_at) VALUES (?, ?, ?)")) {
            for (String[] copy : copies) {
                ps.setString(1, copy[0]);
                ps.setString(2, copy[1]);
                UtcTimestamps.bind(ps, 3, local(copy[2]));
                ps.executeUpdate();
            }
        }
    }

    private String field(Fact f) {
        Procedure p = procedures.get(f.procedure);
        return p == null ? "" : p.field();
    }

    // ---- counters, from the brief's definitions ------------------------------------------------------------------

    /** stat_day / stat_month columns, in table order after the key. */
    private static final String[] STAT_COLUMNS = {
        "received_online", "received_counter", "received_postal", "received_boundary_free", "resolved_early",
        "resolved_on_time", "resolved_late", "resolved_late_with_apology", "withdrawn", "refused",
        "resolved_on_time_766", "due_count", "closed_due_count"
    };

    private static final String[] I766_COLUMNS = {
        "received",
        "received_online",
        "received_postal",
        "online_counted",
        "financial_obligation",
        "paid_online",
        "paper_result_required",
        "paper_result_electronic",
        "digitized",
        "reuses_data",
        "linked_to_warehouse",
        "resolved_late",
        "feedback_or_dislike",
        "rated"
    };

    private void writeCounters(Connection c) throws SQLException {
        Map<List<Object>, long[]> day = new LinkedHashMap<>();
        Map<List<Object>, long[]> month = new LinkedHashMap<>();
        Map<List<Object>, long[]> i766 = new LinkedHashMap<>();
        for (Fact f : facts.values()) {
            if (!f.receivedDossier()) {
                continue;
            }
            String field = field(f);
            addStat(day, month, f.unit, field, f.received, channelColumn(f.channel));
            if (f.resolved()) {
                String column = switch (f.timeliness) {
                    case "EARLY" -> "resolved_early";
                    case "ON_TIME" -> "resolved_on_time";
                    default -> "resolved_late";
                };
                addStat(day, month, f.unit, field, f.finished, column);
                if ("LATE".equals(f.timeliness) && f.extensionUsed) {
                    addStat(day, month, f.unit, field, f.finished, "resolved_late_with_apology");
                }
                if ("WITHDRAWN".equals(f.resultKind)) {
                    addStat(day, month, f.unit, field, f.finished, "withdrawn");
                }
                if ("REFUSED".equals(f.resultKind) || "REJECTED".equals(f.resultKind)) {
                    addStat(day, month, f.unit, field, f.finished, "refused");
                }
                if (f.onTime766) {
                    addStat(day, month, f.unit, field, f.finished, "resolved_on_time_766");
                }
            }
            if (f.due != null) {
                addStat(day, month, f.unit, field, f.due, "due_count");
                if (f.resolved()) {
                    Instant leaves = f.finished.isAfter(f.due) ? f.finished : f.due;
                    addStat(day, month, f.unit, field, leaves, "closed_due_count");
                }
            }
            long[] flags = i766.computeIfAbsent(
                    List.of(f.unit, f.procedure, monthKey(f.received)), k -> new long[I766_COLUMNS.length]);
            Procedure p = procedures.get(f.procedure);
            boolean paper = p != null && p.requiresPaper();
            Digitization d = digitizations.get(f.code);
            boolean electronic = d != null && d.electronic();
            boolean online = "ONLINE".equals(f.channel);
            boolean financial =
                    payments.stream().anyMatch(x -> x.dossier().equals(f.code) && !"CANCELLED".equals(x.status()));
            boolean paidOnline = payments.stream()
                    .anyMatch(x -> x.dossier().equals(f.code) && "ONLINE".equals(x.channel()) && x.paidAt() != null);
            boolean pakn = feedback.stream().anyMatch(x -> f.code.equals(x.dossier()));
            boolean[] values = {
                true,
                online,
                "POSTAL".equals(f.channel),
                online && (!paper || electronic),
                financial,
                paidOnline,
                paper,
                paper && electronic,
                d != null && d.complete() && d.electronic(),
                d != null && d.reuses(),
                d != null && d.warehouse(),
                f.resolved() && f.due != null && f.finished.isAfter(f.due),
                Boolean.FALSE.equals(f.ratingSatisfied) || pakn,
                f.ratingSatisfied != null
            };
            for (int i = 0; i < values.length; i++) {
                flags[i] += values[i] ? 1 : 0;
            }
        }
        insert(c, "stat_day", "day", day, STAT_COLUMNS);
        insert(c, "stat_month", "month", month, STAT_COLUMNS);
        insert(c, "i766_month", "procedure_code, month", i766, I766_COLUMNS);
    }

    private static String channelColumn(String channel) {
        return switch (channel) {
            case "ONLINE" -> "received_online";
            case "POSTAL" -> "received_postal";
            default -> "received_counter";
        };
    }

    private static void addStat(
            Map<List<Object>, long[]> day,
            Map<List<Object>, long[]> month,
            String unit,
            String field,
            Instant at,
            String column) {
        int index = List.of(STAT_COLUMNS).indexOf(column);
        LocalDate local = LocalDates.of(at);
        day.computeIfAbsent(List.of(unit, field, local), k -> new long[STAT_COLUMNS.length])[index]++;
        month.computeIfAbsent(List.of(unit, field, monthKey(at)), k -> new long[STAT_COLUMNS.length])[index]++;
    }

    private static int monthKey(Instant at) {
        YearMonth m = YearMonth.from(LocalDates.of(at));
        return m.getYear() * 100 + m.getMonthValue();
    }

    private static void insert(
            Connection c, String table, String keyTail, Map<List<Object>, long[]> rows, String[] columns)
            throws SQLException {
        String keys = table.equals("i766_month") ? "unit_code, " + keyTail : "unit_code, field_code, " + keyTail;
        StringBuilder adds = new StringBuilder();
        for (String column : columns) {
            adds.append(adds.length() == 0 ? "" : ", ")
                    .append(column)
                    .append(" = ")
                    .append(column)
                    .append(" + VALUES(")
                    .append(column)
                    .append(")");
        }
        // adding on a duplicate key, so a fact written later adds its deltas as the projection would
        String sql = "INSERT INTO " + table + " (" + keys + ", " + String.join(", ", columns) + ") VALUES (?, ?, ?"
                + ", ?".repeat(columns.length) + ") ON DUPLICATE KEY UPDATE " + adds;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<List<Object>, long[]> row : rows.entrySet()) {
                List<Object> key = row.getKey();
                for (int i = 0; i < 3; i++) {
                    ps.setObject(i + 1, key.get(i));
                }
                for (int i = 0; i < columns.length; i++) {
                    ps.setLong(4 + i, row.getValue()[i]);
                }
                ps.executeUpdate();
            }
        }
    }

    /** Adds one dossier after the first write, with its counters, as the projection would for a new event. */
    public void writeOneMore(TestDatabase db, Fact fact) {
        FactFixture extra = new FactFixture();
        extra.procedures.putAll(procedures);
        extra.facts.put(fact.code, fact);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            extra.writeFacts(c);
            extra.writeCounters(c);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        facts.put(fact.code, fact);
    }
}
