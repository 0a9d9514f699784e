package vn.motcua.deploycheck.policy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.motcua.deploycheck.Finding;
import vn.motcua.deploycheck.Rule;

/**
 * Every Service's pods must be selected by a NetworkPolicy that names them, so who may reach them is written down.
 * The namespace's default deny-all (an empty podSelector) selects every pod and says nothing about any one of them,
 * so it does not count; neither does an Egress-only policy.
 *
 * <p>A Service's pods are those of the workloads in its namespace whose pod template carries every label of the
 * Service's selector; each of their label sets must be selected. When no workload matches (a Service for pods made
 * elsewhere), the selector itself stands for the pods' labels. A Service without a selector (ExternalName, manual
 * Endpoints) has no pods here and is skipped.
 */
final class NetworkPolicyCoveragePolicy implements Policy {

    @Override
    public List<Finding> check(List<HasMetadata> objects, Path kustomization) {
        List<NetworkPolicy> policies = objects.stream()
                .filter(NetworkPolicy.class::isInstance)
                .map(NetworkPolicy.class::cast)
                .filter(NetworkPolicyCoveragePolicy::namesPodsForIngress)
                .toList();
        List<Workload> workloads = Workload.in(objects);
        List<Finding> findings = new ArrayList<>();
        for (HasMetadata object : objects) {
            if (!(object instanceof Service service)
                    || service.getSpec() == null
                    || service.getSpec().getSelector() == null
                    || service.getSpec().getSelector().isEmpty()) {
                continue;
            }
            Map<String, String> selector = service.getSpec().getSelector();
            String namespace = Objects.toString(service.getMetadata().getNamespace(), "");
            List<Map<String, String>> podLabelSets = workloads.stream()
                    .filter(w -> w.namespace().equals(namespace))
                    .map(Workload::podLabels)
                    .filter(labels -> labels.entrySet().containsAll(selector.entrySet()))
                    .toList();
            if (podLabelSets.isEmpty()) {
                podLabelSets = List.of(selector);
            }
            for (Map<String, String> labels : podLabelSets) {
                boolean covered = policies.stream()
                        .filter(p -> Objects.toString(p.getMetadata().getNamespace(), "")
                                .equals(namespace))
                        .anyMatch(p -> selects(p.getSpec().getPodSelector(), labels));
                if (!covered) {
                    findings.add(new Finding(
                            Rule.NETWORK_POLICY,
                            ObjectNames.name(service),
                            "no NetworkPolicy selects its pods " + labels + " (the default deny-all does not count):"
                                    + " add one that says who may reach them"));
                    break;
                }
            }
        }
        return findings;
    }

    /** A policy with a non-empty podSelector that governs ingress (policyTypes absent means Ingress). */
    private static boolean namesPodsForIngress(NetworkPolicy policy) {
        if (policy.getSpec() == null || policy.getSpec().getPodSelector() == null) {
            return false;
        }
        LabelSelector selector = policy.getSpec().getPodSelector();
        boolean empty =
                (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                        && (selector.getMatchExpressions() == null
                                || selector.getMatchExpressions().isEmpty());
        List<String> types = policy.getSpec().getPolicyTypes();
        boolean ingress = types == null || types.isEmpty() || types.contains("Ingress");
        return !empty && ingress;
    }

    /** Kubernetes label selector semantics: every matchLabels entry and every expression must hold. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null
                && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement requirement :
                Objects.requireNonNullElse(selector.getMatchExpressions(), List.<LabelSelectorRequirement>of())) {
            String value = labels.get(requirement.getKey());
            List<String> values = Objects.requireNonNullElse(requirement.getValues(), List.of());
            boolean holds = switch (requirement.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false; // an operator Kubernetes does not know selects nothing
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }
}
