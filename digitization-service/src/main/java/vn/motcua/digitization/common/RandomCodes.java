package vn.motcua.digitization.common;

import java.security.SecureRandom;

/**
 * Random identifiers that must not be guessable (warehouse item ids), drawn from one {@link SecureRandom} over the
 * RFC 4648 base32 alphabet A–Z and 2–7.
 */
public final class RandomCodes {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomCodes() {}

    /** {@code length} random base32 characters: {@code 5 * length} bits. */
    public static String base32(int length) {
        char[] out = new char[length];
        for (int i = 0; i < out.length; i++) {
            out[i] = BASE32[RANDOM.nextInt(BASE32.length)];
        }
        return new String(out);
    }
}
