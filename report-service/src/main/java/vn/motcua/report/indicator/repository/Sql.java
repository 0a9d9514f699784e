package vn.motcua.report.indicator.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import vn.motcua.platform.db.UtcTimestamps;

/** Binding helpers: every instant goes through UtcTimestamps (ADR 0002), everything else as a plain object. */
final class Sql {

    private Sql() {}

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof Instant instant) {
                UtcTimestamps.bind(ps, i + 1, instant);
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return UtcTimestamps.read(rs, column);
    }
}
