package vn.motcua.gateway.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import vn.motcua.gateway.dossier.IdempotencyKeys;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.problem.JsonPaths;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.dossier.v1.AddCalendarDayRequest;
import vn.motcua.proto.dossier.v1.CalendarDay;
import vn.motcua.proto.dossier.v1.CalendarDayKind;
import vn.motcua.proto.dossier.v1.ListCalendarDaysRequest;
import vn.motcua.proto.dossier.v1.RemoveCalendarDayRequest;
import vn.motcua.proto.dossier.v1.WorkCalendarServiceGrpc.WorkCalendarServiceBlockingStub;

/**
 * The holiday table (WorkCalendarService): days off and make-up working days, nationwide (administrators of a root
 * unit, the province) or for a unit's subtree (administrators of a subtree holding it). A change applies to deadlines
 * computed afterwards; due times already given to citizens stand.
 */
@Controller("/api/v1/admin/calendar/holidays")
@ExecuteOn(TaskExecutors.BLOCKING)
@Access(AccessPolicy.UNIT_ADMIN)
public class CalendarAdminController {

    static final Map<String, CalendarDayKind> KINDS = Map.of(
            "DAY_OFF",
            CalendarDayKind.CALENDAR_DAY_KIND_DAY_OFF,
            "MAKEUP_WORKDAY",
            CalendarDayKind.CALENDAR_DAY_KIND_MAKEUP_WORKDAY);

    private final Downstream downstream;
    private final WorkCalendarServiceBlockingStub calendar;
    private final JsonMapper json;

    public CalendarAdminController(Downstream downstream, WorkCalendarServiceBlockingStub calendar, JsonMapper json) {
        this.downstream = downstream;
        this.calendar = calendar;
        this.json = json;
    }

    /**
     * Unit administrator: entries that apply to their unit (nationwide, its ancestors', its own) and those of units
     * below it, from/to YYYY-MM-DD (default: the current year).
     */
    @Get
    public UnitAdminJson.Days list(
            HttpRequest<?> request, @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        Violations v = new Violations();
        LocalDate start = v.date("from", from, false);
        LocalDate end = v.date("to", to, false);
        v.throwIfAny();
        ListCalendarDaysRequest rpc = ListCalendarDaysRequest.newBuilder()
                .setFrom(start == null ? "" : start.toString())
                .setTo(end == null ? "" : end.toString())
                .build();
        return new UnitAdminJson.Days(
                downstream.call(request, calendar, s -> s.listCalendarDays(rpc)).getDaysList().stream()
                        .map(UnitAdminJson.Day::from)
                        .toList());
    }

    /**
     * Unit administrator: add an entry. Body {date (YYYY-MM-DD), kind (DAY_OFF|MAKEUP_WORKDAY), name (e.g. "Tết
     * Nguyên đán"), unitCode? (absent: nationwide)}. 409 when the date is already in the table for that scope.
     * Answers 201.
     */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<UnitAdminJson.Day> add(
            HttpRequest<?> request,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        JsonBody b = JsonBody.read(json, body, true, Set.of("date", "kind", "name", "unitCode"), v);
        // the date, the name, the unit code and whether a kind is given are the service's rules (AdminInput)
        CalendarDay.Builder day = CalendarDay.newBuilder()
                .setDate(b.text("date"))
                .setName(b.text("name"))
                .setUnitCode(b.text("unitCode"));
        String kind = b.string("kind");
        if (kind != null && !kind.isEmpty()) {
            if (KINDS.containsKey(kind)) {
                day.setKind(KINDS.get(kind));
            } else {
                v.add("kind", "must be one of DAY_OFF, MAKEUP_WORKDAY");
            }
        }
        v.throwIfAny();
        AddCalendarDayRequest rpc = AddCalendarDayRequest.newBuilder()
                .setRequestId(requestId)
                .setDay(day)
                .build();
        JsonPaths.flattened(request, "day");
        UnitAdminJson.Day added = UnitAdminJson.Day.from(
                downstream.call(request, calendar, s -> s.addCalendarDay(rpc)).getDay());
        return HttpResponse.created(
                added,
                URI.create("/api/v1/admin/calendar/holidays/" + added.date()
                        + (added.unitCode() == null ? "" : "?unitCode=" + added.unitCode())));
    }

    /** Unit administrator: remove the entry of a date, nationwide or of ?unitCode=. */
    @Delete("/{date}")
    public UnitAdminJson.Day remove(
            HttpRequest<?> request, @PathVariable String date, @Nullable @QueryValue String unitCode) {
        Violations v = new Violations();
        LocalDate day = v.date("date", date, true);
        String unit = v.code("unitCode", unitCode, false);
        v.throwIfAny();
        RemoveCalendarDayRequest rpc = RemoveCalendarDayRequest.newBuilder()
                .setDate(day.toString())
                .setUnitCode(unit == null ? "" : unit)
                .build();
        return UnitAdminJson.Day.from(downstream
                .call(request, calendar, s -> s.removeCalendarDay(rpc))
                .getRemoved());
    }
}
