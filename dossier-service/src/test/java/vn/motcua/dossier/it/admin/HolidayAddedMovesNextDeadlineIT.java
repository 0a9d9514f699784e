package vn.motcua.dossier.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.dossier.v1.AddCalendarDayRequest;
import vn.motcua.proto.dossier.v1.CalendarDay;
import vn.motcua.proto.dossier.v1.CalendarDayKind;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.GetDossierRequest;
import vn.motcua.proto.dossier.v1.GetWeeklySessionsRequest;
import vn.motcua.proto.dossier.v1.ListCalendarDaysRequest;
import vn.motcua.proto.dossier.v1.RemoveCalendarDayRequest;
import vn.motcua.proto.dossier.v1.ReplaceWeeklySessionsRequest;
import vn.motcua.proto.dossier.v1.SessionTime;
import vn.motcua.proto.dossier.v1.Weekday;
import vn.motcua.proto.dossier.v1.WeeklySessions;
import vn.motcua.proto.dossier.v1.WorkSession;

/** The holiday table and sessions as data: a change moves the deadlines computed after it, never those given. */
@MicronautTest(transactional = false)
class HolidayAddedMovesNextDeadlineIT extends AdminItSupport {

    /** 1 working day from Monday 9 March 08:00: Tuesday 10 March 08:00 (Vietnam), without a holiday. */
    static final Instant TUESDAY_0800 = Instant.parse("2026-03-10T01:00:00Z");
    /** With Tuesday off: Wednesday 11 March 08:00. */
    static final Instant WEDNESDAY_0800 = Instant.parse("2026-03-11T01:00:00Z");

    private static AddCalendarDayRequest dayOff(String date, String unit) {
        return AddCalendarDayRequest.newBuilder()
                .setDay(CalendarDay.newBuilder()
                        .setDate(date)
                        .setKind(CalendarDayKind.CALENDAR_DAY_KIND_DAY_OFF)
                        .setName("Ngày Giỗ Tổ địa phương")
                        .setUnitCode(unit))
                .build();
    }

    @Test
    void aDossierReceivedAfterTheHolidayIsAddedIsDueLaterWhileOneReceivedBeforeKeepsItsDueTime() {
        String added = "SELECT COUNT(*) FROM feed_outbox WHERE aggregate_type = 'calendar'"
                + " AND event_type = 'calendar.day-added'";
        long addedBefore = longValue(added);
        Dossier before = receive("11080", BIRTH);
        assertThat(Instant.ofEpochSecond(before.getDueAt().getSeconds())).isEqualTo(TUESDAY_0800);

        CalendarDay dayOff =
                calendar(admin("30")).addCalendarDay(dayOff("2026-03-10", "")).getDay();
        assertThat(dayOff.getUnitCode()).isEmpty();
        assertThat(longValue(added)).isEqualTo(addedBefore + 1);

        Dossier after = receive("11080", BIRTH);
        assertThat(Instant.ofEpochSecond(after.getDueAt().getSeconds())).isEqualTo(WEDNESDAY_0800);
        Dossier reread = ds(desk("11080"))
                .getDossier(
                        GetDossierRequest.newBuilder().setCode(before.getCode()).build())
                .getDossier();
        assertThat(reread.getDueAt()).isEqualTo(before.getDueAt());

        calendar(admin("30"))
                .removeCalendarDay(RemoveCalendarDayRequest.newBuilder()
                        .setDate("2026-03-10")
                        .build());
        assertThat(Instant.ofEpochSecond(receive("11080", BIRTH).getDueAt().getSeconds()))
                .isEqualTo(TUESDAY_0800);
    }

    @Test
    void aUnitEntryAppliesToItsSubtreeOnly() {
        calendar(admin("298")).addCalendarDay(dayOff("2026-03-10", "298"));
        assertThat(Instant.ofEpochSecond(receive("11101", BIRTH).getDueAt().getSeconds()))
                .isEqualTo(WEDNESDAY_0800);
        assertThat(calendar(admin("11101"))
                        .listCalendarDays(ListCalendarDaysRequest.newBuilder()
                                .setFrom("2026-03-01")
                                .setTo("2026-03-31")
                                .build())
                        .getDaysList())
                .extracting(CalendarDay::getDate)
                .containsExactly("2026-03-10");
        calendar(admin("298"))
                .removeCalendarDay(RemoveCalendarDayRequest.newBuilder()
                        .setDate("2026-03-10")
                        .setUnitCode("298")
                        .build());
    }

