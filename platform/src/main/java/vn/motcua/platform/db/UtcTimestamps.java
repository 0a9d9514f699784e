package vn.motcua.platform.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How MotCua stores instants: DATETIME(6) columns holding UTC wall-clock time.
 * <p>
 * Values are bound as ISO text ({@code 2026-11-27 09:30:15.123456}), not as Timestamp or LocalDateTime:
 * MariaDB 10.x announces itself as "5.5.5-10.x", mysql-connector-j then believes the server has no fractional
 * seconds and drops them from every temporal parameter it encodes (Timestamp, LocalDateTime, Instant alike).
 * Text parameters are passed through untouched and the server converts them exactly, on MariaDB, MySQL 8 and H2.
 * Reading is unaffected, and no JVM or session time zone takes part in either direction.
 * Repositories must bind every instant through this class; {@code ChangeFeedRetentionAndHeartbeatIT} proves the
 * round trip on MariaDB.
 */
public final class UtcTimestamps {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private UtcTimestamps() {}

    public static void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, TEXT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
        }
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
