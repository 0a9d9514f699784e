package vn.motcua.dossier.catalog.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.catalog.ProcedureRepository;
import vn.motcua.dossier.catalog.SearchText;
import vn.motcua.dossier.catalog.domain.ProcedureVersion;
import vn.motcua.dossier.catalog.domain.PublicationState;
import vn.motcua.dossier.catalog.domain.ReceivingUnit;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * Procedure versions with their publication facts and receiving units, for catalogue management. Published
 * versions are only ever changed in state (to WITHDRAWN); everything else about them stays as published.
 * <p>
 * A version's receiving units are its rows in procedure_version_unit. Versions released before those rows existed
 * (the demo seed runs after V3 on a fresh database) fall back to procedure_unit, the one-stop listing of the
 * current version. No method opens a transaction: the services run them inside theirs.
 */
@Singleton
public class ProcedureVersionRepository {

    private static final String SELECT = "SELECT " + ProcedureRepository.COLUMNS + ", p.state,"
            + " p.publication_decision, p.published_on, p.effective_on, p.requires_paper_result"
            + " FROM procedure_version p";

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final ProcedureRepository procedures;

    public ProcedureVersionRepository(JdbcOperations jdbc, JsonMapper json, ProcedureRepository procedures) {
        this.jdbc = jdbc;
        this.json = json;
        this.procedures = procedures;
    }

