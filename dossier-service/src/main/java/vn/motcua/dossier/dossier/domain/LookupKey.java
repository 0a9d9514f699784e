package vn.motcua.dossier.dossier.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The second factor of the public status lookup (ADR 0005): eight characters printed on the receipt, drawn at
 * random when the dossier is created, so knowing the sequential code alone tells nothing about a dossier.
 *
 * <p>Crockford's base32 alphabet (no I, L, O, U), 40 bits: a citizen reads it off paper or types it on a phone,
 * so reading is forgiving (case, spaces and hyphens ignored; O read as 0, I and L as 1) while the key itself
 * never contains a character that can be misread.
 */
public final class LookupKey {

    public static final int LENGTH = 8;
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private LookupKey() {}

    /** A new key; the generator must be a cryptographically strong one (SecureRandom) outside tests. */
    public static String generate(RandomGenerator random) {
        StringBuilder key = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }

    /**
     * The key as typed, in its canonical form; empty when it cannot be a key (wrong length or a character outside
     * the alphabet after the forgiving reading).
     */
    public static Optional<String> read(String typed) {
        if (typed == null || typed.length() > 4 * LENGTH) {
            return Optional.empty();
        }
        StringBuilder key = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-') {
                continue;
            }
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(read) < 0) {
                return Optional.empty();
            }
            key.append(read);
        }
        return key.length() == LENGTH ? Optional.of(key.toString()) : Optional.empty();
    }

    /**
     * Whether a typed key opens a dossier that has {@code stored}; in constant time, so response timing does not
     * reveal how many characters were right. A dossier without a key (created before keys existed) opens for none.
     */
    public static boolean opens(String stored, String typed) {
        Optional<String> key = read(typed);
        if (stored == null || key.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(
                stored.getBytes(StandardCharsets.US_ASCII), key.get().getBytes(StandardCharsets.US_ASCII));
    }
}
