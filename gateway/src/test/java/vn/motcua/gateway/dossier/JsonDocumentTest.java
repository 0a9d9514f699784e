package vn.motcua.gateway.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.problem.ProblemException;

class JsonDocumentTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    @Test
    void oneObjectIsRead() {
        JsonNode node = JsonDocument.parse(JSON, " {\"a\":[1,{\"b\":null}]}\n");

        assertThat(node.isObject()).isTrue();
        assertThat(node.get("a").size()).isEqualTo(2);
    }

    @Test
    void aSecondDocumentOrTrailingJunkIsMalformed() {
        for (String body : new String[] {"{\"a\":1}{\"a\":2}", "{\"a\":1} x", "[1] [2]", "\"a\" \"b\"", "1 2"}) {
            assertThatThrownBy(() -> JsonDocument.parse(JSON, body))
                    .as(body)
                    .isInstanceOfSatisfying(
                            ProblemException.class, e -> assertThat(e.reason()).isEqualTo("MALFORMED_REQUEST"));
        }
    }

    @Test
    void theDocumentNullIsANullNodeNotAJavaNull() {
        assertThat(JsonDocument.parse(JSON, "null").isNull()).isTrue();
    }

    @Test
    void truncatedOrTooDeeplyNestedJsonIsMalformed() {
        for (String body : new String[] {"{\"a\":", "[".repeat(5000) + "]".repeat(5000), "   "}) {
            assertThatThrownBy(() -> JsonDocument.parse(JSON, body))
                    .as(body.substring(0, Math.min(20, body.length())))
                    .isInstanceOf(ProblemException.class);
        }
    }
}
