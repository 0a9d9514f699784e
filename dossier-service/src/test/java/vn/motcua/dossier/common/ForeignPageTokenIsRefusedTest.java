package vn.motcua.dossier.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.catalog.domain.DraftRules;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.paging.Page;

/** A page token this service did not issue is an error, never a silently empty page. */
class ForeignPageTokenIsRefusedTest {

    @Test
    void aTokenOfThisListContinuesAfterItsKey() {
        Page<String> first = Page.of(List.of("1.001193", "1.000894", "2.000635"), 2, s -> s);

        Page.Request next = Page.Request.of(2, first.nextToken());

        assertThat(next.afterKeyLike(DraftRules.PROCEDURE_CODE)).isEqualTo("1.000894");
    }

    @Test
    void aTokenThatDecodesToSomethingElseIsInvalid() {
        for (String token : List.of("-1", "AAAA", "eyJ4IjoxfQ", "Ynl0ZXM")) {
            Page.Request request = Page.Request.of(10, token);

            assertThatThrownBy(() -> request.afterKeyLike(DraftRules.PROCEDURE_CODE))
                    .as(token)
                    .isInstanceOf(DomainException.class)
                    .hasMessageContaining("page_token");
        }
    }

    @Test
    void noTokenStartsAtTheBeginning() {
        assertThat(Page.Request.of(0, "").afterKeyLike(DraftRules.PROCEDURE_CODE))
                .isEmpty();
        assertThat(Page.Request.of(0, null).size()).isEqualTo(Page.DEFAULT_SIZE);
    }
}
