package vn.motcua.deploycheck;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.deploycheck.policy.Policy;
import vn.motcua.deploycheck.render.Kustomize;
import vn.motcua.deploycheck.schema.StrictManifestReader;

/**
 * Render, validate, police: what `./motcua test` asks of every overlay under deploy/k8s. A render failure throws
 * (there is nothing to check); schema and policy problems are collected, so one run lists all of them.
 */
public final class DeployCheck {

    private final Kustomize kustomize;
    private final StrictManifestReader reader = new StrictManifestReader();
    private final List<Policy> policies = Policy.all();

    public DeployCheck(Kustomize kustomize) {
        this.kustomize = kustomize;
    }

    /** What one overlay renders to and what is wrong with it. */
    public record Report(Path kustomization, List<HasMetadata> objects, List<Finding> findings) {

        public boolean passes() {
            return findings.isEmpty();
        }

        public String describe() {
            StringBuilder text = new StringBuilder(
                    kustomization + ": " + objects.size() + " objects, " + findings.size() + " finding(s)");
            findings.forEach(f -> text.append("\n  ").append(f));
            return text.toString();
        }
    }

    public Report check(Path kustomization) {
        String rendered = kustomize.render(kustomization);
        StrictManifestReader.Result read = reader.read(rendered);
        List<Finding> findings = new ArrayList<>(read.findings());
        for (Policy policy : policies) {
            findings.addAll(policy.check(read.objects(), kustomization));
        }
        return new Report(kustomization, read.objects(), List.copyOf(findings));
    }

    /** {@code java -cp ... vn.motcua.deploycheck.DeployCheck DIR...}: checks each overlay, exits 1 on any finding. */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: DeployCheck KUSTOMIZATION_DIR...");
            System.exit(2);
        }
        DeployCheck check = new DeployCheck(Kustomize.fromEnvironment());
        boolean ok = true;
        for (String arg : args) {
            Report report = check.check(Path.of(arg));
            System.out.println(report.describe());
            ok &= report.passes();
        }
        System.exit(ok ? 0 : 1);
    }
}
