package vn.motcua.gateway.digitization;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import vn.motcua.gateway.dossier.IdempotencyKeys;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.gateway.problem.ProblemException;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.security.CallerAttribute;
import vn.motcua.gateway.security.RoleDocs;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.proto.digitization.v1.CertifiedCopyServiceGrpc.CertifiedCopyServiceBlockingStub;
import vn.motcua.proto.digitization.v1.CertifyCopyRequest;
import vn.motcua.proto.digitization.v1.ListCertifiedCopiesRequest;
import vn.motcua.proto.digitization.v1.ListCertifiedCopiesResponse;

/**
 * Electronic certified copies from originals presented at a unit's desk (chứng thực bản sao điện tử từ bản chính;
 * CertifiedCopyService): the reception officer uploads the unit-signed e-copy ({@code POST
 * /api/v1/documents?unit=...}) and certifies it for its owner; it gets the next number of the unit's register and
 * lands in the owner's warehouse. A reception officer certifies at their own unit only: another unit in the path is
 * 404, as anything outside a caller's scope.
 */
@Controller("/api/v1/units/{unit}/certified-copies")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CertifiedCopiesController {

    private final Downstream downstream;
    private final CertifiedCopyServiceBlockingStub copies;
    private final JsonMapper json;
    private final Duration processingTimeout;

    public CertifiedCopiesController(
            Downstream downstream,
            CertifiedCopyServiceBlockingStub copies,
            JsonMapper json,
            @Value("${motcua.gateway.documents.processing-timeout:5m}") Duration processingTimeout) {
        this.downstream = downstream;
        this.processingTimeout = processingTimeout;
        this.copies = copies;
        this.json = json;
    }

    /**
     * Reception officer of the unit: certifies an uploaded, signed PDF of the unit's desk. Body {documentId, ownerId
     * (CCCD or tax code), title, validUntil?}; Idempotency-Key: a retry answers the first certification. The
     * signature must verify as VALID (else 409 RULE_VIOLATED). Answers 201 with the copy.
     */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.RECEPTION_OFFICER)
    public MutableHttpResponse<DigitizationJson.CertifiedCopyJson> certify(
            HttpRequest<?> request,
            @PathVariable String unit,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String unitCode = v.code("unit", unit, true);
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        JsonBody b = JsonBody.read(json, body, true, Set.of("documentId", "ownerId", "title", "validUntil"), v);
        String document = v.code("documentId", b.string("documentId"), true);
        String owner = b.text("ownerId");
        String title = b.text("title");
        Instant validUntil = v.instant("validUntil", b.string("validUntil"), false);
        v.throwIfAny();
        ownUnit(request, unitCode);
        CertifyCopyRequest.Builder rpc = CertifyCopyRequest.newBuilder()
                .setRequestId(requestId)
                .setDocumentId(document)
                .setOwnerId(owner)
                .setTitle(title);
        if (validUntil != null) {
            rpc.setValidUntil(ProtoValues.timestamp(validUntil));
        }
        return HttpResponse.created(DigitizationJson.CertifiedCopyJson.from(
                // verifies the copy's signature over the whole file: the processing deadline, not the short one
                downstream
                        .call(request, copies, processingTimeout, s -> s.certifyCopy(rpc.build()))
                        .getCopy()));
    }

    /** Officers of the unit: its register, newest first. Query: pageSize, pageToken. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_COPY_REGISTER,
                                            parseValue = true)))
    @Get
    @Access(AccessPolicy.OFFICER)
    public DigitizationJson.CopiesPage list(
            HttpRequest<?> request,
            @PathVariable String unit,
            @Nullable @QueryValue String pageSize,
            @Nullable @QueryValue String pageToken) {
        Violations v = new Violations();
        String unitCode = v.code("unit", unit, true);
        ListCertifiedCopiesRequest rpc = ListCertifiedCopiesRequest.newBuilder()
                .setUnitCode(unitCode == null ? "" : unitCode)
                .setPage(v.page(pageSize, pageToken))
                .build();
        v.throwIfAny();
        ListCertifiedCopiesResponse response = call(request, s -> s.listCertifiedCopies(rpc));
        return new DigitizationJson.CopiesPage(
                response.getCopiesList().stream()
                        .map(DigitizationJson.CertifiedCopyJson::from)
                        .toList(),
                ProtoValues.text(response.getPage().getNextPageToken()));
    }

    /**
     * The contract certifies at the caller's own unit (CertifyCopyRequest names no unit): the path must say the same,
     * or the client would believe it certified elsewhere.
     */
    private static void ownUnit(HttpRequest<?> request, String unitCode) {
        boolean own = CallerAttribute.get(request)
                .flatMap(caller -> caller.unit())
                .filter(unitCode::equals)
                .isPresent();
        if (!own) {
            throw new ProblemException(
                    HttpStatus.NOT_FOUND, ErrorReason.NOT_FOUND.name(), "the resource was not found", List.of());
        }
    }

    private <R> R call(HttpRequest<?> request, Function<CertifiedCopyServiceBlockingStub, R> rpc) {
        return downstream.call(request, copies, rpc);
    }
}
