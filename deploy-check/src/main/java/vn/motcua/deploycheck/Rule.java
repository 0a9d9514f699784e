package vn.motcua.deploycheck;

/** What deploy/k8s must satisfy; each finding names the rule it breaks so a test (and an operator) can tell them apart. */
public enum Rule {
    SCHEMA("every object validates against the Kubernetes API schema (no unknown field, kind or wrong type)"),
    IMAGE_TAG("every image is pinned: a tag other than latest, or a digest"),
    PROBES("every long-running container has a liveness and a readiness probe"),
    RESOURCES("every container requests and limits cpu and memory"),
    SECURITY("no container is privileged, may escalate privileges or runs as root"),
    INLINE_SECRET("no secret value is written in the manifests: secrets come from Secrets the operator creates"),
    NETWORK_POLICY("every Service's pods are selected by a NetworkPolicy of their own (the namespace's deny-all"
            + " does not count)");

    private final String requirement;

    Rule(String requirement) {
        this.requirement = requirement;
    }

    public String requirement() {
        return requirement;
    }
}
