package vn.motcua.deploycheck.policy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.motcua.deploycheck.Finding;
import vn.motcua.deploycheck.Rule;

/**
 * A secret value written into the manifests is in git, in every rendered copy and in every CI log. Secrets come from
 * Secrets the operator creates ({@code kubectl create secret}) and reach containers by secretKeyRef. Flagged:
 *
 * <ul>
 *   <li>a rendered Secret that carries data or stringData (whatever produced it: a file, a generator);
 *   <li>a container env var whose name ends like a secret (PASSWORD, SECRET, TOKEN, KEY, ...) with an inline
 *       {@code value} instead of {@code valueFrom};
 *   <li>a ConfigMap key named like one (it would reach a container through envFrom unnoticed);
 *   <li>a secretGenerator with {@code literals} in any kustomization the overlay includes.
 * </ul>
 *
 * <p>Only the last word of a name counts: MOTCUA_MYSQL_PASSWORD is a secret, MOTCUA_SERVICE_ACCOUNT_TOKEN_URI and
 * MOTCUA_AUTH_TOKEN_CACHE_MAX_ENTRIES are not.
 */
final class InlineSecretPolicy implements Policy {

    private static final Set<String> SECRET_WORDS = Set.of(
            "PASSWORD", "PASSWD", "PWD", "PASS", "SECRET", "TOKEN", "KEY", "APIKEY", "CREDENTIAL", "CREDENTIALS");
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[_.\\-]");
    private static final List<String> KUSTOMIZATION_FILES =
            List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    private final ObjectMapper yaml = YAMLMapper.builder().build();

    @Override
    public List<Finding> check(List<HasMetadata> objects, Path kustomization) {
        List<Finding> findings = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (object instanceof Secret secret && (notEmpty(secret.getData()) || notEmpty(secret.getStringData()))) {
                findings.add(new Finding(
                        Rule.INLINE_SECRET,
                        ObjectNames.name(secret),
                        "carries secret values inline (data/stringData): ship no Secret with values; the operator"
                                + " creates it (kubectl create secret) and containers read it by secretKeyRef"));
            }
            if (object instanceof ConfigMap configMap && configMap.getData() != null) {
                configMap.getData().keySet().stream()
                        .filter(InlineSecretPolicy::looksSecret)
                        .sorted()
                        .forEach(key -> findings.add(new Finding(
                                Rule.INLINE_SECRET,
                                ObjectNames.name(configMap),
                                "key " + key + " looks like a secret value in a ConfigMap: move it to a Secret"
                                        + " the operator creates")));
            }
        }
        for (Workload workload : Workload.in(objects)) {
            workload.allContainers().forEach(named -> {
                for (EnvVar env : Objects.requireNonNullElse(named.container().getEnv(), List.<EnvVar>of())) {
                    if (looksSecret(env.getName())
                            && env.getValue() != null
                            && !env.getValue().isEmpty()) {
                        findings.add(new Finding(
                                Rule.INLINE_SECRET,
                                ObjectNames.name(workload.owner()),
                                named.describe() + ": env " + env.getName() + " has an inline value: use valueFrom:"
                                        + " secretKeyRef"));
                    }
                }
            });
        }
        if (kustomization != null) {
            secretGeneratorLiterals(kustomization, new HashSet<>(), findings);
        }
        return findings;
    }

    static boolean looksSecret(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        String[] words = WORD_SEPARATORS.split(name.toUpperCase(Locale.ROOT));
        return words.length > 0 && SECRET_WORDS.contains(words[words.length - 1]);
    }

    private static boolean notEmpty(Map<String, String> values) {
        return values != null && !values.isEmpty();
    }

    /** Follows resources/bases/components that are local directories, as kustomize does. */
    private void secretGeneratorLiterals(Path dir, Set<Path> seen, List<Finding> findings) {
        Path normalized = dir.toAbsolutePath().normalize();
        if (!seen.add(normalized)) {
            return;
        }
        Path file = KUSTOMIZATION_FILES.stream()
                .map(normalized::resolve)
                .filter(Files::isRegularFile)
                .findFirst()
                .orElse(null);
        if (file == null) {
            return;
        }
        JsonNode root;
        try {
            root = yaml.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            return; // kustomize itself reports a malformed kustomization; this rule has nothing to add
        }
        for (JsonNode generator : root.path("secretGenerator")) {
            JsonNode literals = generator.path("literals");
            if (literals.isArray() && !literals.isEmpty()) {
                findings.add(new Finding(
                        Rule.INLINE_SECRET,
                        "secretGenerator/" + generator.path("name").asString("?"),
                        "has literals in " + file + ": a secretGenerator literal is a secret value in git; the"
                                + " operator creates the Secret (kubectl create secret)"));
            }
        }
        for (String field : List.of("resources", "bases", "components")) {
            for (JsonNode entry : root.path(field)) {
                String ref = entry.asString("");
                if (ref.isEmpty() || ref.contains("://") || ref.startsWith("github.com/")) {
                    continue;
                }
                Path target = normalized.resolve(ref);
                if (Files.isDirectory(target)) {
                    secretGeneratorLiterals(target, seen, findings);
                }
            }
        }
    }
}
