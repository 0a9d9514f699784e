package vn.motcua.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Starts the platform for the first system-test class that needs it and keeps it for the rest of the run. The
 * stop is registered in JUnit's root store, which JUnit closes after the last class; a start that failed is
 * not retried by later classes (they fail at once with the same cause instead of each waiting minutes).
 */
final class SharedPlatform implements BeforeAllCallback, TestWatcher {

    private static final String KEY = SharedPlatform.class.getName();
    private static Platform platform;
    private static Throwable startFailure;
    private static volatile boolean anyFailed;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> new Stopper(), Stopper.class);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        anyFailed = true;
    }

    Platform platform() throws Exception {
        synchronized (SharedPlatform.class) {
            return startOnce();
        }
    }

    private static Platform startOnce() throws Exception {
        if (startFailure != null) {
            throw new IllegalStateException("the shared platform failed to start for an earlier class", startFailure);
        }
        if (platform != null) {
            return platform;
        }
        Path root = Platform.builtRoot();
        Platform started = new Platform(root);
        try {
            started.start();
        } catch (Throwable e) {
            startFailure = e;
            anyFailed = true;
            started.printLogs();
            started.stop();
            throw e;
        }
        platform = started;
        return platform;
    }

    /** Closed by JUnit (5.13+ closes AutoCloseable store values) once every class has run. */
    private static final class Stopper implements AutoCloseable {
        @Override
        public void close() throws Exception {
            synchronized (SharedPlatform.class) {
                if (platform == null) {
                    return;
                }
                if (anyFailed) {
                    platform.printLogs();
                }
                platform.stop();
                if (!anyFailed) {
                    platform.deleteWorkDir();
                } else {
                    System.out.println("[e2e] kept " + platform.work + " for inspection (logs in "
                            + platform.varDir.resolve("log") + ")");
                }
                platform = null;
            }
        }
    }
}
