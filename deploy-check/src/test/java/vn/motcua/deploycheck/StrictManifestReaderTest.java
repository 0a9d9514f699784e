package vn.motcua.deploycheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;
import vn.motcua.deploycheck.schema.StrictManifestReader;

/** The schema half without kubectl: strictness is the reader's, not kustomize's. */
class StrictManifestReaderTest {

    private final StrictManifestReader reader = new StrictManifestReader();

    @Test
    void aKnownObjectIsReadIntoItsModelClass() {
        StrictManifestReader.Result result = reader.read("""
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: demo}
                spec:
                  selector: {app: web}
                  ports: [{name: http, port: 80, targetPort: http}]
                ---
                """);

        assertThat(result.findings()).isEmpty();
        assertThat(result.objects())
                .singleElement()
                .isInstanceOfSatisfying(
                        Service.class,
                        s -> assertThat(s.getSpec()
                                        .getPorts()
                                        .get(0)
                                        .getTargetPort()
                                        .getStrVal())
                                .isEqualTo("http"));
    }

    @Test
    void aMisspelledFieldThatFabric8WouldKeepInAdditionalPropertiesIsAnError() {
        StrictManifestReader.Result result = reader.read("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  selector: {app: web}
                  prots: [{port: 80}]
                """);

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.SCHEMA);
            assertThat(f.object()).startsWith("Service/web");
            assertThat(f.message()).contains("at spec.prots").contains("\"prots\"");
        });
    }

    @Test
    void anObjectWithASchemaErrorIsStillHandedToThePoliciesSoOneRunListsEveryProblem() {
        StrictManifestReader.Result result = reader.read("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  selector: {app: web}
                  prots: [{port: 80}]
                """);

        assertThat(result.findings()).hasSize(1);
        assertThat(result.objects())
                .singleElement()
                .isInstanceOfSatisfying(
                        Service.class,
                        s -> assertThat(s.getSpec().getSelector()).containsEntry("app", "web"));
    }

    @Test
    void aMisspelledFieldInMetadataIsAnErrorToo() {
        StrictManifestReader.Result result = reader.read("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings, label: {app: web}}
                data: {A: b}
                """);

        assertThat(result.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("at metadata.label"));
    }

    @Test
    void aKindInTheWrongApiGroupIsUnknown() {
        StrictManifestReader.Result result = reader.read("""
                apiVersion: extensions/v1beta1
                kind: Ingress
                metadata: {name: web}
                """);

        assertThat(result.findings())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("unknown apiVersion/kind extensions/v1beta1/Ingress"));
    }

    @Test
    void aDuplicatedKeyIsAnErrorRatherThanTheLastOneWinning() {
        StrictManifestReader.Result result = reader.read("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                data: {A: b}
                data: {A: c}
                """);

        assertThat(result.objects()).isEmpty();
        assertThat(result.findings())
                .singleElement()
                .satisfies(
                        f -> assertThat(f.message()).contains("not valid YAML").contains("data"));
    }

    @Test
    void theEmptyMappingKustomizeV2LeavesForADeletedObjectIsSkipped() {
        StrictManifestReader.Result result = reader.read("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: settings}
                ---
                {}
                """);

        assertThat(result.findings()).isEmpty();
        assertThat(result.objects()).hasSize(1);
    }
}
