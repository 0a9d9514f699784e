package vn.motcua.dossier.feedback.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.motcua.dossier.calendar.DayOverride;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.platform.auth.Roles;

/** Calendar, callers and feedback values shared by the feedback domain tests. */
final class FeedbackFixtures {

    static final String DISTRICT = "298";
    static final String COMMUNE = "11077";
    static final String OTHER_COMMUNE = "11080";
    static final String SENDER_ID = "030090001234";
    static final String OTHER_CITIZEN_ID = "030095005678";

    /**
     * The 2026 days off of domain.md §18.6 that the edges below cross: Tết (16–20/02), the Hùng Kings' Monday
     * (27/04), 30/04–01/05, and National Day (31/08–02/09) with its make-up Saturday 22/08.
     */
    static final WorkCalendar CALENDAR_2026 = WorkCalendar.standard(days2026());

    static final DeadlineCalculator CALCULATOR = new DeadlineCalculator(CALENDAR_2026);
    static final FeedbackDeadlines DEADLINES = new FeedbackDeadlines(CALCULATOR, 15);

    private FeedbackFixtures() {}

    private static List<DayOverride> days2026() {
        List<DayOverride> rows = new ArrayList<>();
        for (String range : List.of(
                "2026-02-16/2026-02-20", "2026-04-27/2026-04-27", "2026-04-30/2026-05-01", "2026-08-31/2026-09-02")) {
            LocalDate last = LocalDate.parse(range.substring(11));
            for (LocalDate d = LocalDate.parse(range.substring(0, 10)); !d.isAfter(last); d = d.plusDays(1)) {
                rows.add(DayOverride.holiday(d, "nghỉ " + d));
            }
        }
        rows.add(DayOverride.makeUpWorkday(LocalDate.parse("2026-08-22"), "làm bù 31/08"));
        return rows;
    }

    /** {@code "2026-03-10T09:15"} in Vietnam as an instant. */
    static Instant vn(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkCalendar.ZONE).toInstant();
    }

    static FeedbackActor controllerOf(String unit) {
        Set<String> units = unit.equals(DISTRICT) ? Set.of(DISTRICT, COMMUNE, OTHER_COMMUNE) : Set.of(unit);
        return new FeedbackActor(Set.of(Roles.TTHC_CONTROLLER), units, null);
    }

    static FeedbackActor officer(String role, String unit) {
        return new FeedbackActor(Set.of(role), Set.of(unit), null);
    }

    static FeedbackActor citizen(String citizenId) {
        return new FeedbackActor(Set.of(Roles.CITIZEN), Set.of(), citizenId);
    }

    /** A feedback filed online at the commune by {@link #SENDER_ID} at {@code receivedAt}. */
    static Feedback received(Instant receivedAt) {
        return Feedback.received(
                "f-1",
                COMMUNE,
                "Thủ tục chứng thực",
                "Nội dung",
                new Sender("Nguyễn Văn An", "Thôn Đông", "0912345678", SENDER_ID),
                Intake.CITIZEN_ONLINE,
                null,
                receivedAt,
                DEADLINES);
    }

    /** A feedback driven to {@code state} by legal steps, with {@code classification} where it was classified. */
    static Feedback inState(FeedbackState state, FeedbackClass classification) {
        Instant t = vn("2026-03-09T09:00");
        Feedback f = received(t);
        if (state == FeedbackState.RECEIVED) {
            return f;
        }
        FeedbackClass as = state == FeedbackState.REJECTED
                ? FeedbackClass.NOT_ACCEPTED
                : state == FeedbackState.FORWARDED
                        ? FeedbackClass.STAFF_BEHAVIOUR
                        : state == FeedbackState.PROCESSING ? classification : FeedbackClass.REGULATION_IN_COMPETENCE;
        f = f.classify(as, null, t.plusSeconds(3600), DEADLINES);
        return switch (state) {
            case REJECTED, PROCESSING -> f;
            case FORWARDED -> f.forward("Sở Nội vụ", null, t.plusSeconds(7200), DEADLINES);
            case ANSWERED -> f.answer("Trả lời", t.plusSeconds(7200), DEADLINES);
            case PUBLISHED ->
                f.answer("Trả lời", t.plusSeconds(7200), DEADLINES).publish(t.plusSeconds(9000), DEADLINES);
            case RECEIVED -> throw new IllegalStateException();
        };
    }
}
