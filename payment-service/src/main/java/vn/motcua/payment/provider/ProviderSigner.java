package vn.motcua.payment.provider;

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
 * The protocol's signature (docs/payment-provider-protocol.md, "Signing"): HMAC-SHA512 with the merchant's secret
 * over the parameters other than {@code secure_hash} whose value is non-empty, sorted by name in UTF-8 byte order,
 * each name and value URL-encoded as {@link URLEncoder} does, joined as {@code name=value&...}; lowercase hex.
 */
public final class ProviderSigner {

    public static final String HASH = "secure_hash";

    private final SecretKeySpec key;

    public ProviderSigner(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512");
    }

    /** The string that is signed, for tests and diagnostics. */
    public static String canonical(Map<String, String> params) {
        // byte order of the UTF-8 names: for the ASCII names of the protocol this is String order; compare bytes
        // anyway so a non-ASCII name cannot sort differently on the two sides
        TreeMap<String, String> sorted = new TreeMap<>(ProviderSigner::compareUtf8);
        params.forEach((k, v) -> {
            if (!HASH.equals(k) && v != null && !v.isEmpty()) {
                sorted.put(k, v);
            }
        });
        StringBuilder out = new StringBuilder();
        sorted.forEach((k, v) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    private static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    public String sign(Map<String, String> params) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical(params).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA512 unavailable", e);
        }
    }

    /** The parameters with their {@code secure_hash} added. */
    public Map<String, String> signed(Map<String, String> params) {
        TreeMap<String, String> out = new TreeMap<>(params);
        out.put(HASH, sign(params));
        return out;
    }

    /** True when {@code secure_hash} is present and matches, compared in constant time, case-insensitively. */
    public boolean verify(Map<String, String> params) {
        String given = params.get(HASH);
        if (given == null || given.isEmpty()) {
            return false;
        }
        byte[] expected = sign(params).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, actual);
    }
}
