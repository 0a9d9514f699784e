package vn.motcua.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a Kubernetes Service does for a Deployment's replicas, on loopback: one port in front of several instances of a
 * service, each new TCP connection forwarded to the next instance that accepts it (round robin, a dead one skipped).
 * gRPC keeps a connection open and sends every call over it; when the instance behind it dies the connection closes,
 * the client's channel reconnects, and the next live instance gets it. Used by TwoReplicasIT so that the gateway and
 * the feed consumers reach a service whichever of its replicas is killed.
 */
final class ReplicaBalancer implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final String name;
    private final List<Integer> backends;
    private final ServerSocket server;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    ReplicaBalancer(String name, List<Integer> backends) throws IOException {
        this.name = name;
        this.backends = List.copyOf(backends);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "balancer-" + name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** host:port for a MOTCUA_*_CHANNEL_ADDRESS setting. */
    String address() {
        return "127.0.0.1:" + port();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    System.out.println("[e2e] balancer " + name + " stopped accepting: " + e);
                }
                return;
            }
            Thread connector = new Thread(() -> connect(client), "balancer-" + name + "-connect");
            connector.setDaemon(true);
            connector.start();
        }
    }

    private void connect(Socket client) {
        int start = Math.floorMod(next.getAndIncrement(), backends.size());
        for (int i = 0; i < backends.size(); i++) {
            int port = backends.get((start + i) % backends.size());
            Socket backend = new Socket();
            try {
                backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            } catch (IOException refused) {
                closeQuietly(backend);
                continue; // not started yet, or killed: the next instance
            }
            try {
                client.setTcpNoDelay(true);
                backend.setTcpNoDelay(true);
            } catch (IOException e) {
                // only latency
            }
            open.add(client);
            open.add(backend);
            pump(client, backend, "up");
            pump(backend, client, "down");
            return;
        }
        closeQuietly(client); // no instance is up: the client sees the connection closed and retries
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // one side went away (a killed instance resets its connections)
                    } finally {
                        // either side closing ends the pair, as a dead pod's connections end
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "balancer-" + name + "-" + direction);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(ReplicaBalancer::closeQuietly);
    }
}
