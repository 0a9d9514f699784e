package vn.motcua.gateway.dossier;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import java.time.LocalDate;
import java.util.regex.Pattern;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.security.RoleDocs;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.dossier.v1.DossierWorkflowServiceGrpc.DossierWorkflowServiceBlockingStub;
import vn.motcua.proto.dossier.v1.RenderTrackingRegisterRequest;
import vn.motcua.proto.dossier.v1.RenderTrackingRegisterResponse;

/** The tracking register (sổ theo dõi hồ sơ, Form 06) of a desk over a date range, as an A4 landscape PDF. */
@Controller("/api/v1/registers")
@ExecuteOn(TaskExecutors.BLOCKING)
public class TrackingRegisterController {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,160}\\.pdf");
    private static final MediaType PDF = MediaType.of("application/pdf");

    private final Downstream downstream;
    private final DossierWorkflowServiceBlockingStub workflow;

    public TrackingRegisterController(Downstream downstream, DossierWorkflowServiceBlockingStub workflow) {
        this.downstream = downstream;
        this.workflow = workflow;
    }

    /**
     * Officers: the register of their unit's desk (or, with ?unitCode=, of a unit below it) for dossiers received
     * from/to (YYYY-MM-DD, both inclusive, within one calendar year). X-Row-Count tells how many dossiers it lists.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_REGISTER,
                                            parseValue = true)))
    @Get(value = "/tracking", produces = "application/pdf")
    @Access(AccessPolicy.OFFICER)
    public HttpResponse<byte[]> tracking(
            HttpRequest<?> request,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String unitCode) {
        Violations v = new Violations();
        LocalDate start = v.date("from", from, true);
        LocalDate end = v.date("to", to, true);
        String unit = v.code("unitCode", unitCode, false);
        if (start != null && end != null && end.isBefore(start)) {
            v.add("to", "must not be before from");
        }
        v.throwIfAny();
        RenderTrackingRegisterRequest rpc = RenderTrackingRegisterRequest.newBuilder()
                .setFrom(start.toString())
                .setTo(end.toString())
                .setUnitCode(unit == null ? "" : unit)
                .build();
        RenderTrackingRegisterResponse register =
                downstream.call(request, workflow, s -> s.renderTrackingRegister(rpc));
        String fileName = FILE_NAME.matcher(register.getFileName()).matches()
                ? register.getFileName()
                : "so-theo-doi-" + start + "-" + end + ".pdf";
        return HttpResponse.ok(register.getPdf().toByteArray())
                .contentType(PDF)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("X-Row-Count", Integer.toString(register.getRowCount()));
    }
}
