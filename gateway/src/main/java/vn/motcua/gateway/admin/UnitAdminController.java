package vn.motcua.gateway.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import vn.motcua.gateway.dossier.IdempotencyKeys;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.problem.JsonPaths;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.dossier.v1.CloseUnitRequest;
import vn.motcua.proto.dossier.v1.CreateUnitRequest;
import vn.motcua.proto.dossier.v1.GetWeeklySessionsRequest;
import vn.motcua.proto.dossier.v1.GetWeeklySessionsResponse;
import vn.motcua.proto.dossier.v1.ListManagedUnitsRequest;
import vn.motcua.proto.dossier.v1.MergeUnitsRequest;
import vn.motcua.proto.dossier.v1.MergeUnitsResponse;
import vn.motcua.proto.dossier.v1.NewUnit;
import vn.motcua.proto.dossier.v1.RenameUnitRequest;
import vn.motcua.proto.dossier.v1.ReplaceWeeklySessionsRequest;
import vn.motcua.proto.dossier.v1.ReplaceWeeklySessionsResponse;
import vn.motcua.proto.dossier.v1.SessionTime;
import vn.motcua.proto.dossier.v1.UnitAdminServiceGrpc.UnitAdminServiceBlockingStub;
import vn.motcua.proto.dossier.v1.Weekday;
import vn.motcua.proto.dossier.v1.WeeklySessions;
import vn.motcua.proto.dossier.v1.WorkCalendarServiceGrpc.WorkCalendarServiceBlockingStub;
import vn.motcua.proto.dossier.v1.WorkSession;

/**
 * Administrative units as data (UnitAdminService) and each unit's weekly sessions (WorkCalendarService), for unit
 * administrators within their own unit's subtree; the service decides the subtree from the same token. Creating
 * POSTs map Idempotency-Key to request_id; bodies are read strictly as JSON (a wrong type, an unknown field or
 * choice is a 400 before any call); the values' rules are the service's (AdminInput, UnitChanges), its field
 * violations reach the client under the JSON names.
 */
