package vn.motcua.dossier.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.calendar.TimeLimitUnit;
import vn.motcua.dossier.unit.UnitLevel;

/** Published procedure versions and where they are received. Only the newest published version is offered. */
@Singleton
public class ProcedureRepository {

    /** The columns {@link #map} reads, from {@code procedure_version p}. */
    public static final String COLUMNS = "p.code, p.version, p.name, p.field, p.level, p.time_limit_amount,"
            + " p.time_limit_unit, p.online_level, p.postal_allowed, p.boundary_free_allowed,"
            + " p.financial_obligation_pauses_clock, p.online_fee_discount_percent, p.components_json,"
            + " p.fees_json";
    /**
     * The newest version that left DRAFT, provided it is still PUBLISHED: a withdrawal hides the procedure instead
     * of bringing back the version it had superseded.
     */
    public static final String CURRENT_PUBLISHED = "p.state = 'PUBLISHED' AND p.version = (SELECT MAX(v.version)"
            + " FROM procedure_version v WHERE v.code = p.code AND v.state IN ('PUBLISHED', 'WITHDRAWN'))";

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    public ProcedureRepository(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The current published version, if the procedure is received at this unit. */
    @Transactional(readOnly = true)
    public Optional<ReceivableProcedure> findReceivable(String code, String unitCode) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS + ", pu.competent_unit_code FROM procedure_version p"
                        + " JOIN procedure_unit pu ON pu.procedure_code = p.code"
                        + " WHERE p.code = ? AND pu.unit_code = ? AND " + CURRENT_PUBLISHED,
                ps -> {
                    ps.setString(1, code);
                    ps.setString(2, unitCode);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new ReceivableProcedure(map(rs), rs.getString("competent_unit_code")))
                                : Optional.empty();
                    }
                });
    }

    /**
     * One stored version, published or not: a dossier keeps the version it was filed under (time limit,
     * components, fees) even after the catalogue moves on.
     */
    @Transactional(readOnly = true)
    public Optional<Procedure> findVersion(String code, int version) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS + " FROM procedure_version p WHERE p.code = ?" + " AND p.version = ?", ps -> {
                    ps.setString(1, code);
                    ps.setInt(2, version);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
                    }
                });
    }

    /** Published procedures received at a unit, ordered by code, after the given code (keyset paging). */
    @Transactional(readOnly = true)
    public List<Procedure> listForUnit(String unitCode, String afterCode, int limit) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS + " FROM procedure_version p"
                        + " JOIN procedure_unit pu ON pu.procedure_code = p.code"
                        + " WHERE pu.unit_code = ? AND p.code > ? AND " + CURRENT_PUBLISHED
                        + " ORDER BY p.code LIMIT ?",
                ps -> {
                    ps.setString(1, unitCode);
                    ps.setString(2, afterCode);
                    ps.setInt(3, limit);
                    return list(ps.executeQuery());
                });
    }

    /** Published procedures whose folded name contains every term, optionally only those received at a unit. */
    @Transactional(readOnly = true)
    public List<Procedure> search(List<String> terms, String unitCode, String afterCode, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT " + COLUMNS + " FROM procedure_version p WHERE " + CURRENT_PUBLISHED + " AND p.code > ?");
        terms.forEach(t -> sql.append(" AND p.name_search LIKE ?"));
        if (unitCode != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM procedure_unit pu WHERE pu.procedure_code = p.code"
                    + " AND pu.unit_code = ?)");
        }
        sql.append(" ORDER BY p.code LIMIT ?");
        return jdbc.prepareStatement(sql.toString(), ps -> {
            int i = 1;
            ps.setString(i++, afterCode);
            for (String term : terms) {
                ps.setString(i++, "%" + term + "%");
            }
            if (unitCode != null) {
                ps.setString(i++, unitCode);
            }
            ps.setInt(i, limit);
            return list(ps.executeQuery());
        });
    }

    private List<Procedure> list(ResultSet rs) throws SQLException {
        try (rs) {
            List<Procedure> result = new ArrayList<>();
            while (rs.next()) {
                result.add(map(rs));
            }
            return result;
        }
    }

    /** One row selected with {@link #COLUMNS}. */
    public Procedure map(ResultSet rs) throws SQLException {
        try {
            return new Procedure(
                    rs.getString("code"),
                    rs.getInt("version"),
                    rs.getString("name"),
                    rs.getString("field"),
                    UnitLevel.valueOf(rs.getString("level")),
                    new TimeLimit(
                            rs.getLong("time_limit_amount"), TimeLimitUnit.valueOf(rs.getString("time_limit_unit"))),
                    Arrays.stream(json.readValue(rs.getString("fees_json"), FeeRow[].class))
                            .map(f -> new Procedure.Fee(f.name(), f.amountDong(), f.legalBasis()))
                            .toList(),
                    Procedure.OnlineLevel.valueOf(rs.getString("online_level")),
                    rs.getBoolean("postal_allowed"),
                    rs.getBoolean("boundary_free_allowed"),
                    rs.getBoolean("financial_obligation_pauses_clock"),
                    rs.getInt("online_fee_discount_percent"),
                    Arrays.stream(json.readValue(rs.getString("components_json"), ComponentRow[].class))
                            .map(c -> new Procedure.Component(
                                    c.name(), c.originalRequired(), c.quantity(), c.presentOnly()))
                            .toList());
        } catch (IOException e) {
            throw new IllegalStateException("corrupt procedure row " + rs.getString("code"), e);
        }
    }

    /** JSON shape of fees_json items; legalBasis is absent from items stored before it existed (null). */
    @Serdeable
    record FeeRow(String name, long amountDong, @Nullable String legalBasis) {}

    /** JSON shape of components_json items. */
    @Serdeable
    record ComponentRow(String name, boolean originalRequired, int quantity, boolean presentOnly) {}

    /** A procedure as received at one unit, with the unit competent to decide it there. */
    public record ReceivableProcedure(Procedure procedure, String competentUnitCode) {}
}
