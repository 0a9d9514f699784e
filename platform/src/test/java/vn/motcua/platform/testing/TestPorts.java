package vn.motcua.platform.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for test servers: the services' default ports may be held by a running ./motcua up.
 *
 * <p>A port asked of the kernel (bind to 0) comes from the ephemeral range (Linux: 32768-60999), the same range every
 * outgoing connection of every process draws its local port from; between closing the probe and the server's bind, a
 * JDBC or gRPC client elsewhere on the machine can take it (a fresh-clone run lost CatalogManagementRoutesIT to
 * exactly that). Ports below the range are only ever taken by listeners, so the probe picks there.
 */
public final class TestPorts {

    private static final int LOW = 20_000;
    private static final int HIGH = 32_000;
    private static final int ATTEMPTS = 200;

    private TestPorts() {}

    public static int free() {
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            if (bindable(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
