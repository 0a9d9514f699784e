package vn.motcua.dossier.it.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.dossier.v1.AddCalendarDayRequest;
import vn.motcua.proto.dossier.v1.CalendarDay;
import vn.motcua.proto.dossier.v1.CalendarDayKind;

/**
 * Two administrators (or two replicas behind the gateway) adding the same day at once: the look-up before the insert
 * cannot see the other's uncommitted row, so only the unique index ux_calendar_day_scope (V13) keeps the day from
 * landing twice. Every add but one is refused as ALREADY_EXISTS, exactly as a later add of a taken day is.
 */
@MicronautTest(transactional = false)
class ConcurrentHolidayAddsLandOnceIT extends AdminItSupport {

    private static final int RACERS = 8;
    private static final int ROUNDS = 6;
    private static final String DAY_ADDED_EVENTS =
            "SELECT COUNT(*) FROM feed_outbox WHERE event_type = 'calendar.day-added'";

    @Test
    void concurrentAddsOfOneDayLeaveOneRowOneEventAndRefuseTheRestAsAlreadyExists() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // even rounds nationwide (unit_code NULL, the case a plain unique key would let through), odd ones
                // the district's own entry
                String date = "2026-04-" + String.format("%02d", 6 + round);
                String unit = round % 2 == 0 ? "" : "298";
                String token = admin(round % 2 == 0 ? "30" : "298");
                long eventsBefore = longValue(DAY_ADDED_EVENTS);
                CyclicBarrier start = new CyclicBarrier(RACERS);
                List<Future<Status.Code>> outcomes = new ArrayList<>();
                for (int r = 0; r < RACERS; r++) {
                    String requestId = "race-" + round + "-" + r;
                    outcomes.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        try {
                            calendar(token).addCalendarDay(dayOff(date, unit, requestId));
                            return Status.Code.OK;
                        } catch (StatusRuntimeException e) {
                            return e.getStatus().getCode();
                        }
                    }));
                }
                List<Status.Code> codes = new ArrayList<>();
                for (Future<Status.Code> outcome : outcomes) {
                    codes.add(outcome.get(60, TimeUnit.SECONDS));
                }
                String scope = unit.isEmpty() ? "unit_code IS NULL" : "unit_code = '" + unit + "'";
                assertThat(codes)
                        .as("round %d (%s): one add lands, the others are told the day is taken", round, date)
                        .containsOnlyOnce(Status.Code.OK)
                        .containsOnly(Status.Code.OK, Status.Code.ALREADY_EXISTS);
                assertThat(longValue(
                                "SELECT COUNT(*) FROM calendar_day_override WHERE day = ? AND " + scope,
                                java.sql.Date.valueOf(date)))
                        .as("rows for %s", date)
                        .isEqualTo(1);
                assertThat(longValue(DAY_ADDED_EVENTS))
                        .as("calendar.day-added events after round %d (%s)", round, date)
                        .isEqualTo(eventsBefore + 1);
                assertThat(longValue(
                                "SELECT COUNT(*) FROM idempotent_request WHERE request_id LIKE ?",
                                "race-" + round + "-%"))
                        .as("claims kept for %s: the refused adds roll theirs back", date)
                        .isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theTableItselfRefusesASecondNationwideRowForADay() throws Exception {
        try (Connection c = db.connect()) {
            String insert = "INSERT INTO calendar_day_override (unit_code, day, kind, name) VALUES (NULL, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setDate(1, java.sql.Date.valueOf("2026-05-04"));
                ps.setString(2, "DAY_OFF");
                ps.setString(3, "first");
                ps.executeUpdate();
                ps.setString(3, "second");
                assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLIntegrityConstraintViolationException.class);
            }
        }
        assertThat(longValue(
                        "SELECT COUNT(*) FROM calendar_day_override WHERE day = '2026-05-04' AND unit_code IS NULL"))
                .isEqualTo(1);
    }

    private static AddCalendarDayRequest dayOff(String date, String unit, String requestId) {
        return AddCalendarDayRequest.newBuilder()
                .setRequestId(requestId)
                .setDay(CalendarDay.newBuilder()
                        .setDate(date)
                        .setKind(CalendarDayKind.CALENDAR_DAY_KIND_DAY_OFF)
                        .setName("Ngày nghỉ bù")
                        .setUnitCode(unit))
                .build();
    }
}
