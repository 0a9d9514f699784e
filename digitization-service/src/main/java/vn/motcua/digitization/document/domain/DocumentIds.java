package vn.motcua.digitization.document.domain;

import java.security.SecureRandom;

/**
 * Document ids: {@code DOC-} and 26 random characters of the RFC 4648 base32 alphabet (130 bits from one {@link
 * SecureRandom}), as payment ids are made: not sequential, not guessable, so an id learnt from one dossier opens no
 * other document, and upper case only so it reads back the same in either case.
 */
public final class DocumentIds {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final int MAX_LENGTH = 40;

    private DocumentIds() {}

    public static String next() {
        char[] out = new char[26];
        for (int i = 0; i < out.length; i++) {
            out[i] = BASE32[RANDOM.nextInt(BASE32.length)];
        }
        return "DOC-" + new String(out);
    }
}
