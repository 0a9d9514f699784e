package vn.motcua.dossier.calendar;

/**
 * Unit of a procedure's processing time limit, as published in the TTHC decision
 * (DVCQG {@code DonViTinh}: Giờ / Ngày / Ngày làm việc / Tháng).
 */
public enum TimeLimitUnit {
    WORKING_DAYS(2_600),
    WORKING_HOURS(20_800),
    CALENDAR_DAYS(3_660),
    MONTHS(120);

    // About ten years in every unit: real limits are at most a few months, so anything
    // larger is a data-entry error, and the cap keeps day-by-day calendar walks bounded.
    private final long maxAmount;

    TimeLimitUnit(long maxAmount) {
        this.maxAmount = maxAmount;
    }

    public long maxAmount() {
        return maxAmount;
    }
}
