package vn.motcua.gateway.dossier;

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
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.problem.ProblemException;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.DossierServiceGrpc.DossierServiceBlockingStub;
import vn.motcua.proto.dossier.v1.GetDossierRequest;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;

@Controller("/api/v1/dossiers")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DossiersController {

    private final Downstream downstream;
    private final DossierServiceBlockingStub dossiers;
    private final JsonMapper json;

    public DossiersController(Downstream downstream, DossierServiceBlockingStub dossiers, JsonMapper json) {
        this.downstream = downstream;
        this.dossiers = dossiers;
        this.json = json;
    }

    /**
     * Reception officer: receive a dossier at the counter or by post; the service assigns code and due time. With
     * outcome REQUEST_SUPPLEMENT (Form 02) or REFUSE (Form 03) and a reason, the desk records the paper dossier
     * before acceptance instead (Decree 61/2018 Art 17(1)(a),(b)): no clock, a submission reference as code; a
     * supplemented dossier is then accepted with POST /api/v1/dossiers/{code}:accept.
     */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.RECEPTION_OFFICER)
    public HttpResponse<DossierJson> receive(
            HttpRequest<?> request,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations violations = new Violations();
        String requestId = IdempotencyKeys.requestId(idempotencyKey, violations);
        ReceiveDossierRequest.Builder rpc = ReceiveDossierForm.read(parse(body), violations);
        violations.throwIfAny();
        ReceiveDossierRequest message = rpc.setRequestId(requestId).build();
        Dossier dossier = downstream
                .call(request, dossiers, s -> s.receiveDossier(message))
                .getDossier();
        return HttpResponse.created(DossierJson.from(dossier), location(dossier.getCode()));
    }

    /** Any signed-in caller; the service answers 404 for dossiers outside the caller's scope. */
    @Get("/{code}")
    @Access(AccessPolicy.AUTHENTICATED)
    public DossierJson get(HttpRequest<?> request, @PathVariable String code) {
        GetDossierRequest rpc = GetDossierRequest.newBuilder()
                .setCode(DossierCodes.require(code))
                .build();
        return DossierJson.from(
                downstream.call(request, dossiers, s -> s.getDossier(rpc)).getDossier());
    }

    private JsonNode parse(@Nullable String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.malformed("a JSON body is required");
        }
        return JsonDocument.parse(json, body);
    }

    private static URI location(String code) {
        // codes are [A-Za-z0-9.-] by contract; anything else must not be reflected into a header
        String safe = code.matches("[A-Za-z0-9.\\-]{1,64}") ? code : "";
        return URI.create("/api/v1/dossiers/" + safe);
    }
}
