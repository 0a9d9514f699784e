package vn.motcua.gateway.http;

import java.net.InetAddress;

/** An address block such as 10.42.0.0/16 or fd00::/8; a bare address is its own /32 or /128. */
record Cidr(byte[] network, int prefixLength) {

    static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress parsed = IpLiteral.parse(address)
                .orElseThrow(() -> new IllegalArgumentException(
                        "motcua.gateway.trusted-proxies: '" + text + "' is not an IP address or CIDR block"));
        byte[] bytes = parsed.getAddress();
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException(
                    "motcua.gateway.trusted-proxies: '" + text + "' has a prefix length outside 0-" + bits);
        }
        return new Cidr(bytes, prefix);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[full] & mask) == (network[full] & mask);
    }
}
