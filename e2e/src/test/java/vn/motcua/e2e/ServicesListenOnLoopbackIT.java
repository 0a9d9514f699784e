package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The services speak plaintext gRPC and trust any caller with a valid token, so by default they listen on the
 * loopback interface only (issue 10, finding 4; docs/runtime.md, GRPC_SERVER_HOST), and the launcher binds the
 * gateway there too. Checked from both sides: no connection on any other address of this machine, and the kernel's
 * table of listening sockets names 127.0.0.1 for every port.
 */
class ServicesListenOnLoopbackIT extends SystemTest {

    @Test
    void noProcessAcceptsAConnectionOnAnotherAddressOfThisMachine() throws Exception {
        List<InetAddress> others = nonLoopbackAddresses();
        for (String service : Platform.SERVICES) {
            int port = platform.port(service);
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            }
            for (InetAddress address : others) {
                assertThat(connects(address, port))
                        .as("%s accepts connections on %s:%d", service, address.getHostAddress(), port)
                        .isFalse();
            }
        }
    }

    @Test
    void everyListeningSocketIsBoundToLoopback() throws Exception {
        Path tcp = Path.of("/proc/net/tcp");
        Path tcp6 = Path.of("/proc/net/tcp6");
        if (!Files.isReadable(tcp)) {
            return; // not Linux: the connection test above is the check
        }
        List<String> table = new ArrayList<>(Files.readAllLines(tcp));
        if (Files.isReadable(tcp6)) {
            table.addAll(Files.readAllLines(tcp6));
        }
        for (String service : Platform.SERVICES) {
            String port = String.format(Locale.ROOT, ":%04X", platform.port(service));
            // columns: sl local_address rem_address st ...; st 0A = LISTEN
            List<String> listening = table.stream()
                    .map(String::trim)
                    .map(l -> l.split("\\s+"))
                    .filter(c -> c.length > 3 && c[1].endsWith(port) && c[3].equals("0A"))
                    .map(c -> c[1])
                    .toList();
            assertThat(listening)
                    .as("listening sockets of %s", service)
                    .isNotEmpty()
                    // 0100007F is 127.0.0.1 (little-endian); IPv4-mapped 127.0.0.1 in tcp6
                    .allMatch(
                            a -> a.startsWith("0100007F:") || a.startsWith("0000000000000000FFFF00000100007F:"),
                            "bound to 127.0.0.1");
        }
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 3_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                // link-local IPv6 needs a scope and is not what an attacker on the network would use first
                if (!a.isLoopbackAddress() && !(a instanceof Inet6Address && a.isLinkLocalAddress())) {
                    addresses.add(a);
                }
            }
        }
        return addresses;
    }
}
