package vn.motcua.deploycheck;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the test kustomizations and the repository's deploy/k8s are. */
final class Fixtures {

    private Fixtures() {}

    /** A directory under src/test/resources (copied whole to target/test-classes, so relative bases still resolve). */
    static Path resource(String relative) {
        URL url = Fixtures.class.getClassLoader().getResource(relative);
        if (url == null) {
            throw new IllegalStateException("no test resource " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The repository root: the surefire property set by the pom (the Maven multi-module directory), else the first
     * parent of the working directory that holds mvnw (a run from an IDE).
     */
    static Path repoRoot() {
        String configured = System.getProperty("motcua.repo.root");
        if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured, "mvnw"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory with mvnw and deploy/) above "
                + Path.of("").toAbsolutePath());
    }
}
