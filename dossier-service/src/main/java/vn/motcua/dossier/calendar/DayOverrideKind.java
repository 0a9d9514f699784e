package vn.motcua.dossier.calendar;

/** Mirrors the OpenCPS holiday record type: 0 = day off, 1 = make-up working day. */
public enum DayOverrideKind {
    /** A day off on a date that would otherwise be worked (holiday, nghỉ bù, swapped day off). */
    HOLIDAY,
    /** A normally-off day that is worked (ngày làm bù), with the schedule's make-up day sessions. */
    MAKEUP_WORKDAY
}
