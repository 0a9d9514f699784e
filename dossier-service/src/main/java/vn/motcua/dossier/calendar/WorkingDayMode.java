package vn.motcua.dossier.calendar;

/** How a limit in working days is turned into a due moment; provinces differ (domain §6.2). */
public enum WorkingDayMode {
    /**
     * N working days = N × {@code minutesPerWorkingDay} working minutes walked from reception,
     * so the appointment is at the same clock time N working days later (OpenCPS DueDateUtils).
     */
    HOURS_8,
    /**
     * Due at the end of the last session of the Nth working day after the reception day;
     * the reception day itself never counts (Civil Code art. 147: the first day is not counted).
     */
    END_OF_DAY
}
