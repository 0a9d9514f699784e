package vn.motcua.deploycheck.policy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.deploycheck.Finding;
import vn.motcua.deploycheck.Rule;

/**
 * An image must name what it runs: {@code latest} or no tag (which means latest) changes under a running Deployment
 * and makes a rollback roll back to nothing. A digest ({@code @sha256:...}) pins it too.
 */
final class ImageTagPolicy implements Policy {

    @Override
    public List<Finding> check(List<HasMetadata> objects, Path kustomization) {
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : Workload.in(objects)) {
            workload.allContainers().forEach(named -> {
                String image = named.container().getImage();
                String problem = problem(image);
                if (problem != null) {
                    findings.add(new Finding(
                            Rule.IMAGE_TAG,
                            ObjectNames.name(workload.owner()),
                            named.describe() + ": image '" + image + "' " + problem
                                    + " (pin a version with kustomize images: newTag, or a digest)"));
                }
            });
        }
        return findings;
    }

    /** Why the reference is not pinned, or null when it is. */
    static String problem(String image) {
        if (image == null || image.isBlank()) {
            return "is empty";
        }
        if (image.contains("@sha256:")) {
            return null;
        }
        // the tag follows the last ':' after the last '/': registry.example.vn:5000/motcua/gateway has no tag
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return "has no tag (it means latest)";
        }
        String tag = image.substring(colon + 1);
        if (tag.equalsIgnoreCase("latest")) {
            return "has the tag latest";
        }
        return null;
    }
}
