package vn.motcua.gateway.http;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The address of the client a request comes from. Behind a Kubernetes ingress every connection's peer is the
 * ingress controller, so per-IP limits and the provider's client IP would see one address for everybody; the
 * controller's {@code X-Forwarded-For} names the real client. The header is believed only from a peer in
 * {@code motcua.gateway.trusted-proxies} (CIDRs, empty by default: the header is ignored), and only as far as the
 * chain of trusted proxies goes: read from the right, the first address that is not a trusted proxy is the client.
 * Anything a client wrote further left, or a value that is not an IP literal, is never believed.
 */
@Singleton
public class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<Cidr> trusted;

    @Inject
    public ClientAddress(@Value("${motcua.gateway.trusted-proxies:}") List<String> trustedProxies) {
        List<Cidr> parsed = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                parsed.add(Cidr.parse(entry.strip()));
            }
        }
        this.trusted = List.copyOf(parsed);
    }

    public String of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "";
        }
        InetAddress peer = remote.getAddress();
        if (peer == null) {
            return remote.getHostString();
        }
        return resolve(peer, request.getHeaders().getAll(FORWARDED_FOR)).getHostAddress();
    }

    /** The client behind {@code peer}, given every X-Forwarded-For header line in order. */
    InetAddress resolve(InetAddress peer, List<String> forwardedFor) {
        if (!isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpLiteral.parse(hops.get(i));
            if (hop.isEmpty()) {
                // a malformed hop: the last good address is as far as the chain can be believed
                return client;
            }
            client = hop.get();
            if (!isTrusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr cidr : trusted) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
