package vn.motcua.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedForIsBelievedOnlyFromTrustedProxiesTest {

    private final ClientAddress behindIngress = new ClientAddress(List.of("10.42.0.0/16", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress none = new ClientAddress(List.of());
        assertThat(none.resolve(ip("10.42.1.7"), List.of("203.0.113.9")).getHostAddress())
                .isEqualTo("10.42.1.7");
    }

    @Test
    void aPeerOutsideTheTrustedBlocksCannotNameAnotherClient() {
        assertThat(behindIngress
                        .resolve(ip("198.51.100.4"), List.of("203.0.113.9"))
                        .getHostAddress())
                .isEqualTo("198.51.100.4");
    }

    @Test
    void theIngressNamesTheClientItSaw() {
        assertThat(behindIngress
                        .resolve(ip("10.42.1.7"), List.of("203.0.113.9"))
                        .getHostAddress())
                .isEqualTo("203.0.113.9");
    }

    @Test
    void whatTheClientWroteLeftOfTheIngressIsNotBelieved() {
        // the client sent "X-Forwarded-For: 1.2.3.4"; the ingress appended the address it really saw
        assertThat(behindIngress
                        .resolve(ip("10.42.1.7"), List.of("1.2.3.4, 203.0.113.9"))
                        .getHostAddress())
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedFromTheRight() {
        assertThat(behindIngress
                        .resolve(ip("10.42.1.7"), List.of("203.0.113.9, 10.42.3.3", "10.42.2.2"))
                        .getHostAddress())
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aMalformedOrHostNameHopStopsAtTheLastAddressBelieved() {
        assertThat(behindIngress
                        .resolve(ip("10.42.1.7"), List.of("evil.example, 10.42.3.3"))
                        .getHostAddress())
                .isEqualTo("10.42.3.3");
        assertThat(behindIngress.resolve(ip("10.42.1.7"), List.of("300.1.1.1")).getHostAddress())
                .isEqualTo("10.42.1.7");
    }

    @Test
    void ipv6BlocksAndBracketedLiteralsWork() {
        assertThat(behindIngress
                        .resolve(ip("fd00::1"), List.of("[2001:db8::5]"))
                        .getHostAddress())
                .isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @Test
    void aBadSettingStopsTheGatewayWithItsName() {
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33")))
                .hasMessageContaining("motcua.gateway.trusted-proxies");
        assertThatThrownBy(() -> new ClientAddress(List.of("ingress.local")))
                .hasMessageContaining("motcua.gateway.trusted-proxies");
    }

    private static InetAddress ip(String literal) {
        return IpLiteral.parse(literal).orElseThrow();
    }
}
