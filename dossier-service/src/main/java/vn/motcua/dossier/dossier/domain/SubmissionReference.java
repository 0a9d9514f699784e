package vn.motcua.dossier.dossier.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * What identifies a dossier before it is accepted: {@code TN-YYMMDD-XXXXXXXXXX} (submission day, ten random
 * characters). The legal code {@code <agency>-YYMMDD-NNNN} is dated and numbered among the agency's receptions of
 * the day it is accepted (ND61 Art 26, Circular 01/2018 Art 19), so a submission that is never accepted (refused,
 * withdrawn, sent back for a supplement and abandoned) uses up no legal number. Random rather than counted: it
 * needs no counter row (ADR 0006) and cannot be guessed from a neighbour's.
 */
public final class SubmissionReference {

    private static final String PREFIX = "TN-";
    private static final int RANDOM_LENGTH = 10;
    private static final Pattern SHAPE =
            Pattern.compile("TN-\\d{6}-[" + LookupKey.ALPHABET + "]{" + RANDOM_LENGTH + "}");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private SubmissionReference() {}

    /** @param random a cryptographically strong generator outside tests */
    public static String generate(LocalDate filedOn, RandomGenerator random) {
        StringBuilder ref =
                new StringBuilder(PREFIX).append(filedOn.format(YYMMDD)).append('-');
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            ref.append(LookupKey.ALPHABET.charAt(random.nextInt(LookupKey.ALPHABET.length())));
        }
        return ref.toString();
    }

    public static boolean looksValid(String reference) {
        return reference != null && SHAPE.matcher(reference).matches();
    }
}
