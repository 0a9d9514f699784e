package vn.motcua.deploycheck.policy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An object that runs pods, with the pod spec and pod labels it stamps out. {@code longRunning} is false for Jobs and
 * CronJobs: their pods run to completion, so liveness and readiness probes are not asked of them.
 */
record Workload(HasMetadata owner, PodSpec spec, Map<String, String> podLabels, boolean longRunning) {

    static List<Workload> in(List<HasMetadata> objects) {
        return objects.stream().flatMap(o -> of(o).stream()).toList();
    }

    static Optional<Workload> of(HasMetadata object) {
        if (object instanceof Deployment d && d.getSpec() != null) {
            return template(d, d.getSpec().getTemplate(), true);
        }
        if (object instanceof StatefulSet s && s.getSpec() != null) {
            return template(s, s.getSpec().getTemplate(), true);
        }
        if (object instanceof DaemonSet d && d.getSpec() != null) {
            return template(d, d.getSpec().getTemplate(), true);
        }
        if (object instanceof ReplicaSet r && r.getSpec() != null) {
            return template(r, r.getSpec().getTemplate(), true);
        }
        if (object instanceof Job j && j.getSpec() != null) {
            return template(j, j.getSpec().getTemplate(), false);
        }
        if (object instanceof CronJob c
                && c.getSpec() != null
                && c.getSpec().getJobTemplate() != null
                && c.getSpec().getJobTemplate().getSpec() != null) {
            return template(c, c.getSpec().getJobTemplate().getSpec().getTemplate(), false);
        }
        if (object instanceof Pod p && p.getSpec() != null) {
            return Optional.of(new Workload(p, p.getSpec(), labels(p), true));
        }
        return Optional.empty();
    }

    private static Optional<Workload> template(HasMetadata owner, PodTemplateSpec template, boolean longRunning) {
        if (template == null || template.getSpec() == null) {
            return Optional.empty();
        }
        Map<String, String> labels =
                template.getMetadata() == null || template.getMetadata().getLabels() == null
                        ? Map.of()
                        : template.getMetadata().getLabels();
        return Optional.of(new Workload(owner, template.getSpec(), labels, longRunning));
    }

    private static Map<String, String> labels(HasMetadata object) {
        Map<String, String> labels =
                object.getMetadata() == null ? null : object.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    /** Regular containers then init containers, each with the word the findings use for it. */
    Stream<NamedContainer> allContainers() {
        return Stream.concat(
                Objects.requireNonNullElse(spec.getContainers(), List.<io.fabric8.kubernetes.api.model.Container>of())
                        .stream()
                        .map(c -> new NamedContainer(c, false)),
                Objects.requireNonNullElse(
                                spec.getInitContainers(), List.<io.fabric8.kubernetes.api.model.Container>of())
                        .stream()
                        .map(c -> new NamedContainer(c, true)));
    }

    String namespace() {
        return Objects.toString(owner.getMetadata().getNamespace(), "");
    }

    record NamedContainer(io.fabric8.kubernetes.api.model.Container container, boolean init) {
        String describe() {
            return (init ? "init container " : "container ") + container.getName();
        }
    }
}
