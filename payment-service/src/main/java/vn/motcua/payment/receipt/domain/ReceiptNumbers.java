package vn.motcua.payment.receipt.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * Receipt numbers {@code <unit>/<year>/<6-digit seq>} (e.g. 11077/2026/000123) from each unit's yearly series, the
 * year taken in Vietnam's time zone; and the random check code printed with them.
 */
public final class ReceiptNumbers {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9._-]{1,32}/[0-9]{4}/[0-9]{6,}");

    /** RFC 4648 base32 without the easily confused 0/1/8/9: unambiguous when typed from paper. */
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    public static final int CHECK_CODE_LENGTH = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptNumbers() {}

    public static int yearOf(Instant at) {
        return at.atZone(VIETNAM).getYear();
    }

    public static String format(String unitCode, int year, long seq) {
        return unitCode + "/" + year + "/" + String.format("%06d", seq);
    }

    /** 10 characters of base32: 50 bits, so the public check cannot be walked by guessing. */
    public static String checkCode() {
        char[] out = new char[CHECK_CODE_LENGTH];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
