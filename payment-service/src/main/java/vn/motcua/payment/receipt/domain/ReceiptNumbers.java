package vn.motcua.payment.receipt.domain;

import java.time.Instant;
import java.util.regex.Pattern;
import vn.motcua.payment.common.Vietnam;
import vn.motcua.platform.ids.RandomCodes;

/**
 * Receipt numbers {@code <unit>/<year>/<6-digit seq>} (e.g. 11077/2026/000123) from each unit's yearly series, the
 * year taken in Vietnam's time zone; and the random check code printed with them.
 */
public final class ReceiptNumbers {

    public static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9._-]{1,32}/[0-9]{4}/[0-9]{6,}");

    public static final int CHECK_CODE_LENGTH = 10;

    private ReceiptNumbers() {}

    public static int yearOf(Instant at) {
        return at.atZone(Vietnam.ZONE).getYear();
    }

    public static String format(String unitCode, int year, long seq) {
        return unitCode + "/" + year + "/" + String.format("%06d", seq);
    }

    /**
     * 10 characters of RFC 4648 base32 (A–Z, 2–7; O and I included, so it is read from the QR code rather than
     * typed): 50 bits, so the public check cannot be walked by guessing.
     */
    public static String checkCode() {
        return RandomCodes.base32(CHECK_CODE_LENGTH);
    }
}
