package vn.motcua.gateway.dossier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.gateway.validation.Violations;

/**
 * Entity tags of a dossier (and of a payment, whose revision works the same way): {@code "r<revision>"}, strong,
 * since a revision names exactly one state of the dossier.
 * If-Match takes one such tag (or {@code *}, which any existing dossier matches); a list or a weak tag cannot name
 * the one revision a decision was taken on, so it is refused rather than guessed at.
 */
public final class EntityTags {

    private static final Pattern TAG = Pattern.compile("\"r(\\d{1,18})\"");

    private EntityTags() {}

    public static String of(long revision) {
        return "\"r" + revision + "\"";
    }

    /** The revision If-Match names; null when the header is absent or {@code *}. */
    @Nullable
    public static Long ifMatch(@Nullable String header, Violations violations) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher m = TAG.matcher(header.strip());
        if (!m.matches()) {
            violations.add(
                    HttpHeaders.IF_MATCH, "must be one entity tag from the ETag of what is changed, like \"r3\"");
            return null;
        }
        return Long.parseLong(m.group(1));
    }
}
