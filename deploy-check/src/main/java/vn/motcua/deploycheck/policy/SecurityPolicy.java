package vn.motcua.deploycheck.policy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.deploycheck.Finding;
import vn.motcua.deploycheck.Rule;

/**
 * No container may be privileged, may gain privileges (setuid binaries, file capabilities) or run as root. What is
 * not said explicitly counts as unsafe: Kubernetes' defaults are allowPrivilegeEscalation true and whatever user the
 * image names, often root. runAsNonRoot and runAsUser may be set on the pod and overridden per container, as the API
 * does; privileged and allowPrivilegeEscalation exist only per container.
 */
final class SecurityPolicy implements Policy {

    @Override
    public List<Finding> check(List<HasMetadata> objects, Path kustomization) {
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : Workload.in(objects)) {
            PodSecurityContext pod = workload.spec().getSecurityContext();
            workload.allContainers().forEach(named -> {
                SecurityContext container = named.container().getSecurityContext();
                List<String> problems = new ArrayList<>();
                if (container != null && Boolean.TRUE.equals(container.getPrivileged())) {
                    problems.add("is privileged");
                }
                if (container == null || !Boolean.FALSE.equals(container.getAllowPrivilegeEscalation())) {
                    problems.add("does not set allowPrivilegeEscalation: false");
                }
                Boolean runAsNonRoot = container != null && container.getRunAsNonRoot() != null
                        ? container.getRunAsNonRoot()
                        : pod == null ? null : pod.getRunAsNonRoot();
                if (!Boolean.TRUE.equals(runAsNonRoot)) {
                    problems.add("does not set runAsNonRoot: true (on the pod or the container)");
                }
                Long runAsUser = container != null && container.getRunAsUser() != null
                        ? container.getRunAsUser()
                        : pod == null ? null : pod.getRunAsUser();
                if (runAsUser != null && runAsUser == 0L) {
                    problems.add("runs as root (runAsUser: 0)");
                }
                if (!problems.isEmpty()) {
                    findings.add(new Finding(
                            Rule.SECURITY,
                            ObjectNames.name(workload.owner()),
                            named.describe() + " " + String.join("; ", problems)));
                }
            });
        }
        return findings;
    }
}
