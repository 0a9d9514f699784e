package vn.motcua.dossier.calendar;

/** Outcome of a finished dossier against its due moment (trước hạn / đúng hạn / quá hạn). */
public enum Classification {
    EARLY,
    ON_TIME,
    LATE
}