    @Test
    void calendarNonsenseAndForeignScopesAreRefusedAndWriteNothing() {
        Map<String, Long> before = footprint();
        // nationwide entries are the province's
        assertCode(
                () -> calendar(admin("298")).addCalendarDay(dayOff("2026-03-12", "")), Status.Code.PERMISSION_DENIED);
        assertCode(
                () -> calendar(admin("11077")).addCalendarDay(dayOff("2026-03-12", "11080")),
                Status.Code.PERMISSION_DENIED);
        assertCode(() -> calendar(admin("30")).addCalendarDay(dayOff("1899-12-31", "")), Status.Code.INVALID_ARGUMENT);
        assertCode(() -> calendar(admin("30")).addCalendarDay(dayOff("2201-01-01", "")), Status.Code.INVALID_ARGUMENT);
        assertCode(
                () -> calendar(admin("30"))
                        .addCalendarDay(AddCalendarDayRequest.newBuilder()
                                .setDay(CalendarDay.newBuilder()
                                        .setDate("2026-03-12")
                                        .setName("Không loại"))
                                .build()),
                Status.Code.INVALID_ARGUMENT);
        // the seed has 2026-02-17 as a day off (Tết): a make-up day on it contradicts the table
        StatusRuntimeException conflict = failure(() -> calendar(admin("30"))
                .addCalendarDay(AddCalendarDayRequest.newBuilder()
                        .setDay(CalendarDay.newBuilder()
                                .setDate("2026-02-17")
                                .setKind(CalendarDayKind.CALENDAR_DAY_KIND_MAKEUP_WORKDAY)
                                .setName("Làm bù"))
                        .build()));
        assertThat(conflict.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(metadata(conflict, "rule")).isEqualTo("CALENDAR_DAY_CONFLICT");
        assertCode(() -> calendar(admin("30")).addCalendarDay(dayOff("2026-02-17", "")), Status.Code.ALREADY_EXISTS);
        assertCode(
                () -> calendar(admin("30"))
                        .removeCalendarDay(RemoveCalendarDayRequest.newBuilder()
                                .setDate("2026-03-13")
                                .build()),
                Status.Code.NOT_FOUND);

        WeeklySessions.Builder overlapping = WeeklySessions.newBuilder()
                .addSessions(session(Weekday.WEEKDAY_MONDAY, "07:00", "11:30"))
                .addSessions(session(Weekday.WEEKDAY_MONDAY, "11:00", "17:00"))
                .addMakeUpDaySessions(SessionTime.newBuilder().setStart("07:00").setEnd("11:30"));
        assertCode(
                () -> calendar(admin("11077"))
                        .replaceWeeklySessions(ReplaceWeeklySessionsRequest.newBuilder()
                                .setUnitCode("11077")
                                .setWeekly(overlapping)
                                .build()),
                Status.Code.INVALID_ARGUMENT);
        WeeklySessions.Builder backwards = WeeklySessions.newBuilder()
                .addSessions(session(Weekday.WEEKDAY_MONDAY, "11:30", "07:00"))
                .addMakeUpDaySessions(SessionTime.newBuilder().setStart("07:00").setEnd("11:30"));
        assertCode(
                () -> calendar(admin("11077"))
                        .replaceWeeklySessions(ReplaceWeeklySessionsRequest.newBuilder()
                                .setUnitCode("11077")
                                .setWeekly(backwards)
                                .build()),
                Status.Code.INVALID_ARGUMENT);
        assertCode(
                () -> calendar(admin("11077"))
                        .replaceWeeklySessions(ReplaceWeeklySessionsRequest.newBuilder()
                                .setUnitCode("11080")
                                .setWeekly(WeeklySessions.newBuilder()
                                        .addSessions(session(Weekday.WEEKDAY_MONDAY, "07:00", "11:30"))
                                        .addMakeUpDaySessions(SessionTime.newBuilder()
                                                .setStart("07:00")
                                                .setEnd("11:30")))
                                .build()),
                Status.Code.PERMISSION_DENIED);
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void aSaturdayMorningSessionOfADistrictAppliesToItsCommunesUntilReset() {
        WeeklySessions.Builder withSaturday = WeeklySessions.newBuilder();
        for (Weekday d : new Weekday[] {
            Weekday.WEEKDAY_MONDAY,
            Weekday.WEEKDAY_TUESDAY,
            Weekday.WEEKDAY_WEDNESDAY,
            Weekday.WEEKDAY_THURSDAY,
            Weekday.WEEKDAY_FRIDAY
        }) {
            withSaturday.addSessions(session(d, "07:00", "11:30")).addSessions(session(d, "13:30", "17:00"));
        }
        withSaturday
                .addSessions(session(Weekday.WEEKDAY_SATURDAY, "07:30", "11:30"))
                .addMakeUpDaySessions(SessionTime.newBuilder().setStart("07:00").setEnd("11:30"));
        calendar(admin("298"))
                .replaceWeeklySessions(ReplaceWeeklySessionsRequest.newBuilder()
                        .setUnitCode("298")
                        .setWeekly(withSaturday)
                        .build());
        var atCommune = calendar(admin("298"))
                .getWeeklySessions(GetWeeklySessionsRequest.newBuilder()
                        .setUnitCode("11098")
                        .build());
        assertThat(atCommune.getDefinedAt()).isEqualTo("298");
        assertThat(atCommune.getWeekly().getSessionsList()).anyMatch(s -> s.getWeekday() == Weekday.WEEKDAY_SATURDAY);

        // Friday 13 March 16:00: one working day (8 h) now ends Saturday 11:30 + Monday until 11:00 ... earlier
        // than without the Saturday session (Monday 16:00)
        clock.set(Instant.parse("2026-03-13T09:00:00Z"));
        Instant due = Instant.ofEpochSecond(receive("11098", BIRTH).getDueAt().getSeconds());
        assertThat(due).isBefore(Instant.parse("2026-03-16T09:00:00Z"));

        calendar(admin("298"))
                .replaceWeeklySessions(ReplaceWeeklySessionsRequest.newBuilder()
                        .setUnitCode("298")
                        .setWeekly(WeeklySessions.getDefaultInstance())
                        .build());
        assertThat(calendar(admin("298"))
                        .getWeeklySessions(GetWeeklySessionsRequest.newBuilder()
                                .setUnitCode("11098")
                                .build())
                        .getDefinedAt())
                .isEmpty();
    }

    private static WorkSession session(Weekday day, String start, String end) {
        return WorkSession.newBuilder()
                .setWeekday(day)
                .setStart(start)
                .setEnd(end)
                .build();
    }
}
