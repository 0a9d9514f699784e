package vn.motcua.dossier.calendar.grpc;

import jakarta.inject.Singleton;
import java.util.List;
import vn.motcua.dossier.calendar.repository.CalendarRepository;
import vn.motcua.dossier.calendar.repository.SessionRepository;
import vn.motcua.dossier.calendar.service.CalendarEvents;
import vn.motcua.proto.dossier.v1.CalendarDayAdded;
import vn.motcua.proto.dossier.v1.CalendarDayRemoved;
import vn.motcua.proto.dossier.v1.WeeklySessionsReplaced;

/** The calendar feed's payloads, in the shapes of the work calendar API (same mapping as its endpoint). */
@Singleton
public class CalendarEventMessages implements CalendarEvents.Encoder {

    @Override
    public CalendarDayAdded dayAdded(CalendarRepository.Entry entry) {
        return CalendarDayAdded.newBuilder()
                .setDay(WorkCalendarGrpcEndpoint.day(entry))
                .build();
    }

    @Override
    public CalendarDayRemoved dayRemoved(CalendarRepository.Entry entry) {
        return CalendarDayRemoved.newBuilder()
                .setDay(WorkCalendarGrpcEndpoint.day(entry))
                .build();
    }

    @Override
    public WeeklySessionsReplaced sessionsReplaced(String unitCode, List<SessionRepository.Row> rows) {
        return WeeklySessionsReplaced.newBuilder()
                .setUnitCode(unitCode)
                .setSessions(WorkCalendarGrpcEndpoint.weekly(rows))
                .build();
    }
}
