package vn.motcua.platform.ids;

import java.security.SecureRandom;

/**
 * Random identifiers and codes that must not be guessable (payment, refund, document and warehouse item ids, receipt
 * check codes), drawn from one {@link SecureRandom} over the RFC 4648 base32 alphabet A–Z and 2–7: upper case only, so
 * a code read back over the phone or typed in either case means the same thing, and 5 bits a character. The alphabet
 * keeps O and I (it is not Crockford's), so the codes are not meant to be typed from paper without a QR code or a link.
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
