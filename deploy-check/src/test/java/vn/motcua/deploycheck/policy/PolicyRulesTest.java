package vn.motcua.deploycheck.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parsing and matching the rules rest on, case by case. */
class PolicyRulesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "PINNED", textBlock = """
            registry.example.vn/motcua/gateway:0.1.0                    | PINNED
            registry.example.vn:5000/motcua/gateway:0.1.0               | PINNED
            mysql:8.4.3                                                 | PINNED
            eclipse-temurin@sha256:0123456789abcdef                     | PINNED
            registry.example.vn:5000/motcua/gateway                     | has no tag (it means latest)
            mysql                                                       | has no tag (it means latest)
            quay.io/keycloak/keycloak:latest                            | has the tag latest
            quay.io/keycloak/keycloak:LATEST                            | has the tag latest
            """)
    void anImageIsPinnedOnlyByATagOtherThanLatestOrADigest(String image, String problem) {
        assertThat(ImageTagPolicy.problem(image)).isEqualTo(problem);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "MOTCUA_MYSQL_PASSWORD, true",
        "KC_BOOTSTRAP_ADMIN_PASSWORD, true",
        "MOTCUA_SERVICE_ACCOUNT_CLIENT_SECRET, true",
        "AWS_SECRET_ACCESS_KEY, true",
        "tls.key, true",
        "api-token, true",
        "MOTCUA_SERVICE_ACCOUNT_TOKEN_URI, false",
        "MOTCUA_AUTH_TOKEN_CACHE_MAX_ENTRIES, false",
        "AWS_ACCESS_KEY_ID, false",
        "KEYCLOAK_URL, false",
        "MYSQL_ROOT_PASSWORD_FILE, false",
        "motcua-rules.yaml, false"
    })
    void onlyTheLastWordOfANameMakesItLookLikeASecret(String name, boolean secret) {
        assertThat(InlineSecretPolicy.looksSecret(name)).isEqualTo(secret);
    }

    @Test
    void aSelectorHoldsOnlyWhenEveryLabelAndExpressionHolds() {
        Map<String, String> pod = Map.of("app", "gateway", "tier", "edge");
        LabelSelector byLabel = new LabelSelector(List.of(), Map.of("app", "gateway"));
        LabelSelector wrongLabel = new LabelSelector(List.of(), Map.of("app", "gateway", "tier", "core"));
        LabelSelector notIn =
                new LabelSelector(List.of(new LabelSelectorRequirement("tier", "NotIn", List.of("core"))), Map.of());
        LabelSelector in =
                new LabelSelector(List.of(new LabelSelectorRequirement("tier", "In", List.of("core"))), Map.of());
        LabelSelector absent =
                new LabelSelector(List.of(new LabelSelectorRequirement("app", "DoesNotExist", List.of())), Map.of());

        assertThat(NetworkPolicyCoveragePolicy.selects(byLabel, pod)).isTrue();
        assertThat(NetworkPolicyCoveragePolicy.selects(wrongLabel, pod)).isFalse();
        assertThat(NetworkPolicyCoveragePolicy.selects(notIn, pod)).isTrue();
        assertThat(NetworkPolicyCoveragePolicy.selects(in, pod)).isFalse();
        assertThat(NetworkPolicyCoveragePolicy.selects(absent, pod)).isFalse();
    }
}
