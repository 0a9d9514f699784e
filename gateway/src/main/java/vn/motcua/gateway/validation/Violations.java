package vn.motcua.gateway.validation;

import io.micronaut.core.annotation.Nullable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import vn.motcua.gateway.problem.FieldError;
import vn.motcua.gateway.problem.Problem;
import vn.motcua.gateway.problem.ProblemException;
import vn.motcua.proto.common.v1.PageRequest;

/**
 * Collects every problem with a request's input, so the client learns all of them in one 400 instead of one at a
 * time. Values a service validates are its rule alone (the gateway passes them on and maps its field violations);
 * these checks are for what only the gateway reads: path and query parameters, headers, and bodies it handles itself
 * (user administration through Keycloak).
 */
public final class Violations {

    public static final int MAX_PAGE_SIZE = 500;
    // administrative unit, procedure and dossier codes and ids in paths and queries: "11077", "1.001193",
    // "H30.298.11077-250101-0001". Only what is safe in a path, a log line and a metric, and never stricter than a
    // service's own code rule (unit codes may hold '_'): the service decides what a valid code is.
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._\\-]{1,64}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PAGE_TOKEN = Pattern.compile("[A-Za-z0-9_=+/.~-]{1,512}");
    // C0/C1 controls and the bidirectional overrides that can disguise text in logs and on screen
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    // the same, but line breaks and tabs are allowed (reasons and notes of several lines)
    private static final Pattern CONTROL_BUT_LINES =
            Pattern.compile("[\\p{Cc}\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069&&[^\\n\\r\\t]]");
    private static final int INSTANT_MAX = 40;

    private final List<FieldError> errors = new ArrayList<>();
    /** Problems beyond what a problem+json lists: counted, not kept (a body may hold 80,000 unknown keys). */
    private int omitted;

    public void add(String field, String message) {
        if (errors.size() < Problem.MAX_ERRORS) {
            errors.add(new FieldError(field, message));
        } else {
            omitted++;
        }
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Reports a missing value, unless the field already has a problem (e.g. it had the wrong JSON type). */
    public void missing(String field) {
        if (errors.stream().noneMatch(e -> e.field().equals(field))) {
            add(field, "is required");
        }
    }

    /** Text that a person typed: optional unless required, at most maxLength characters, no control characters. */
    @Nullable
    public String text(String field, @Nullable String value, boolean required, int maxLength) {
        return typed(field, value, required, maxLength, CONTROL);
    }

    /** Like {@link #text} for text of several lines: line breaks and tabs are allowed, other controls are not. */
    @Nullable
    public String multiline(String field, @Nullable String value, boolean required, int maxLength) {
        return typed(field, value, required, maxLength, CONTROL_BUT_LINES);
    }

    @Nullable
    private String typed(
            String field, @Nullable String value, boolean required, int maxLength, java.util.regex.Pattern forbidden) {
        if (value == null || value.isBlank()) {
            if (required) {
                missing(field);
            } else if (value != null && !value.isEmpty()) {
                add(field, "must not be only whitespace");
            }
            return null;
        }
        boolean ok = true;
        if (value.codePointCount(0, value.length()) > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
            ok = false;
        }
        if (forbidden.matcher(value).find()) {
            add(field, "must not contain control characters");
            ok = false;
        }
        return ok ? value : null;
    }

    /** An ISO-8601 instant with an offset, e.g. 2025-03-01T08:30:00Z or 2025-03-01T15:30:00+07:00. */
    @Nullable
    public Instant instant(String field, @Nullable String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                missing(field);
            }
            return null;
        }
        try {
            if (value.length() <= INSTANT_MAX) {
                return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
            }
        } catch (DateTimeException ignored) {
            // reported below
        }
        add(field, "must be an ISO-8601 instant, e.g. 2025-03-01T08:30:00Z");
        return null;
    }

    @Nullable
    public String code(String field, @Nullable String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                missing(field);
            }
            return null;
        }
        if (!CODE.matcher(value).matches()) {
            add(field, "must be 1-64 letters, digits, '.', '_' or '-'");
            return null;
        }
        return value;
    }

    /** 0 when absent (the service's default applies). */
    public int pageSize(String field, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        add(field, "must be a whole number from 1 to " + MAX_PAGE_SIZE);
        return 0;
    }

    public String pageToken(String field, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (!PAGE_TOKEN.matcher(value).matches()) {
            add(field, "is not a page token from a previous response");
            return "";
        }
        return value;
    }

    /**
     * The page a list route asks for, from its pageSize and pageToken query parameters: every list route reads them
     * by the same rules and reports them under the same names.
     */
    public PageRequest page(@Nullable String pageSize, @Nullable String pageToken) {
        return PageRequest.newBuilder()
                .setPageSize(pageSize("pageSize", pageSize))
                .setPageToken(pageToken("pageToken", pageToken))
                .build();
    }

    /**
     * One of a fixed set of names (an enum the proto request needs): null when absent (reported if required) or
     * unknown (reported with the names allowed, sorted so the message is the same on every run).
     */
    @Nullable
    public <E> E oneOf(String field, @Nullable String value, boolean required, Map<String, E> values) {
        if (value == null || value.isEmpty()) {
            if (required) {
                missing(field);
            }
            return null;
        }
        E found = values.get(value);
        if (found == null) {
            add(field, "must be one of " + String.join(", ", new TreeSet<>(values.keySet())));
        }
        return found;
    }

    @Nullable
    public LocalDate date(String field, @Nullable String value, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                missing(field);
            }
            return null;
        }
        try {
            if (!DATE.matcher(value).matches()) {
                throw new DateTimeException("not YYYY-MM-DD");
            }
            return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeException e) {
            add(field, "must be a date YYYY-MM-DD");
            return null;
        }
    }

    /** Ends validation: throws a 400 listing every problem found so far. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors, omitted);
        }
    }
}
