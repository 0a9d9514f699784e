package vn.motcua.report.projection.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which due instant II.06a compares the finish with ({@code motcua.report.ii06a.late-against}). domain.md 6.3: an
 * extension with an apology does not make a late dossier on time in local reports, so the default is the original
 * due; a province that scores against the new appointment chooses the extended one.
 */
public enum LateAgainst {
    /** original_due_at (due_at when the dossier never had another) */
    ORIGINAL_DUE,
    /** due_at: the appointment in force at the end, extensions included */
    EXTENDED_DUE;

    /** @throws IllegalArgumentException naming the accepted values */
    public static LateAgainst parse(String value) {
        String v = value == null ? "" : value.strip();
        for (LateAgainst choice : values()) {
            if (choice.name().equalsIgnoreCase(v)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("motcua.report.ii06a.late-against must be one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ", not '" + value + "'");
    }
}
