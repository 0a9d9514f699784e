package vn.motcua.dossier.dossier.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The legal dossier code {@code <agency code>-YYMMDD-NNNN} (Circular 01/2018 Art 19): receiving agency, local
 * reception date and that day's sequence for the agency, at least four digits.
 */
public final class DossierCode {

    /** Tolerant: agency codes of other systems come in both segment orders and with longer sequences. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9.]{1,40}-\\d{6,8}-\\d{4,9}");

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private DossierCode() {}

    public static String format(String agencyCode, LocalDate receptionDay, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        return agencyCode + "-" + receptionDay.format(YYMMDD) + "-" + String.format("%04d", sequence);
    }

    public static boolean looksValid(String code) {
        return code != null && code.length() <= 64 && SHAPE.matcher(code).matches();
    }
}
