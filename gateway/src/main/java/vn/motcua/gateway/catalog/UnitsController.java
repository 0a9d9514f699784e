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
import vn.motcua.proto.dossier.v1.DossierServiceGrpc.DossierServiceBlockingStub;
import vn.motcua.proto.dossier.v1.ListUnitsRequest;

@Controller("/api/v1/units")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UnitsController {

    private final Downstream downstream;
    private final DossierServiceBlockingStub dossiers;

    public UnitsController(Downstream downstream, DossierServiceBlockingStub dossiers) {
        this.downstream = downstream;
        this.dossiers = dossiers;
    }

    /** The administrative units, optionally only the subtree under one unit. */
    @Get
    @Access(AccessPolicy.PUBLIC)
    public UnitJson.Units list(HttpRequest<?> request, @Nullable @QueryValue String under) {
        Violations violations = new Violations();
        String underCode = violations.code("under", under, false);
        violations.throwIfAny();
        ListUnitsRequest rpc = ListUnitsRequest.newBuilder()
                .setUnderCode(underCode == null ? "" : underCode)
                .build();
        return UnitJson.Units.from(
                downstream.call(request, dossiers, s -> s.listUnits(rpc)).getUnitsList());
    }
}
