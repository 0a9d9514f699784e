package vn.motcua.deploycheck.policy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;
import vn.motcua.deploycheck.Finding;

/** One deployment rule applied to a rendered overlay. */
public interface Policy {

    /**
     * @param objects every object the overlay renders to
     * @param kustomization the overlay's directory, for rules that must read the sources (a secretGenerator literal
     *     leaves no trace in the rendered output that tells it from a Secret created by the operator)
     */
    List<Finding> check(List<HasMetadata> objects, Path kustomization);

    /** Every rule, in the order findings are reported. */
    static List<Policy> all() {
        return List.of(
                new ImageTagPolicy(),
                new ProbesPolicy(),
                new ResourcesPolicy(),
                new SecurityPolicy(),
                new InlineSecretPolicy(),
                new NetworkPolicyCoveragePolicy());
    }
}
