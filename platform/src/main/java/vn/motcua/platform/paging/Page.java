package vn.motcua.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.motcua.platform.error.DomainException;

/** Keyset paging: the page token is the opaque, encoded key of the last item returned. */
public record Page<T>(List<T> items, String nextToken) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public static <T> Page<T> of(List<T> fetchedOneExtra, int size, Function<T, String> key) {
        if (fetchedOneExtra.size() <= size) {
            return new Page<>(List.copyOf(fetchedOneExtra), "");
        }
        List<T> items = List.copyOf(fetchedOneExtra.subList(0, size));
        return new Page<>(items, encode(key.apply(items.get(items.size() - 1))));
    }

    /**
     * A page of a list the caller shaped (sort, filters): the token carries {@code list}, a name of that shape
     * without '/', so {@link Request#forList} refuses it for any other shape instead of continuing at a position
     * that means something else there.
     */
    public static <T> Page<T> of(List<T> fetchedOneExtra, int size, String list, Function<T, String> key) {
        return of(fetchedOneExtra, size, item -> list + "/" + key.apply(item));
    }

    /** The same page with its items turned into something else; the token stays. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextToken);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A validated page request: size within bounds, token decoded to the key to continue after. */
    public record Request(int size, String after) {

        public static Request of(int requestedSize, String token) {
            if (requestedSize < 0 || requestedSize > MAX_SIZE) {
                throw DomainException.invalid("page.page_size", "must be between 0 and " + MAX_SIZE);
            }
            String after = "";
            if (token != null && !token.isEmpty()) {
                try {
                    after = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw DomainException.invalid("page.page_token", "is not a token this service issued");
                }
            }
            return new Request(requestedSize == 0 ? DEFAULT_SIZE : requestedSize, after);
        }

        /** This request within the list shape named {@code list}: its token must have been issued for it. */
        public Request forList(String list) {
            if (after.isEmpty()) {
                return this;
            }
            if (!after.startsWith(list + "/")) {
                throw DomainException.invalid("page.page_token", "was issued for another sort or filter");
            }
            return new Request(size, after.substring(list.length() + 1));
        }

        /**
         * The key to continue after, which must look like the keys of this list: a token decodes to almost any
         * string, and one that sorts after every key would quietly answer an empty page instead of an error.
         */
        public String afterKeyLike(Pattern key) {
            if (!after.isEmpty() && !key.matcher(after).matches()) {
                throw DomainException.invalid("page.page_token", "is not a token this service issued");
            }
            return after;
        }
    }

    /**
     * The page position of a list ordered by an instant and then an id ("instant|id" inside the token); both null
     * on the first page.
     */
    public record Keyset(Instant at, String id) {

        public static Keyset of(Request page) {
            if (page.after().isEmpty()) {
                return new Keyset(null, null);
            }
            String key = page.after();
            int bar = key.indexOf('|');
            try {
                if (bar > 0 && bar < key.length() - 1) {
                    return new Keyset(Instant.parse(key.substring(0, bar)), key.substring(bar + 1));
                }
            } catch (DateTimeParseException e) {
                // fall through: not ours
            }
            throw DomainException.invalid("page.page_token", "is not a token this service issued");
        }

        /** The key {@link #of} reads back. */
        public static String key(Instant at, String id) {
            return at + "|" + id;
        }
    }
}
