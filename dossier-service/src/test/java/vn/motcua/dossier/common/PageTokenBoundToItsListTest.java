package vn.motcua.dossier.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.paging.Page;

/** A token of a sorted or filtered list continues that list only: another shape would read its key differently. */
class PageTokenBoundToItsListTest {

    private static final Instant AT = Instant.parse("2026-03-09T01:00:00Z");

    @Test
    void theSameListContinuesAfterTheLastKey() {
        Page<String> first = Page.of(List.of("a", "b", "c"), 2, "inbox;DUE_AT_ASC;;", s -> Page.Keyset.key(AT, s));

        Page.Keyset after = Page.Keyset.of(Page.Request.of(2, first.nextToken()).forList("inbox;DUE_AT_ASC;;"));

        assertThat(after).isEqualTo(new Page.Keyset(AT, "b"));
    }

    @Test
    void anotherSortOrFilterRefusesTheToken() {
        Page<String> first = Page.of(List.of("a", "b", "c"), 2, "inbox;DUE_AT_ASC;;", s -> Page.Keyset.key(AT, s));

        for (String other : List.of(
                "inbox;DUE_AT_DESC;;",
                "inbox;DUE_AT_ASC;RECEIVED;",
                "inbox;DUE_AT_ASC;;NEAR_DUE",
                "inbox",
                "mine;CREATED_AT_DESC;")) {
            Page.Request request = Page.Request.of(2, first.nextToken());
            assertThatThrownBy(() -> request.forList(other))
                    .as(other)
                    .isInstanceOf(DomainException.class)
                    .hasMessageContaining("page.page_token");
        }
    }

    @Test
    void aTokenWithoutAListIsRefusedAndNoTokenStartsTheList() {
        Page<String> unbound = Page.of(List.of("a", "b", "c"), 2, s -> Page.Keyset.key(AT, s));

        assertThatThrownBy(() -> Page.Request.of(2, unbound.nextToken()).forList("inbox;DUE_AT_ASC;;"))
                .isInstanceOf(DomainException.class);
        assertThat(Page.Request.of(2, "").forList("inbox;DUE_AT_ASC;;").after()).isEmpty();
    }

    @Test
    void mappingAPageKeepsItsToken() {
        Page<String> first = Page.of(List.of("a", "b", "c"), 2, "l", s -> Page.Keyset.key(AT, s));

        assertThat(first.map(String::toUpperCase)).isEqualTo(new Page<>(List.of("A", "B"), first.nextToken()));
    }
}
