package vn.motcua.deploycheck.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization directory with {@code kubectl kustomize}, the renderer an operator uses ({@code kubectl
 * apply -k}), so what is checked is exactly what would be applied. The kubectl binary is {@code MOTCUA_KUBECTL} if
 * set, else the first {@code kubectl} on PATH; .ci/run installs one when the machine has none.
 */
public final class Kustomize {

    /** Environment variable naming the kubectl binary to use instead of the one on PATH. */
    public static final String KUBECTL_ENV = "MOTCUA_KUBECTL";

    // a guard against a hung binary, not a performance bound: rendering takes well under a second
    private static final long RENDER_TIMEOUT_SECONDS = 120;

    private final Path kubectl;

    public Kustomize(Path kubectl) {
        this.kubectl = kubectl;
    }

    /** The kubectl this machine offers, or a {@link RenderException} that says how to get one. */
    public static Kustomize fromEnvironment() {
        String configured = System.getenv(KUBECTL_ENV);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new RenderException(KUBECTL_ENV + "=" + configured + " is not an executable file");
            }
            return new Kustomize(path);
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return new Kustomize(candidate);
            }
        }
        throw new RenderException("kubectl was not found on PATH (" + pathVariable + "): the deploy/k8s checks render"
                + " each overlay with `kubectl kustomize`. Install it (Debian: apt-get install kubernetes-client;"
                + " .ci/run does this) or set " + KUBECTL_ENV + " to a kubectl binary.");
    }

    public Path kubectl() {
        return kubectl;
    }

    /** The multi-document YAML that {@code kubectl kustomize dir} prints. */
    public String render(Path kustomizationDir) {
        if (!Files.isDirectory(kustomizationDir)) {
            throw new RenderException("not a directory: " + kustomizationDir);
        }
        List<String> command = new ArrayList<>(List.of(kubectl.toString(), "kustomize", kustomizationDir.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
        } catch (IOException e) {
            throw new RenderException("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        // both streams are drained concurrently: a full stderr pipe would otherwise block kubectl
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try {
            if (!process.waitFor(RENDER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new RenderException(String.join(" ", command) + " did not finish");
            }
            int exit = process.exitValue();
            if (exit != 0) {
                throw new RenderException(String.join(" ", command) + " failed (exit " + exit + "): "
                        + stderr.join().strip());
            }
            return stdout.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new RenderException("interrupted while rendering " + kustomizationDir, e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                return out.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
