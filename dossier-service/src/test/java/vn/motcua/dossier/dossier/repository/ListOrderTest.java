package vn.motcua.dossier.dossier.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.dossier.repository.ListOrder.Column;

/** Dossiers without the sort's time come last whichever way the list runs, and their key pages like any other. */
class ListOrderTest {

    private static final Instant MONDAY = Instant.parse("2026-03-09T01:00:00Z");

    @Test
    void aMissingTimeSortsAfterEveryRealOneAscending() {
        ListOrder ascending = ListOrder.ascending(Column.DUE_AT);

        assertThat(ascending.keyOf(null)).isAfter(Instant.parse("2999-12-31T00:00:00Z"));
        assertThat(ascending.keyOf(MONDAY)).isEqualTo(MONDAY);
        assertThat(ascending.orderBySql()).isEqualTo("COALESCE(due_at, TIMESTAMP '9999-12-31 00:00:00'), code");
        assertThat(ascending.afterSql()).contains("> ?").doesNotContain("<");
    }

    @Test
    void aMissingTimeSortsAfterEveryRealOneDescending() {
        ListOrder descending = ListOrder.descending(Column.RECEIVED_AT);

        assertThat(descending.keyOf(null)).isBefore(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(descending.orderBySql())
                .isEqualTo("COALESCE(received_at, TIMESTAMP '1900-01-01 00:00:00') DESC, code DESC");
        assertThat(descending.afterSql()).contains("< ?").doesNotContain(">");
    }

    @Test
    void theNullKeyTheTokenCarriesIsTheSentinelTheSqlComputes() {
        assertThat(ListOrder.ascending(Column.CREATED_AT).keySql())
                .contains(ListOrder.ascending(Column.CREATED_AT)
                        .nullKey()
                        .toString()
                        .replace("T", " ")
                        .replace("Z", ""));
        assertThat(ListOrder.descending(Column.CREATED_AT).keySql())
                .contains(ListOrder.descending(Column.CREATED_AT)
                        .nullKey()
                        .toString()
                        .replace("T", " ")
                        .replace("Z", ""));
    }
}
