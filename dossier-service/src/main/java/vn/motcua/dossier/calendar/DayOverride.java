package vn.motcua.dossier.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the admin-maintained calendar exception table. The Prime Minister fixes Tết,
 * Quốc khánh and day swaps every year, so these always come from data, never from code.
 */
public record DayOverride(LocalDate date, DayOverrideKind kind, String name) {

    public DayOverride {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A calendar exception needs a name, date " + date);
        }
    }

    public static DayOverride holiday(LocalDate date, String name) {
        return new DayOverride(date, DayOverrideKind.HOLIDAY, name);
    }

    public static DayOverride makeUpWorkday(LocalDate date, String name) {
        return new DayOverride(date, DayOverrideKind.MAKEUP_WORKDAY, name);
    }
}
