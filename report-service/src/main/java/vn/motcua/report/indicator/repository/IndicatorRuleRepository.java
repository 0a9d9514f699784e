package vn.motcua.report.indicator.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.platform.idempotency.IdempotencyRepository;
import vn.motcua.report.indicator.domain.RulePin;

/** Rule versions and pins (V5). */
@Singleton
public class IndicatorRuleRepository {

    /** A stored version as written; the service parses its JSON. */
    public record VersionRow(
            int version,
            int effectiveFromMonth,
            String rulesJson,
            String publishedBy,
            Instant publishedAt,
            String reason) {}

    /** A pin as stored. */
    public record PinRow(int version, String pinnedBy, Instant pinnedAt, String reason) {}

    private static final String VERSION_COLUMNS =
            "version, effective_from_month, rules_json, published_by, published_at, reason";

    private final JdbcOperations jdbc;

    public IndicatorRuleRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public List<VersionRow> versions() {
        return jdbc.prepareStatement(
                "SELECT " + VERSION_COLUMNS + " FROM indicator_rule_version ORDER BY version DESC", ps -> {
                    List<VersionRow> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(version(rs));
                        }
                    }
                    return rows;
                });
    }

    /**
     * Inserts a version in its own transaction.
     *
     * @return false when that version number exists already (another publication won the race)
     */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public boolean insert(VersionRow row) {
        try {
            jdbc.prepareStatement(
                    "INSERT INTO indicator_rule_version (" + VERSION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                        ps.setInt(1, row.version());
                        ps.setInt(2, row.effectiveFromMonth());
                        ps.setString(3, row.rulesJson());
                        ps.setString(4, row.publishedBy());
                        UtcTimestamps.bind(ps, 5, row.publishedAt());
                        ps.setString(6, row.reason());
                        return ps.executeUpdate();
                    });
            return true;
        } catch (RuntimeException e) {
            if (IdempotencyRepository.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Transactional(readOnly = true)
    public Optional<PinRow> pin(RulePin pin) {
        return jdbc.prepareStatement(
                "SELECT version, pinned_by, pinned_at, reason FROM indicator_rule_pin WHERE unit_code = ?"
                        + " AND period_kind = ? AND period_year = ? AND period_number = ? AND subtree = ?",
                ps -> {
                    bindPin(ps, pin, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return Optional.of(new PinRow(
                                    rs.getInt("version"),
                                    rs.getString("pinned_by"),
                                    Sql.instant(rs, "pinned_at"),
                                    rs.getString("reason")));
                        }
                        return Optional.empty();
                    }
                });
    }

    /**
     * Pins {@code version} unless a pin exists (two first readers racing keep whichever committed first), then
     * answers the pinned version.
     */
    @Transactional
    public int pinIfAbsent(RulePin pin, int version, String by, Instant at) {
        jdbc.prepareStatement(
                "INSERT INTO indicator_rule_pin (unit_code, period_kind, period_year, period_number, subtree,"
                        + " version, pinned_at, pinned_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)"
                        + " ON DUPLICATE KEY UPDATE version = version",
                ps -> {
                    bindPin(ps, pin, 1);
                    ps.setInt(6, version);
                    UtcTimestamps.bind(ps, 7, at);
                    ps.setString(8, by);
                    return ps.executeUpdate();
                });
        return pin(pin).orElseThrow().version();
    }

    /** Re-pins on purpose and records who, when, why and from which version. */
    @Transactional
    public void repin(RulePin pin, int version, String by, Instant at, String reason) {
        Integer previous = pin(pin).map(PinRow::version).orElse(null);
        jdbc.prepareStatement(
                "INSERT INTO indicator_rule_pin (unit_code, period_kind, period_year, period_number, subtree,"
                        + " version, pinned_at, pinned_by, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE version = VALUES(version), pinned_at = VALUES(pinned_at),"
                        + " pinned_by = VALUES(pinned_by), reason = VALUES(reason)",
                ps -> {
                    bindPin(ps, pin, 1);
                    ps.setInt(6, version);
                    UtcTimestamps.bind(ps, 7, at);
                    ps.setString(8, by);
                    ps.setString(9, reason);
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement(
                "INSERT INTO indicator_rule_pin_change (unit_code, period_kind, period_year, period_number, subtree,"
                        + " from_version, to_version, changed_by, changed_at, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    bindPin(ps, pin, 1);
                    if (previous == null) {
                        ps.setNull(6, java.sql.Types.INTEGER);
                    } else {
                        ps.setInt(6, previous);
                    }
                    ps.setInt(7, version);
                    ps.setString(8, by);
                    UtcTimestamps.bind(ps, 9, at);
                    ps.setString(10, reason);
                    return ps.executeUpdate();
                });
    }

    private static void bindPin(java.sql.PreparedStatement ps, RulePin pin, int from) throws SQLException {
        ps.setString(from, pin.unitCode());
        ps.setString(from + 1, pin.kind().name());
        ps.setInt(from + 2, pin.year());
        ps.setInt(from + 3, pin.number());
        ps.setBoolean(from + 4, pin.subtree());
    }

    private static VersionRow version(ResultSet rs) throws SQLException {
        return new VersionRow(
                rs.getInt("version"),
                rs.getInt("effective_from_month"),
                rs.getString("rules_json"),
                rs.getString("published_by"),
                Sql.instant(rs, "published_at"),
                rs.getString("reason"));
    }
}
