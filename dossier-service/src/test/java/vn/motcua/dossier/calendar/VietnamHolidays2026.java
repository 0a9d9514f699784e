package vn.motcua.dossier.calendar;

import static vn.motcua.dossier.calendar.DayOverride.holiday;
import static vn.motcua.dossier.calendar.DayOverride.makeUpWorkday;

import java.time.LocalDate;
import java.util.List;

/**
 * Test fixture: the 2026 civil-servant calendar of domain.md §18.6 (plus 01/01/2027), written as
 * the rows an admin would enter. Production code never hard-codes these.
 */
final class VietnamHolidays2026 {

    static final List<DayOverride> ROWS = List.of(
            holiday(d("2026-01-01"), "Tết Dương lịch"),
            holiday(d("2026-02-16"), "Tết Bính Ngọ (29 Chạp)"),
            holiday(d("2026-02-17"), "Tết Bính Ngọ"),
            holiday(d("2026-02-18"), "Tết Bính Ngọ"),
            holiday(d("2026-02-19"), "Tết Bính Ngọ"),
            holiday(d("2026-02-20"), "Tết Bính Ngọ"),
            // Falls on a Sunday; the compensatory Monday is its own row, as the admin enters it.
            holiday(d("2026-04-26"), "Giỗ Tổ Hùng Vương"),
            holiday(d("2026-04-27"), "Nghỉ bù Giỗ Tổ Hùng Vương"),
            holiday(d("2026-04-30"), "Ngày Giải phóng miền Nam"),
            holiday(d("2026-05-01"), "Ngày Quốc tế Lao động"),
            makeUpWorkday(d("2026-08-22"), "Làm bù cho thứ Hai 31/08/2026"),
            holiday(d("2026-08-31"), "Nghỉ hoán đổi Quốc khánh"),
            holiday(d("2026-09-01"), "Quốc khánh"),
            holiday(d("2026-09-02"), "Quốc khánh"),
            holiday(d("2027-01-01"), "Tết Dương lịch"));

    private VietnamHolidays2026() {}

    static WorkCalendar standardCalendar() {
        return WorkCalendar.standard(ROWS);
    }

    static DeadlineCalculator defaultCalculator() {
        return new DeadlineCalculator(standardCalendar(), DeadlinePolicy.DEFAULT);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
