package vn.motcua.gateway.payment;

import io.micronaut.core.annotation.Nullable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.gateway.validation.Violations;

/**
 * Receipt numbers ("11077/2026/000123": unit, year, sequence) in URLs. A '/' cannot stand in a path segment, and an
 * encoded one (%2F) is refused or decoded differently by proxies, so the API's paths take the number with '-' for
 * each '/' ("11077-2026-000123"); the receipt's QR opens the console at {@code #/bien-lai/<number URL-encoded>},
 * and the console turns it into this form for the API. The last two separators are the ones replaced, so a unit
 * code with '-' of its own stays intact.
 */
public final class ReceiptNumbers {

    // unit code (the path-safe characters of Violations.code), four-digit year, a sequence of digits
    private static final Pattern NUMBER = Pattern.compile("([A-Za-z0-9._\\-]{1,40})[-/](\\d{4})[-/](\\d{1,12})");

    private ReceiptNumbers() {}

    /** The number as the service knows it, from either form; null (and a violation) when it is not one. */
    @Nullable
    static String fromPath(String field, @Nullable String value, Violations violations) {
        if (value == null || value.isEmpty()) {
            violations.missing(field);
            return null;
        }
        Matcher m = NUMBER.matcher(value);
        if (!m.matches()) {
            violations.add(field, "must be a receipt number like 11077-2026-000123");
            return null;
        }
        return m.group(1) + "/" + m.group(2) + "/" + m.group(3);
    }

    /** The form the API's paths take: '-' for '/'. */
    static String pathForm(String number) {
        return number.replace('/', '-');
    }
}
