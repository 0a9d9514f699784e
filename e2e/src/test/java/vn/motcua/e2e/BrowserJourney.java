package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one console journey (e2e/src/test/browser/*.journey.cjs) in Debian's headless chromium, driven by
 * playwright-core with axe-core from var/tools (./motcua test installs both; .ci/run installs chromium). Screenshots
 * land in e2e/target/screenshots/&lt;journey&gt;/ as test artefacts.
 */
final class BrowserJourney {

    private static final String NODE_MODULES = "var/tools/node_modules";
    private static final long TIMEOUT_MINUTES = 8;

    private BrowserJourney() {}

    /** Runs the script with the console's URL and the extra environment; returns its output after asserting success. */
    static String run(Platform platform, String script, Map<String, String> extraEnv) throws Exception {
        Path file = platform.root.resolve("e2e/src/test/browser").resolve(script);
        Path modules = platform.root.resolve(NODE_MODULES);
        String chromium = System.getenv().getOrDefault("MOTCUA_CHROMIUM", "/usr/bin/chromium");
        assertThat(Files.isDirectory(modules.resolve("playwright-core")))
                .as("playwright-core in %s (./motcua test installs it)", modules)
                .isTrue();
        assertThat(Files.isRegularFile(modules.resolve("axe-core/axe.min.js")))
                .as("axe-core in %s (./motcua test installs it)", modules)
                .isTrue();
        assertThat(new File(chromium).canExecute())
                .as("%s (apt-get install chromium, or set MOTCUA_CHROMIUM)", chromium)
                .isTrue();

        Path output = Files.createTempFile("motcua-journey-", ".log");
        try {
            ProcessBuilder node = new ProcessBuilder("node", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Map<String, String> env = node.environment();
            env.put("NODE_PATH", modules.toString());
            env.put("CHROMIUM", chromium);
            env.put("CONSOLE_URL", platform.gatewayUrl() + "/");
            env.put("PASSWORD", SystemTest.DEMO_PASSWORD);
            env.put(
                    "SCREENSHOT_DIR",
                    platform.root.resolve("e2e/target/screenshots").toString());
            env.putAll(extraEnv);
            Process process = node.start();
            boolean finished = process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println("[" + script + "] " + log.strip().replace("\n", "\n[" + script + "] "));
            assertThat(finished)
                    .as("the journey ended within %d minutes:%n%s", TIMEOUT_MINUTES, log)
                    .isTrue();
            assertThat(process.exitValue()).as(log).isZero();
            assertThat(log).contains("journey ");
            return log;
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }
}