    /**
     * The number the next version of a code gets. Locks the code's newest row, so that concurrent drafts of one
     * code queue up; two first drafts of a new code race on the primary key instead.
     */
    public int nextVersion(String code) {
        return jdbc.prepareStatement(
                "SELECT version FROM procedure_version WHERE code = ? ORDER BY version DESC" + " LIMIT 1 FOR UPDATE",
                ps -> {
                    ps.setString(1, code);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getInt(1) + 1 : 1;
                    }
                });
    }

    public void insertDraft(ProcedureVersion v, Instant now, String subject) {
        Procedure p = v.procedure();
        jdbc.prepareStatement(
                "INSERT INTO procedure_version (code, version, name, name_search, field, level,"
                        + " time_limit_amount, time_limit_unit, online_level, postal_allowed, boundary_free_allowed,"
                        + " requires_paper_result, effective_on, state, components_json, fees_json, created_at, created_by,"
                        + " financial_obligation_pauses_clock, online_fee_discount_percent)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, p.code());
                    ps.setInt(2, p.version());
                    ps.setString(3, p.name());
                    ps.setString(4, SearchText.fold(p.name()));
                    ps.setString(5, p.field());
                    ps.setString(6, p.level().name());
                    ps.setLong(7, p.timeLimit().amount());
                    ps.setString(8, p.timeLimit().unit().name());
                    ps.setString(9, p.onlineLevel().name());
                    ps.setBoolean(10, p.postalAllowed());
                    ps.setBoolean(11, p.boundaryFreeAllowed());
                    ps.setBoolean(12, v.requiresPaperResult());
                    ps.setObject(13, v.effectiveOn());
                    ps.setString(14, PublicationState.DRAFT.name());
                    ps.setString(15, componentsJson(p.components()));
                    ps.setString(16, feesJson(p.fees()));
                    UtcTimestamps.bind(ps, 17, now);
                    ps.setString(18, subject);
                    ps.setBoolean(19, p.financialObligationPausesClock());
                    ps.setInt(20, p.onlineFeeDiscountPercent());
                    return ps.executeUpdate();
                });
        insertUnits(
                "INSERT INTO procedure_version_unit (procedure_code, version, unit_code, competent_unit_code)"
                        + " VALUES (?, ?, ?, ?)",
                p.code(),
                p.version(),
                v.receivingUnits());
    }

    public Optional<ProcedureVersion> find(String code, int version) {
        return one(SELECT + " WHERE p.code = ? AND p.version = ?", ps -> {
            ps.setString(1, code);
            ps.setInt(2, version);
        });
    }

    /** The version new dossiers are received under, if the procedure is published. */
    public Optional<ProcedureVersion> findCurrent(String code) {
        return one(
                SELECT + " WHERE p.code = ? AND " + ProcedureRepository.CURRENT_PUBLISHED, ps -> ps.setString(1, code));
    }

    /** The highest version that was ever published (now PUBLISHED or WITHDRAWN); 0 if none. */
    public int newestReleasedVersion(String code) {
        return jdbc.prepareStatement(
                "SELECT MAX(version) FROM procedure_version WHERE code = ?"
                        + " AND state IN ('PUBLISHED', 'WITHDRAWN')",
                ps -> {
                    ps.setString(1, code);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getInt(1) : 0;
                    }
                });
    }

    /** Units whose one-stop listing currently shows the procedure (procedure_unit). */
    public List<String> listedUnits(String code) {
        return jdbc.prepareStatement("SELECT unit_code FROM procedure_unit WHERE procedure_code = ?", ps -> {
            ps.setString(1, code);
            List<String> units = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    units.add(rs.getString(1));
                }
            }
            return units;
        });
    }

    /** DRAFT → PUBLISHED; false when the version is no longer a draft (someone published it meanwhile). */
    public boolean markPublished(
            String code, int version, String decision, LocalDate publishedOn, Instant now, String subject) {
        return jdbc.prepareStatement(
                "UPDATE procedure_version SET state = 'PUBLISHED', publication_decision = ?,"
                        + " published_on = ?, published_at = ?, published_by = ? WHERE code = ? AND version = ?"
                        + " AND state = 'DRAFT'",
                ps -> {
                    ps.setString(1, decision);
                    ps.setObject(2, publishedOn);
                    UtcTimestamps.bind(ps, 3, now);
                    ps.setString(4, subject);
                    ps.setString(5, code);
                    ps.setInt(6, version);
                    return ps.executeUpdate() == 1;
                });
    }

    /** PUBLISHED → WITHDRAWN; false when the version is no longer published. */
    public boolean markWithdrawn(String code, int version, String reason, Instant now, String subject) {
        return jdbc.prepareStatement(
                "UPDATE procedure_version SET state = 'WITHDRAWN', withdrawal_reason = ?,"
                        + " withdrawn_at = ?, withdrawn_by = ? WHERE code = ? AND version = ? AND state = 'PUBLISHED'",
                ps -> {
                    ps.setString(1, reason);
                    UtcTimestamps.bind(ps, 2, now);
                    ps.setString(3, subject);
                    ps.setString(4, code);
                    ps.setInt(5, version);
                    return ps.executeUpdate() == 1;
                });
    }

    /** Makes the one-stop listing of a code (procedure_unit) exactly these units. */
    public void replaceListing(String code, List<ReceivingUnit> units) {
        jdbc.prepareStatement("DELETE FROM procedure_unit WHERE procedure_code = ?", ps -> {
            ps.setString(1, code);
            return ps.executeUpdate();
        });
        insertUnits(
                "INSERT INTO procedure_unit (procedure_code, unit_code, competent_unit_code) VALUES (?, ?, ?)",
                code,
                null,
                units);
    }

    /** Every current published version, by code. */
    public List<ProcedureVersion> currentPublished() {
        return many(SELECT + " WHERE " + ProcedureRepository.CURRENT_PUBLISHED + " ORDER BY p.code");
    }

    /** Every version of every procedure, by code and version. */
    public List<ProcedureVersion> all() {
        return many(SELECT + " ORDER BY p.code, p.version");
    }

    // ---- reading

    private Optional<ProcedureVersion> one(String sql, Binder binder) {
        Optional<Row> row = jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        });
        return row.map(r -> r.withUnits(versionUnits(r.procedure.code()), listing(r.procedure.code())));
    }

    private List<ProcedureVersion> many(String sql) {
        List<Row> rows = jdbc.prepareStatement(sql, ps -> {
            List<Row> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(row(rs));
                }
            }
            return result;
        });
        Map<String, List<ReceivingUnit>> versionUnits = versionUnits(null);
        Map<String, List<ReceivingUnit>> listing = listing(null);
        return rows.stream().map(r -> r.withUnits(versionUnits, listing)).toList();
    }

    private Row row(ResultSet rs) throws SQLException {
        return new Row(
                procedures.map(rs),
                PublicationState.valueOf(rs.getString("state")),
                rs.getString("publication_decision"),
                rs.getObject("published_on", LocalDate.class),
                rs.getObject("effective_on", LocalDate.class),
                rs.getBoolean("requires_paper_result"));
    }

    /** procedure_version_unit rows keyed "code@version"; of one code, or of all when code is null. */
    private Map<String, List<ReceivingUnit>> versionUnits(String code) {
        return units(
                "SELECT procedure_code, version, unit_code, competent_unit_code FROM procedure_version_unit"
                        + (code == null ? "" : " WHERE procedure_code = ?") + " ORDER BY unit_code",
                code,
                true);
    }

    /** procedure_unit rows keyed by code; of one code, or of all when code is null. */
    private Map<String, List<ReceivingUnit>> listing(String code) {
        return units(
                "SELECT procedure_code, unit_code, competent_unit_code FROM procedure_unit"
                        + (code == null ? "" : " WHERE procedure_code = ?") + " ORDER BY unit_code",
                code,
                false);
    }

    private Map<String, List<ReceivingUnit>> units(String sql, String code, boolean perVersion) {
        return jdbc.prepareStatement(sql, ps -> {
            if (code != null) {
                ps.setString(1, code);
            }
            Map<String, List<ReceivingUnit>> byKey = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = perVersion
                            ? key(rs.getString("procedure_code"), rs.getInt("version"))
                            : rs.getString("procedure_code");
                    byKey.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new ReceivingUnit(rs.getString("unit_code"), rs.getString("competent_unit_code")));
                }
            }
            return byKey;
        });
    }

    private static String key(String code, int version) {
        return code + "@" + version;
    }

    // ---- writing

    private void insertUnits(String sql, String code, Integer version, List<ReceivingUnit> units) {
        if (units.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(sql, ps -> {
            for (ReceivingUnit u : units) {
                int i = 1;
                ps.setString(i++, code);
                if (version != null) {
                    ps.setInt(i++, version);
                }
                ps.setString(i++, u.unitCode());
                ps.setString(i, u.competentUnitCode());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /** Same JSON shape as the rows ProcedureRepository reads. */
    private String feesJson(List<Procedure.Fee> fees) {
        return write(fees.stream()
                .map(f -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("name", f.name());
                    item.put("amountDong", f.amountDong());
                    item.put("legalBasis", f.legalBasis());
                    return item;
                })
                .toList());
    }

    private String componentsJson(List<Procedure.Component> components) {
        return write(components.stream()
                .map(c -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("name", c.name());
                    item.put("originalRequired", c.originalRequired());
                    item.put("quantity", c.quantity());
                    item.put("presentOnly", c.presentOnly());
                    return item;
                })
                .toList());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private record Row(
            Procedure procedure,
            PublicationState state,
            String decision,
            LocalDate publishedOn,
            LocalDate effectiveOn,
            boolean requiresPaperResult) {

        ProcedureVersion withUnits(
                Map<String, List<ReceivingUnit>> versionUnits, Map<String, List<ReceivingUnit>> listing) {
            List<ReceivingUnit> units = versionUnits.get(key(procedure.code(), procedure.version()));
            if (units == null && state != PublicationState.DRAFT) {
                units = listing.get(procedure.code());
            }
            return new ProcedureVersion(
                    procedure,
                    state,
                    decision,
                    publishedOn,
                    effectiveOn,
                    requiresPaperResult,
                    units == null ? List.of() : units);
        }
    }
}
