package vn.motcua.gateway.dossier;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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

    /** Anyone with the code from the receipt: status and dates only, nothing about the applicant. */
    @Get("/{code}/status")
    @Access(AccessPolicy.PUBLIC)
    public DossierStatusJson status(HttpRequest<?> request, @PathVariable String code) {
        LookupDossierStatusRequest rpc = LookupDossierStatusRequest.newBuilder()
                .setCode(DossierCodes.require(code)).build();
        return DossierStatusJson.from(downstream.call(request, dossiers, s -> s.lookupDossierStatus(rpc)));
    }
}
