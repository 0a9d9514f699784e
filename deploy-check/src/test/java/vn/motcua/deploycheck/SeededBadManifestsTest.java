package vn.motcua.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.deploycheck.render.Kustomize;
import vn.motcua.deploycheck.render.RenderException;

/**
 * Each seeded bad kustomization (src/test/resources/bad/CASE) is the good fixture with one thing broken; the check
 * must report exactly that rule, with a message that names the problem. The good overlay itself must pass, or the
 * cases would prove nothing.
 */
class SeededBadManifestsTest {

    private static DeployCheck check;

    @BeforeAll
    static void kubectl() {
        check = new DeployCheck(Kustomize.fromEnvironment());
    }

    @Test
    void theGoodOverlayRendersValidatesAndPassesEveryRule() {
        DeployCheck.Report report = check.check(Fixtures.resource("good/overlay"));

        assertThat(report.findings()).as(report.describe()).isEmpty();
        assertThat(report.objects())
                .extracting(o -> o.getKind() + "/" + o.getMetadata().getNamespace() + "/"
                        + o.getMetadata().getName())
                .contains(
                        "Deployment/demo/echo-service",
                        "Deployment/demo/web",
                        "Service/demo/echo-service",
                        "NetworkPolicy/demo/default-deny-all",
                        "PodDisruptionBudget/demo/echo-service",
                        "HorizontalPodAutoscaler/demo/echo-service",
                        "Ingress/demo/web");
    }

    @Test
    void aKustomizationThatDoesNotRenderStopsTheCheckWithKubectlsExplanation() {
        assertThatThrownBy(() -> check.check(Fixtures.resource("bad/does-not-render")))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("kustomize")
                .hasMessageContaining("missing.yaml");
    }

    @Test
    void aKubectlThatCannotBeRunIsNamedInTheError() {
        DeployCheck noKubectl = new DeployCheck(new Kustomize(Path.of("/nonexistent/kubectl")));

        assertThatThrownBy(() -> noKubectl.check(Fixtures.resource("good/overlay")))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("could not run /nonexistent/kubectl kustomize");
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource(delimiter = '|', textBlock = """
            latest-tag                     | IMAGE_TAG      | image 'registry.example.vn/demo/echo-service:latest' has the tag latest
            untagged-image                 | IMAGE_TAG      | image 'registry.example.vn/demo/echo-service' has no tag
            missing-readiness-probe        | PROBES         | container web has no readinessProbe
            missing-limits                 | RESOURCES      | container echo-service has no limits.cpu, limits.memory
            privileged                     | SECURITY       | container web is privileged
            root-user                      | SECURITY       | runs as root (runAsUser: 0)
            missing-run-as-non-root        | SECURITY       | container web does not set runAsNonRoot: true
            privilege-escalation           | SECURITY       | container echo-service does not set allowPrivilegeEscalation: false
            secret-with-data               | INLINE_SECRET  | carries secret values inline (data/stringData)
            secret-env-value               | INLINE_SECRET  | env MOTCUA_SERVICE_ACCOUNT_CLIENT_SECRET has an inline value
            secret-generator-literal       | INLINE_SECRET  | a secretGenerator literal is a secret value in git
            secret-in-config-map           | INLINE_SECRET  | key MOTCUA_MYSQL_PASSWORD looks like a secret value in a ConfigMap
            service-without-network-policy | NETWORK_POLICY | no NetworkPolicy selects its pods
            unknown-field                  | SCHEMA         | at spec.replica: Unrecognized property "replica"
            unknown-nested-field           | SCHEMA         | at spec.template.spec.containers[0].imagePullPolcy: Unrecognized property "imagePullPolcy"
            wrong-type                     | SCHEMA         | at spec.replicas
            unknown-kind                   | SCHEMA         | unknown apiVersion/kind apps/v1/Deploymnet
            """)
    void aSeededBadManifestFailsWithItsRulesMessage(String seeded, Rule rule, String message) {
        DeployCheck.Report report = check.check(Fixtures.resource("bad/" + seeded));

        assertThat(report.passes()).as(report.describe()).isFalse();
        Set<Rule> broken = report.findings().stream().map(Finding::rule).collect(Collectors.toSet());
        assertThat(broken).as(report.describe()).containsExactly(rule);
        assertThat(report.findings())
                .as(report.describe())
                .anySatisfy(f -> assertThat(f.message()).contains(message));
    }
}
