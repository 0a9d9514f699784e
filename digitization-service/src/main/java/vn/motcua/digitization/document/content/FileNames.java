package vn.motcua.digitization.document.content;

import java.util.Optional;

/**
 * The user's file name is shown and offered back on download (Content-Disposition), never used as a path: it is
 * refused when it is empty, longer than 255 characters, holds a path separator, {@code ..}, a control character
 * (NUL included) or a bidirectional override that could disguise its extension.
 */
public final class FileNames {

    public static final int MAX_LENGTH = 255;

    private FileNames() {}

    /** @return why the name is refused, or empty when it is acceptable */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("a file name is required");
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            return Optional.of("at most " + MAX_LENGTH + " characters");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return Optional.of("must not contain a path separator (/ or \\)");
        }
        if (name.contains("..")) {
            return Optional.of("must not contain '..'");
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (Character.getType(cp) == Character.CONTROL) {
                return Optional.of(String.format("must not contain control characters (U+%04X)", cp));
            }
            if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
                return Optional.of(String.format("must not contain bidirectional overrides (U+%04X)", cp));
            }
            if (Character.getType(cp) == Character.SURROGATE) {
                return Optional.of("must be valid Unicode text");
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    public static void check(String name) {
        problem(name).ifPresent(p -> {
            throw Refusals.invalidName(p);
        });
    }
}
