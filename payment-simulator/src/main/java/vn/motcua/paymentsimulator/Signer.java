package vn.motcua.paymentsimulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The protocol's signature (docs/payment-provider-protocol.md, "Signing"), written from the page and nothing else:
 * every parameter but {@code secure_hash} with a non-empty value, sorted by name in UTF-8 byte order, joined as
 * URL-encoded {@code name=value} pairs with {@code &}, HMAC-SHA512 keyed with the merchant's secret, lowercase hex.
 */
public final class Signer {

    public static final String HASH = "secure_hash";

    private final byte[] secret;

    public Signer(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the signing secret must not be empty");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The string that is signed; public so tests can compare it with the page's examples. */
    public static String canonical(Map<String, String> params) {
        // UTF-8 byte order of the names, not String.compareTo (UTF-16 order differs above U+FFFF)
        TreeMap<String, String> sorted = new TreeMap<>(Signer::compareUtf8);
        params.forEach((name, value) -> {
            if (!HASH.equals(name) && value != null && !value.isEmpty()) {
                sorted.put(name, value);
            }
        });
        StringBuilder out = new StringBuilder();
        sorted.forEach((name, value) -> {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    public String sign(Map<String, String> params) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(canonical(params).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA512 is part of every JDK", e);
        }
    }

    /** Whether {@code params} carry a valid {@code secure_hash}; constant time, hex compared case-insensitively. */
    public boolean verify(Map<String, String> params) {
        String given = params.get(HASH);
        if (given == null || given.isEmpty()) {
            return false;
        }
        byte[] expected = sign(params).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private static int compareUtf8(String a, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
