package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web console in a real browser: headless Debian chromium driven by playwright-core (src/test/browser), against
 * the shared platform's gateway and Keycloak. It clicks "Đăng nhập", types the demo credentials into Keycloak's own
 * page, sees the inbox and logs out. ./motcua test installs playwright-core into var/tools; .ci/run installs chromium.
 */
class ConsoleBrowserIT extends SystemTest {

    private static final String PLAYWRIGHT = "var/tools/node_modules";
    private static final long TIMEOUT_MINUTES = 5;

    @Test
    void aSpecialistLogsInThroughKeycloakSeesTheInboxAndLogsOut() throws Exception {
        Path script = platform.root.resolve("e2e/src/test/browser/console-login.cjs");
        Path modules = platform.root.resolve(PLAYWRIGHT);
        String chromium = System.getenv().getOrDefault("MOTCUA_CHROMIUM", "/usr/bin/chromium");
        assertThat(Files.isDirectory(modules.resolve("playwright-core")))
                .as(
                        "playwright-core in %s (./motcua test installs it: npm install --prefix var/tools playwright-core)",
                        modules)
                .isTrue();
        assertThat(new File(chromium).canExecute())
                .as("%s (apt-get install chromium, or set MOTCUA_CHROMIUM)", chromium)
                .isTrue();

        Path profile = Files.createTempDirectory("motcua-chromium-");
        Path output = profile.resolveSibling(profile.getFileName() + ".log");
        try {
            ProcessBuilder node = new ProcessBuilder("node", script.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            node.environment().put("NODE_PATH", modules.toString());
            node.environment().put("CHROMIUM", chromium);
            node.environment().put("USER_DATA_DIR", profile.toString());
            node.environment().put("CONSOLE_URL", platform.gatewayUrl() + "/");
            node.environment().put("USERNAME", "cv.ngocson");
            node.environment().put("PASSWORD", DEMO_PASSWORD);
            node.environment().put("EXPECT_ROLE_LABEL", "Chuyên viên xử lý");
            node.environment().put("EXPECT_UNIT", "11077");
            Process process = node.start();
            boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println("[browser] " + log.strip().replace("\n", "\n[browser] "));

            assertThat(finished)
                    .as("the browser run ended within %d minutes:%n%s", TIMEOUT_MINUTES, log)
                    .isTrue();
            assertThat(process.exitValue()).as(log).isZero();
            assertThat(log).contains("step: inbox shown", "step: logged out", "console login in a browser: ok");
        } finally {
            deleteTree(profile);
            Files.deleteIfExists(output);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
