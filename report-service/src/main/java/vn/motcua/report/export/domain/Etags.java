package vn.motcua.report.export.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Strong validators for exported files, derived from what the file prints (its canonical JSON) and its kind and
 * format, never from the file's bytes: an XLSX zip carries timestamps, the figures do not.
 */
public final class Etags {

    private Etags() {}

    /** {@code "<sha-256 hex>"}, quoted as HTTP writes an entity tag. */
    public static String of(String kind, FileFormat format, String canonicalJson) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((kind + "\n" + format.name() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(sha.digest()) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /**
     * If-None-Match semantics (RFC 9110 13.1.2): "*" or any listed tag equal to ours by the weak comparison (a "W/"
     * prefix ignored), so a client sending back what it was given, with or without quotes, is answered not modified.
     */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || etag == null) {
            return false;
        }
        String ours = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || (!c.isEmpty() && opaque(c).equals(ours))) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.strip();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }
}
