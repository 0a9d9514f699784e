package vn.motcua.gateway.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.dossier.v1.DossierServiceGrpc.DossierServiceBlockingStub;
import vn.motcua.proto.dossier.v1.ListProceduresRequest;
import vn.motcua.proto.dossier.v1.ListProceduresResponse;
import vn.motcua.proto.dossier.v1.SearchPublicProceduresRequest;
import vn.motcua.proto.dossier.v1.SearchPublicProceduresResponse;

@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProceduresController {

    private static final int MAX_QUERY = 200;

    private final Downstream downstream;
    private final DossierServiceBlockingStub dossiers;

    public ProceduresController(Downstream downstream, DossierServiceBlockingStub dossiers) {
        this.downstream = downstream;
        this.dossiers = dossiers;
    }

    /** Anyone: search the published catalogue; case and Vietnamese diacritics are ignored by the service. */
    @Get("/public/procedures")
    @Access(AccessPolicy.PUBLIC)
    public ProcedureJson.Page search(
            HttpRequest<?> request,
            @Nullable @QueryValue String q,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String pageSize,
            @Nullable @QueryValue String pageToken) {
        Violations violations = new Violations();
        String query = violations.text("q", q, false, MAX_QUERY);
        String unit = violations.code("unitCode", unitCode, false);
        PageRequest page = violations.page(pageSize, pageToken);
        violations.throwIfAny();
        SearchPublicProceduresRequest rpc = SearchPublicProceduresRequest.newBuilder()
                .setQuery(query == null ? "" : query)
                .setUnitCode(unit == null ? "" : unit)
                .setPage(page)
                .build();
        SearchPublicProceduresResponse response =
                downstream.call(request, dossiers, s -> s.searchPublicProcedures(rpc));
        return ProcedureJson.Page.from(
                response.getProceduresList(), response.getPage().getNextPageToken());
    }

    /** Officers: the procedures received at a unit, by default the caller's own (the service checks scope). */
    @Get("/procedures")
    @Access(AccessPolicy.OFFICER)
    public ProcedureJson.Page list(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String pageSize,
            @Nullable @QueryValue String pageToken) {
        Violations violations = new Violations();
        String unit = violations.code("unitCode", unitCode, false);
        PageRequest page = violations.page(pageSize, pageToken);
        violations.throwIfAny();
        ListProceduresRequest rpc = ListProceduresRequest.newBuilder()
                .setUnitCode(unit == null ? "" : unit)
                .setPage(page)
                .build();
        ListProceduresResponse response = downstream.call(request, dossiers, s -> s.listProcedures(rpc));
        return ProcedureJson.Page.from(
                response.getProceduresList(), response.getPage().getNextPageToken());
    }
}
