package vn.motcua.deploycheck.policy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.motcua.deploycheck.Finding;
import vn.motcua.deploycheck.Rule;

/**
 * Requests let the scheduler place pods and the HPA compute utilisation (a CPU target needs a CPU request); limits
 * keep one JVM from starving its neighbours, and the memory limit is what the image's MaxRAMPercentage sizes the
 * heap from. Init containers need them too: the pod's effective request is the larger of theirs and the containers'.
 */
final class ResourcesPolicy implements Policy {

    @Override
    public List<Finding> check(List<HasMetadata> objects, Path kustomization) {
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : Workload.in(objects)) {
            workload.allContainers().forEach(named -> {
                ResourceRequirements resources = named.container().getResources();
                List<String> missing = new ArrayList<>();
                missingIn("requests", resources == null ? null : resources.getRequests(), missing);
                missingIn("limits", resources == null ? null : resources.getLimits(), missing);
                if (!missing.isEmpty()) {
                    findings.add(new Finding(
                            Rule.RESOURCES,
                            ObjectNames.name(workload.owner()),
                            named.describe() + " has no " + String.join(", ", missing)));
                }
            });
        }
        return findings;
    }

    private static void missingIn(String section, Map<String, Quantity> values, List<String> missing) {
        for (String resource : List.of("cpu", "memory")) {
            Quantity quantity = values == null ? null : values.get(resource);
            if (quantity == null
                    || quantity.getAmount() == null
                    || quantity.getAmount().isBlank()) {
                missing.add(section + "." + resource);
            }
        }
    }
}
