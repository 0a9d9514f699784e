package vn.motcua.deploycheck.policy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.deploycheck.Finding;
import vn.motcua.deploycheck.Rule;

/**
 * Without a readiness probe a replica takes traffic before it can serve it (and a rolling update removes the old one
 * too early); without a liveness probe a wedged JVM is never restarted. Init containers cannot have probes and Job
 * pods run to completion, so neither is asked.
 */
final class ProbesPolicy implements Policy {

    @Override
    public List<Finding> check(List<HasMetadata> objects, Path kustomization) {
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : Workload.in(objects)) {
            if (!workload.longRunning()) {
                continue;
            }
            workload.allContainers().filter(named -> !named.init()).forEach(named -> {
                List<String> missing = new ArrayList<>();
                if (named.container().getLivenessProbe() == null) {
                    missing.add("livenessProbe");
                }
                if (named.container().getReadinessProbe() == null) {
                    missing.add("readinessProbe");
                }
                if (!missing.isEmpty()) {
                    findings.add(new Finding(
                            Rule.PROBES,
                            ObjectNames.name(workload.owner()),
                            named.describe() + " has no " + String.join(" and no ", missing)));
                }
            });
        }
        return findings;
    }
}
