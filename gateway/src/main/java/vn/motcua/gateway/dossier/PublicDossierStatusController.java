package vn.motcua.gateway.dossier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.proto.dossier.v1.DossierServiceGrpc.DossierServiceBlockingStub;
import vn.motcua.proto.dossier.v1.LookupDossierStatusRequest;

@Controller("/api/v1/public/dossiers")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublicDossierStatusController {

    private final Downstream downstream;
    private final DossierServiceBlockingStub dossiers;

    public PublicDossierStatusController(Downstream downstream, DossierServiceBlockingStub dossiers) {
        this.downstream = downstream;
        this.dossiers = dossiers;
    }

    /**
     * Anyone with the code and the lookup key from the receipt: status and dates only, nothing about the applicant.
     * The key's rules are dossier-service's: without it the answer is 400, with a wrong one 404 as for an unknown
     * code, so sequential codes cannot be walked (ADR 0005).
     */
    @Get("/{code}/status")
    @Access(AccessPolicy.PUBLIC)
    public DossierStatusJson status(
            HttpRequest<?> request, @PathVariable String code, @Nullable @QueryValue String lookupKey) {
        LookupDossierStatusRequest rpc = LookupDossierStatusRequest.newBuilder()
                .setCode(DossierCodes.require(code))
                .setLookupKey(lookupKey == null ? "" : lookupKey)
                .build();
        return DossierStatusJson.from(downstream.call(request, dossiers, s -> s.lookupDossierStatus(rpc)));
    }
}
