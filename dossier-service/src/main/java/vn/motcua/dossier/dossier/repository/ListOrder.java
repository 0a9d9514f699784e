package vn.motcua.dossier.dossier.repository;

import java.time.Instant;

/**
 * The order of a dossier list: one time column, ascending or descending, ties broken by code in the same direction.
 * Dossiers without that time (not yet accepted) sort last in both directions: the SQL key replaces null by a
 * sentinel beyond every real time on the far side, and the keyset token carries that sentinel like any other time.
 */
public record ListOrder(Column column, boolean descending) {

    /** After every real time: where nulls sort in an ascending list. */
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    /** Before every real time (and after 1582, so JDBC's Julian/Gregorian switch cannot shift it). */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    public enum Column {
        DUE_AT("due_at"),
        RECEIVED_AT("received_at"),
        CREATED_AT("created_at");

        private final String name;

        Column(String name) {
            this.name = name;
        }
    }

    public static ListOrder ascending(Column column) {
        return new ListOrder(column, false);
    }

    public static ListOrder descending(Column column) {
        return new ListOrder(column, true);
    }

    /** The key a dossier without this time sorts by. */
    public Instant nullKey() {
        return descending ? EARLIEST : LATEST;
    }

    /** The key a dossier with {@code at} (possibly null) sorts by, as the SQL key computes it. */
    public Instant keyOf(Instant at) {
        return at == null ? nullKey() : at;
    }

    String keySql() {
        String sentinel = descending ? "TIMESTAMP '1900-01-01 00:00:00'" : "TIMESTAMP '9999-12-31 00:00:00'";
        return "COALESCE(" + column.name + ", " + sentinel + ")";
    }

    /** Rows strictly after the keyset position (key, code) in this order; binds key, key, code. */
    String afterSql() {
        String beyond = descending ? "<" : ">";
        return "(" + keySql() + " " + beyond + " ? OR (" + keySql() + " = ? AND code " + beyond + " ?))";
    }

    String orderBySql() {
        String direction = descending ? " DESC" : "";
        return keySql() + direction + ", code" + direction;
    }
}
