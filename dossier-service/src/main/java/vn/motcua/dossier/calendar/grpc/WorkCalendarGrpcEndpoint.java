package vn.motcua.dossier.calendar.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.dossier.calendar.DayOverrideKind;
import vn.motcua.dossier.calendar.repository.CalendarRepository;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.calendar.repository.SessionRepository;
import vn.motcua.dossier.calendar.service.CalendarAdministration;
import vn.motcua.dossier.calendar.service.SessionInput;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.proto.dossier.v1.AddCalendarDayRequest;
import vn.motcua.proto.dossier.v1.AddCalendarDayResponse;
import vn.motcua.proto.dossier.v1.CalendarDay;
import vn.motcua.proto.dossier.v1.CalendarDayKind;
import vn.motcua.proto.dossier.v1.GetWeeklySessionsRequest;
import vn.motcua.proto.dossier.v1.GetWeeklySessionsResponse;
import vn.motcua.proto.dossier.v1.ListCalendarDaysRequest;
import vn.motcua.proto.dossier.v1.ListCalendarDaysResponse;
import vn.motcua.proto.dossier.v1.RemoveCalendarDayRequest;
import vn.motcua.proto.dossier.v1.RemoveCalendarDayResponse;
import vn.motcua.proto.dossier.v1.ReplaceWeeklySessionsRequest;
import vn.motcua.proto.dossier.v1.ReplaceWeeklySessionsResponse;
import vn.motcua.proto.dossier.v1.SessionTime;
import vn.motcua.proto.dossier.v1.Weekday;
import vn.motcua.proto.dossier.v1.WeeklySessions;
import vn.motcua.proto.dossier.v1.WorkCalendarServiceGrpc;
import vn.motcua.proto.dossier.v1.WorkSession;

/** The gRPC adapter of WorkCalendarService; every method needs a unit_admin token, checked in the service. */
@Singleton
public class WorkCalendarGrpcEndpoint extends WorkCalendarServiceGrpc.WorkCalendarServiceImplBase {

    private final CalendarAdministration calendar;

    public WorkCalendarGrpcEndpoint(CalendarAdministration calendar) {
        this.calendar = calendar;
    }

    @Override
    public void listCalendarDays(ListCalendarDaysRequest r, StreamObserver<ListCalendarDaysResponse> observer) {
        ListCalendarDaysResponse.Builder response = ListCalendarDaysResponse.newBuilder();
        calendar.list(CallContext.requireCaller(), r.getFrom(), r.getTo()).forEach(e -> response.addDays(day(e)));
        reply(observer, response.build());
    }

    @Override
    public void addCalendarDay(AddCalendarDayRequest r, StreamObserver<AddCalendarDayResponse> observer) {
        CalendarDay d = r.getDay();
        DayOverrideKind kind = switch (d.getKind()) {
            case CALENDAR_DAY_KIND_DAY_OFF -> DayOverrideKind.HOLIDAY;
            case CALENDAR_DAY_KIND_MAKEUP_WORKDAY -> DayOverrideKind.MAKEUP_WORKDAY;
            default -> null;
        };
        CalendarRepository.Entry added = calendar.add(
                CallContext.requireCaller(), r.getRequestId(), d.getDate(), kind, d.getName(), d.getUnitCode());
        reply(observer, AddCalendarDayResponse.newBuilder().setDay(day(added)).build());
    }

    @Override
    public void removeCalendarDay(RemoveCalendarDayRequest r, StreamObserver<RemoveCalendarDayResponse> observer) {
        CalendarRepository.Entry removed = calendar.remove(CallContext.requireCaller(), r.getDate(), r.getUnitCode());
        reply(
                observer,
                RemoveCalendarDayResponse.newBuilder().setRemoved(day(removed)).build());
    }

    @Override
    public void getWeeklySessions(GetWeeklySessionsRequest r, StreamObserver<GetWeeklySessionsResponse> observer) {
        String unit = r.getUnitCode().isEmpty() ? CallContext.requireCaller().unitCode() : r.getUnitCode();
        DeadlineCalculators.ResolvedSchedule s = calendar.sessions(CallContext.requireCaller(), r.getUnitCode());
        reply(
                observer,
                GetWeeklySessionsResponse.newBuilder()
                        .setUnitCode(unit == null ? "" : unit)
                        .setWeekly(weekly(s))
                        .setDefinedAt(s.definedAt() == null ? "" : s.definedAt())
                        .build());
    }

    @Override
    public void replaceWeeklySessions(
            ReplaceWeeklySessionsRequest r, StreamObserver<ReplaceWeeklySessionsResponse> observer) {
        List<SessionInput> typed = new ArrayList<>();
        for (WorkSession s : r.getWeekly().getSessionsList()) {
            String weekday = s.getWeekday() == Weekday.WEEKDAY_UNSPECIFIED || s.getWeekday() == Weekday.UNRECOGNIZED
                    ? null
                    : s.getWeekday().name().substring("WEEKDAY_".length());
            typed.add(new SessionInput(weekday, s.getStart(), s.getEnd()));
        }
        for (SessionTime s : r.getWeekly().getMakeUpDaySessionsList()) {
            typed.add(new SessionInput(SessionRepository.MAKEUP, s.getStart(), s.getEnd()));
        }
        DeadlineCalculators.ResolvedSchedule s =
                calendar.replaceSessions(CallContext.requireCaller(), r.getUnitCode(), typed);
        reply(
                observer,
                ReplaceWeeklySessionsResponse.newBuilder()
                        .setUnitCode(r.getUnitCode())
                        .setWeekly(weekly(s))
                        .setDefinedAt(s.definedAt() == null ? "" : s.definedAt())
                        .build());
    }

    private static WeeklySessions weekly(DeadlineCalculators.ResolvedSchedule s) {
        return weekly(CalendarAdministration.rowsOf(s.schedule()));
    }

    static WeeklySessions weekly(List<SessionRepository.Row> rows) {
        WeeklySessions.Builder b = WeeklySessions.newBuilder();
        for (SessionRepository.Row row : rows) {
            String start = row.session().start().toString();
            String end = row.session().end().toString();
            if (SessionRepository.MAKEUP.equals(row.weekday())) {
                b.addMakeUpDaySessions(SessionTime.newBuilder().setStart(start).setEnd(end));
            } else {
                b.addSessions(WorkSession.newBuilder()
                        .setWeekday(Weekday.valueOf("WEEKDAY_" + row.weekday()))
                        .setStart(start)
                        .setEnd(end));
            }
        }
        return b.build();
    }

    static CalendarDay day(CalendarRepository.Entry e) {
        return CalendarDay.newBuilder()
                .setDate(e.day().date().toString())
                .setKind(
                        e.day().kind() == DayOverrideKind.HOLIDAY
                                ? CalendarDayKind.CALENDAR_DAY_KIND_DAY_OFF
                                : CalendarDayKind.CALENDAR_DAY_KIND_MAKEUP_WORKDAY)
                .setName(e.day().name())
                .setUnitCode(e.unitCode() == null ? "" : e.unitCode())
                .build();
    }

    private static <T> void reply(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }
}
