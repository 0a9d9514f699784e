package vn.motcua.dossier.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds Vietnamese text for search: no diacritics, đ→d, lower case, single spaces. Computed in Java and stored in a
 * column because MySQL 8, MariaDB and H2 have no common accent-insensitive Vietnamese collation.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private SearchText() {}

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(plain).replaceAll(" ").trim();
    }

    /** The query's words, folded; each must appear in the folded name. */
    public static List<String> terms(String query) {
        String folded = fold(query);
        return folded.isEmpty()
                ? List.of()
                : Arrays.stream(folded.split(" ")).distinct().limit(8).toList();
    }
}
