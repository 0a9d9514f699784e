package vn.motcua.dossier.forms;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formatting rules for text printed on the forms.
 *
 * <p>Times are stored as {@link Instant}s (UTC) but a citizen reads the local wall clock, so
 * every printed time goes through Asia/Ho_Chi_Minh here and nowhere else; formatting with the
 * server's default zone would shift appointments by seven hours on a UTC host.
 */
public final class VietnameseFormats {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    // Quoted literals: Vietnamese words must not be read as pattern letters.
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern(
                    "HH 'giờ' mm 'phút, ngày' dd 'tháng' MM 'năm' yyyy", Locale.ROOT)
            .withZone(VIETNAM);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(
                    "'ngày' dd 'tháng' MM 'năm' yyyy", Locale.ROOT)
            .withZone(VIETNAM);

    private VietnameseFormats() {}

    /** "09 giờ 30 phút, ngày 10 tháng 03 năm 2025" in Vietnam time; "" for null (blank field). */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** "ngày 10 tháng 03 năm 2025" in Vietnam time. */
    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    /** The place-and-date line under the motto: "Tứ Kỳ, ngày 10 tháng 03 năm 2025". */
    public static String placeAndDate(String place, Instant instant) {
        return place + ", " + date(instant);
    }

    /**
     * "50.000 đồng": dot as the thousands separator, no decimals (VND has no minor unit).
     * Built by hand because the JDK's vi-VN locale data differs between versions/providers.
     */
    public static String money(long dong) {
        if (dong < 0) {
            throw new IllegalArgumentException("negative amount: " + dong);
        }
        String digits = Long.toString(dong);
        StringBuilder out = new StringBuilder();
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return out.append(" đồng").toString();
    }

    /**
     * Text as it must reach the PDF: NFC, null as "". OpenPDF does no glyph shaping, so a
     * decomposed "ễ" (e + two combining marks, as some keyboards and OCR produce) would print
     * as loose accents; DejaVu has precomposed glyphs for all Vietnamese letters, which NFC
     * selects. NFC also keeps the extracted text searchable with ordinary strings.
     */
    public static String text(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
