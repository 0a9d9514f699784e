package vn.motcua.deploycheck.schema;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.internal.KubernetesDeserializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.motcua.deploycheck.Finding;
import vn.motcua.deploycheck.Rule;

/**
 * Reads rendered manifests into the fabric8 Kubernetes model, which is generated from the Kubernetes OpenAPI schema,
 * and refuses what the schema does not describe.
 *
 * <p>The fabric8 classes accept anything by design: an unknown field lands in the object's {@code
 * additionalProperties} (a Jackson any-setter), so a misspelled {@code replica: 2} would pass silently and the API
 * server would drop it (or reject it, depending on its field validation). This reader removes every any-setter and
 * turns on {@code FAIL_ON_UNKNOWN_PROPERTIES}, so such a field is an error with its path. An apiVersion/kind the model
 * does not know (fabric8 would read it as a GenericKubernetesResource, a bag of anything) is reported as unknown.
 */
public final class StrictManifestReader {

    // apiVersion/kind -> model class, from the kubernetes-model jars on the classpath (ServiceLoader)
    private static final KubernetesDeserializer KINDS = new KubernetesDeserializer();

    private final ObjectMapper mapper = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(new SimpleModule("motcua-strict-kubernetes").setDeserializerModifier(new NoAnySetter()))
            .build();

    private final ObjectMapper lenientMapper = YAMLMapper.builder().build();

    /** The objects and the schema findings of one multi-document YAML stream. */
    public record Result(List<HasMetadata> objects, List<Finding> findings) {}

    public Result read(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNextValue()) {
                documents.add(it.nextValue());
            }
        } catch (JacksonException e) {
            findings.add(new Finding(Rule.SCHEMA, "(stream)", "not valid YAML: " + e.getOriginalMessage()));
            return new Result(objects, findings);
        }
        for (int i = 0; i < documents.size(); i++) {
            JsonNode document = documents.get(i);
            if (document == null || document.isNull() || document.isMissingNode() || isEmptyMapping(document)) {
                // an empty document between two "---"; kustomize v2 (kubectl 1.20) also leaves "{}" where a
                // "$patch: delete" removed an object
                continue;
            }
            String label = label(document, i);
            if (!document.isObject()) {
                findings.add(new Finding(Rule.SCHEMA, label, "a document is not a mapping"));
                continue;
            }
            String apiVersion = text(document, "apiVersion");
            String kind = text(document, "kind");
            Class<? extends KubernetesResource> type = KINDS.getRegisteredKind(apiVersion, kind);
            if (type == null || !HasMetadata.class.isAssignableFrom(type)) {
                findings.add(unknownKind(label, apiVersion, kind));
                continue;
            }
            KubernetesResource resource;
            try {
                resource = mapper.treeToValue(document, type);
            } catch (JacksonException e) {
                findings.add(new Finding(Rule.SCHEMA, label, describe(e)));
                // read it as fabric8 would (unknown fields set aside) so the policies still see it: one run lists
                // every problem instead of hiding an object's policy findings behind its schema error
                lenient(document, type).ifPresent(objects::add);
                continue;
            }
            objects.add((HasMetadata) resource);
        }
        return new Result(objects, findings);
    }

    private Optional<HasMetadata> lenient(JsonNode document, Class<? extends KubernetesResource> type) {
        try {
            return Optional.of((HasMetadata) lenientMapper.treeToValue(document, type));
        } catch (JacksonException e) {
            return Optional.empty(); // a wrong type: nothing the policies could read
        }
    }

    private static Finding unknownKind(String label, String apiVersion, String kind) {
        return new Finding(
                Rule.SCHEMA,
                label,
                "unknown apiVersion/kind " + apiVersion + "/" + kind + ": no such type in the Kubernetes API"
                        + " (misspelled, or a group the checks do not know: add its fabric8 kubernetes-model module"
                        + " to deploy-check)");
    }

    private static boolean isEmptyMapping(JsonNode document) {
        return document.isObject() && document.isEmpty();
    }

    private static String describe(JacksonException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        String message = e.getOriginalMessage();
        // Jackson's message for an unknown field lists every known one: keep the first sentence only
        int cut = message.indexOf(", not marked as ignorable");
        if (cut > 0) {
            message = message.substring(0, cut);
        }
        return "does not match the Kubernetes schema at " + (path.isEmpty() ? "(top)" : path) + ": " + message;
    }

    private static String label(JsonNode document, int index) {
        String kind = text(document, "kind");
        JsonNode metadata = document.path("metadata");
        String name = metadata.path("name").asString("?");
        String namespace = metadata.path("namespace").asString("");
        return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name + " (document " + (index + 1) + ")";
    }

    private static String text(JsonNode document, String field) {
        return document.path(field).asString("?");
    }

    /** Drops the any-setter of every bean, so an unknown field meets FAIL_ON_UNKNOWN_PROPERTIES instead. */
    private static final class NoAnySetter extends ValueDeserializerModifier {
        @Override
        public BeanDeserializerBuilder updateBuilder(
                DeserializationConfig config, BeanDescription.Supplier beanDesc, BeanDeserializerBuilder builder) {
            builder.setAnySetter(null);
            return builder;
        }
    }
}
