package vn.motcua.dossier.dossier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LookupKeyTest {

    @Test
    void generatedKeysHaveEightUnambiguousCharacters() {
        Random random = new Random(7);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = LookupKey.generate(random);
            assertThat(key).hasSize(LookupKey.LENGTH).matches("[0-9A-HJKMNP-TV-Z]{8}");
            seen.add(key);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void aKeyTypedFromPaperIsReadForgivingly() {
        assertThat(LookupKey.read("7k3m-9qxa")).contains("7K3M9QXA");
        assertThat(LookupKey.read(" 7K3M 9QXA ")).contains("7K3M9QXA");
        assertThat(LookupKey.read("OIL00000")).contains("01100000");
    }

    @Test
    void somethingThatCannotBeAKeyIsRefused() {
        assertThat(LookupKey.read(null)).isEmpty();
        assertThat(LookupKey.read("")).isEmpty();
        assertThat(LookupKey.read("7K3M9QX")).isEmpty();
        assertThat(LookupKey.read("7K3M9QXAB")).isEmpty();
        assertThat(LookupKey.read("7K3M9QXU")).isEmpty();
        assertThat(LookupKey.read("7K3M9QX!")).isEmpty();
        assertThat(LookupKey.read("7K3M9QXĐ")).isEmpty();
        assertThat(LookupKey.read("-".repeat(10_000))).isEmpty();
    }

    @Test
    void onlyTheStoredKeyOpensTheDossier() {
        assertThat(LookupKey.opens("7K3M9QXA", "7k3m-9qxa")).isTrue();
        assertThat(LookupKey.opens("7K3M9QXA", "7K3M9QXB")).isFalse();
        assertThat(LookupKey.opens("7K3M9QXA", "")).isFalse();
        assertThat(LookupKey.opens(null, "7K3M9QXA"))
                .as("a dossier created before keys existed")
                .isFalse();
    }
}
