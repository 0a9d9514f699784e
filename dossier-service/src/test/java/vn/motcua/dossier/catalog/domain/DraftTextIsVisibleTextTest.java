package vn.motcua.dossier.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Catalogue texts follow the service's one text rule (PrintableText) and count characters as people do. */
class DraftTextIsVisibleTextTest {

    private final List<String> problems = new ArrayList<>();
    private final DraftRules.Problems p = (field, description) -> problems.add(field + ": " + description);

    @Test
    void invisibleAndPrivateUseCharactersAreRefused() {
        DraftRules.text(p, "name", "Đăng ký\u200B khai sinh", true, 255);
        DraftRules.text(p, "field", "\uE000", true, 255);
        DraftRules.text(p, "legal_basis", "\u2800\u2800", true, 255);
        assertThat(problems).hasSize(3);
    }

    @Test
    void anEmojiIsOneCharacter() {
        DraftRules.text(p, "name", "😀".repeat(10), true, 10);
        assertThat(problems).isEmpty();
    }
}
