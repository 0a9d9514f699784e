package vn.motcua.gateway.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.proto.dossier.v1.CalendarDay;
import vn.motcua.proto.dossier.v1.ManagedUnit;
import vn.motcua.proto.dossier.v1.SessionTime;
import vn.motcua.proto.dossier.v1.WeeklySessions;
import vn.motcua.proto.dossier.v1.WorkSession;

/** JSON of unit and work-calendar administration. Dates are YYYY-MM-DD, times HH:MM (Asia/Ho_Chi_Minh). */
public final class UnitAdminJson {

    private UnitAdminJson() {}

    /** A unit with its history: validTo is its last day (null while open), successorCode set after a merger. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Unit(
            String code,
            String name,
            @Nullable String level,
            String agencyCode,
            @Nullable String parentCode,
            String validFrom,
            @Nullable String validTo,
            @Nullable String successorCode) {

        static Unit from(ManagedUnit u) {
            return new Unit(
                    u.getUnit().getCode(),
                    u.getUnit().getName(),
                    ProtoValues.enumName(u.getUnit().getLevel(), "UNIT_LEVEL_"),
                    u.getUnit().getAgencyCode(),
                    ProtoValues.text(u.getUnit().getParentCode()),
                    u.getValidFrom(),
                    ProtoValues.text(u.getValidTo()),
                    ProtoValues.text(u.getSuccessorCode()));
        }
    }

    @Serdeable
    public record Units(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<Unit> units) {}

    @Serdeable
    public record Merger(
            Unit successor,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<Unit> closed) {}

    /** kind DAY_OFF or MAKEUP_WORKDAY; unitCode null for a nationwide entry. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Day(
            String date,
            @Nullable String kind,
            String name,
            @Nullable String unitCode) {

        static Day from(CalendarDay d) {
            return new Day(
                    d.getDate(),
                    ProtoValues.enumName(d.getKind(), "CALENDAR_DAY_KIND_"),
                    d.getName(),
                    ProtoValues.text(d.getUnitCode()));
        }
    }

    @Serdeable
    public record Days(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<Day> days) {}

    @Serdeable
    public record Session(@Nullable String weekday, String start, String end) {

        static Session from(WorkSession s) {
            return new Session(ProtoValues.enumName(s.getWeekday(), "WEEKDAY_"), s.getStart(), s.getEnd());
        }

        static Session from(SessionTime s) {
            return new Session(null, s.getStart(), s.getEnd());
        }
    }

    /** definedAt: the unit whose own sessions apply (itself or an ancestor); null for the national standard. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Sessions(
            String unitCode,
            List<Session> sessions,
            List<Session> makeUpDaySessions,
            @Nullable String definedAt) {

        static Sessions from(String unitCode, WeeklySessions w, String definedAt) {
            return new Sessions(
                    unitCode,
                    w.getSessionsList().stream().map(Session::from).toList(),
                    w.getMakeUpDaySessionsList().stream().map(Session::from).toList(),
                    ProtoValues.text(definedAt));
        }
    }
}