@Controller("/api/v1/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Access(AccessPolicy.UNIT_ADMIN)
public class UnitAdminController {

    static final Map<String, UnitLevel> LEVELS = Map.of(
            "PROVINCE",
            UnitLevel.UNIT_LEVEL_PROVINCE,
            "DISTRICT",
            UnitLevel.UNIT_LEVEL_DISTRICT,
            "COMMUNE",
            UnitLevel.UNIT_LEVEL_COMMUNE);
    private static final Set<String> UNIT_FIELDS = Set.of("code", "agencyCode", "name", "level", "parentCode");

    private final Downstream downstream;
    private final UnitAdminServiceBlockingStub units;
    private final WorkCalendarServiceBlockingStub calendar;
    private final JsonMapper json;

    public UnitAdminController(
            Downstream downstream,
            UnitAdminServiceBlockingStub units,
            WorkCalendarServiceBlockingStub calendar,
            JsonMapper json) {
        this.downstream = downstream;
        this.units = units;
        this.calendar = calendar;
        this.json = json;
    }

    /** Unit administrator: the units of their subtree, closed ones included, with validity and successor. */
    @Get("/units")
    public UnitAdminJson.Units list(HttpRequest<?> request) {
        return new UnitAdminJson.Units(downstream
                .call(request, units, s -> s.listManagedUnits(ListManagedUnitsRequest.getDefaultInstance()))
                .getUnitsList()
                .stream()
                .map(UnitAdminJson.Unit::from)
                .toList());
    }

    /**
     * Unit administrator: a new unit below a unit of their subtree. Body {code, agencyCode, name, level
     * (PROVINCE|DISTRICT|COMMUNE), parentCode, validFrom (YYYY-MM-DD)}. Answers 201.
     */
    @Post("/units")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<UnitAdminJson.Unit> create(
            HttpRequest<?> request,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        Set<String> fields = new java.util.HashSet<>(UNIT_FIELDS);
        fields.add("validFrom");
        JsonBody b = JsonBody.read(json, body, true, fields, v);
        NewUnit unit = newUnit(v, b);
        String validFrom = b.text("validFrom");
        v.throwIfAny();
        CreateUnitRequest rpc = CreateUnitRequest.newBuilder()
                .setRequestId(requestId)
                .setUnit(unit)
                .setValidFrom(validFrom)
                .build();
        JsonPaths.flattened(request, "unit");
        UnitAdminJson.Unit created = UnitAdminJson.Unit.from(
                downstream.call(request, units, s -> s.createUnit(rpc)).getUnit());
        return HttpResponse.created(created, URI.create("/api/v1/admin/units"));
    }

    /** Unit administrator: rename an open unit. Body {name}. */
    @Post("/units/{code}:rename")
    @Consumes(MediaType.APPLICATION_JSON)
    public UnitAdminJson.Unit rename(HttpRequest<?> request, @PathVariable String code, @Nullable @Body String body) {
        Violations v = new Violations();
        String valid = v.code("code", code, true);
        JsonBody b = JsonBody.read(json, body, true, Set.of("name"), v);
        String name = b.text("name");
        v.throwIfAny();
        RenameUnitRequest rpc =
                RenameUnitRequest.newBuilder().setCode(valid).setName(name).build();
        return UnitAdminJson.Unit.from(
                downstream.call(request, units, s -> s.renameUnit(rpc)).getUnit());
    }

    /**
     * Unit administrator: close a unit after its last day. Body {validTo (YYYY-MM-DD, not before yesterday)}. New
     * receptions there are refused from the next day; its dossiers keep their codes.
     */
    @Post("/units/{code}:close")
    @Consumes(MediaType.APPLICATION_JSON)
    public UnitAdminJson.Unit close(HttpRequest<?> request, @PathVariable String code, @Nullable @Body String body) {
        Violations v = new Violations();
        String valid = v.code("code", code, true);
        JsonBody b = JsonBody.read(json, body, true, Set.of("validTo"), v);
        String validTo = b.text("validTo");
        v.throwIfAny();
        CloseUnitRequest rpc =
                CloseUnitRequest.newBuilder().setCode(valid).setValidTo(validTo).build();
        return UnitAdminJson.Unit.from(
                downstream.call(request, units, s -> s.closeUnit(rpc)).getUnit());
    }

    /**
     * Unit administrator: merge units into a new one (the 2025 reform). Body {sourceCodes [..], successor {code,
     * agencyCode, name, level, parentCode}, effectiveOn (YYYY-MM-DD)}; the sources' last day is the day before.
     * Answers 201.
     */
    @Post("/units:merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<UnitAdminJson.Merger> merge(
            HttpRequest<?> request,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        JsonBody b = JsonBody.read(json, body, true, Set.of("sourceCodes", "successor", "effectiveOn"), v);
        MergeUnitsRequest.Builder rpc = MergeUnitsRequest.newBuilder().setRequestId(requestId);
        // how many units, which codes and the date are the service's rules (UnitChanges, AdminInput)
        rpc.addAllSourceCodes(b.strings("sourceCodes", Integer.MAX_VALUE));
        JsonBody successor = b.object("successor", UNIT_FIELDS);
        if (successor != null) {
            rpc.setSuccessor(newUnit(v, successor));
        }
        rpc.setEffectiveOn(b.text("effectiveOn"));
        v.throwIfAny();
        MergeUnitsResponse merged = downstream.call(request, units, s -> s.mergeUnits(rpc.build()));
        UnitAdminJson.Merger result = new UnitAdminJson.Merger(
                UnitAdminJson.Unit.from(merged.getSuccessor()),
                merged.getClosedList().stream().map(UnitAdminJson.Unit::from).toList());
        return HttpResponse.created(result, URI.create("/api/v1/admin/units"));
    }

    /** Unit administrator: the weekly sessions in force at a unit of their subtree and where they are defined. */
    @Get("/units/{code}/sessions")
    public UnitAdminJson.Sessions sessions(HttpRequest<?> request, @PathVariable String code) {
        Violations v = new Violations();
        String valid = v.code("code", code, true);
        v.throwIfAny();
        GetWeeklySessionsResponse r = downstream.call(
                request,
                calendar,
                s -> s.getWeeklySessions(
                        GetWeeklySessionsRequest.newBuilder().setUnitCode(valid).build()));
        return UnitAdminJson.Sessions.from(valid, r.getWeekly(), r.getDefinedAt());
    }

    /**
     * Unit administrator: replace a unit's own weekly sessions. Body {sessions [{weekday (MONDAY..SUNDAY), start,
     * end (HH:MM)}], makeUpDaySessions [{start, end}]}; both empty: the unit follows its parent again. Deadlines
     * computed afterwards use them; due times already given do not change.
     */
    @Put("/units/{code}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    public UnitAdminJson.Sessions replaceSessions(
            HttpRequest<?> request, @PathVariable String code, @Nullable @Body String body) {
        Violations v = new Violations();
        String valid = v.code("code", code, true);
        JsonBody b = JsonBody.read(json, body, true, Set.of("sessions", "makeUpDaySessions"), v);
        WeeklySessions.Builder weekly = WeeklySessions.newBuilder();
        // how many sessions, their times and whether a weekday is given are the service's rules (SessionInput)
        for (JsonBody s : b.objects("sessions", Set.of("weekday", "start", "end"), Integer.MAX_VALUE)) {
            String day = s.string("weekday");
            Weekday weekday = Weekday.WEEKDAY_UNSPECIFIED;
            if (day != null && !day.isEmpty()) {
                try {
                    weekday = Weekday.valueOf("WEEKDAY_" + day);
                } catch (IllegalArgumentException e) {
                    weekday = Weekday.WEEKDAY_UNSPECIFIED;
                }
                if (weekday == Weekday.WEEKDAY_UNSPECIFIED) {
                    v.add(
                            s.path("weekday"),
                            "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY," + " SUNDAY");
                }
            }
            weekly.addSessions(WorkSession.newBuilder()
                    .setWeekday(weekday)
                    .setStart(s.text("start"))
                    .setEnd(s.text("end")));
        }
        for (JsonBody s : b.objects("makeUpDaySessions", Set.of("start", "end"), Integer.MAX_VALUE)) {
            weekly.addMakeUpDaySessions(
                    SessionTime.newBuilder().setStart(s.text("start")).setEnd(s.text("end")));
        }
        v.throwIfAny();
        ReplaceWeeklySessionsRequest rpc = ReplaceWeeklySessionsRequest.newBuilder()
                .setUnitCode(valid)
                .setWeekly(weekly)
                .build();
        ReplaceWeeklySessionsResponse r = downstream.call(request, calendar, s -> s.replaceWeeklySessions(rpc));
        return UnitAdminJson.Sessions.from(valid, r.getWeekly(), r.getDefinedAt());
    }

    /** The unit's codes, name and whether a level is given are the service's rules (AdminInput). */
    private static NewUnit newUnit(Violations v, JsonBody b) {
        NewUnit.Builder unit = NewUnit.newBuilder()
                .setCode(b.text("code"))
                .setAgencyCode(b.text("agencyCode"))
                .setName(b.text("name"));
        String level = b.string("level");
        if (level != null && !level.isEmpty()) {
            if (LEVELS.containsKey(level)) {
                unit.setLevel(LEVELS.get(level));
            } else {
                v.add(b.path("level"), "must be one of PROVINCE, DISTRICT, COMMUNE");
            }
        }
        return unit.setParentCode(b.text("parentCode")).build();
    }
}
