package vn.motcua.platform.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How MotCua stores instants: DATETIME(6) columns holding UTC wall-clock time, bound as {@link LocalDateTime}.
 * <p>
 * Why not {@link java.sql.Timestamp}: MariaDB 10.x announces itself as "5.5.5-10.x" and mysql-connector-j then
 * believes the server has no fractional seconds, so every Timestamp it binds loses its microseconds. The driver's
 * LocalDateTime encoder does not consult that capability, so binding LocalDateTime keeps them on MariaDB, MySQL 8
 * and H2 alike, and no JVM or session time zone takes part in the conversion.
 */
public final class UtcTimestamps {

    private UtcTimestamps() {
    }

    public static void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static LocalDateTime toColumn(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant fromColumn(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
