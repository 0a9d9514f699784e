package vn.motcua.gateway.dossier;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.security.RoleDocs;
import vn.motcua.proto.dossier.v1.DossierWorkflowServiceGrpc.DossierWorkflowServiceBlockingStub;
import vn.motcua.proto.dossier.v1.FormKind;
import vn.motcua.proto.dossier.v1.GetDossierActionsRequest;
import vn.motcua.proto.dossier.v1.GetDossierActionsResponse;

/**
 * What the caller may do on a dossier now, as the REST actions of {@link DossierWorkflowController}, and which
 * forms it has issued. The rule lives in dossier-service's state machine; a screen asks here instead of re-encoding
 * it, and the actions themselves still decide again when called.
 */
@Controller("/api/v1/dossiers")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DossierActionsController {

    /** The service's events as REST actions ({@code POST /api/v1/dossiers/{code}:<action>}). */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("ACCEPT", "accept"),
            Map.entry("REQUEST_PRE_SUPPLEMENT", "request-pre-supplement"),
            Map.entry("RESUBMIT", "resubmit"),
            Map.entry("REJECT", "reject"),
            Map.entry("TRANSFER", "transfer"),
            Map.entry("REQUEST_SUPPLEMENT", "request-supplement"),
            Map.entry("SUPPLEMENT_RECEIVED", "receive-supplement"),
            Map.entry("REFUSE", "refuse"),
            Map.entry("APOLOGISE_AND_EXTEND", "extend"),
            Map.entry("REQUIRE_FINANCIAL_OBLIGATION", "require-financial-obligation"),
            Map.entry("OBLIGATION_FULFILLED", "confirm-financial-obligation"),
            Map.entry("WITHDRAW", "withdraw"),
            Map.entry("STOP", "stop"),
            Map.entry("ISSUE_RESULT", "issue-result"),
            Map.entry("RETURN_RESULT", "return-result"));

    private final Downstream downstream;
    private final DossierWorkflowServiceBlockingStub workflow;

    public DossierActionsController(Downstream downstream, DossierWorkflowServiceBlockingStub workflow) {
        this.downstream = downstream;
        this.workflow = workflow;
    }

    /**
     * The applicant or officers in scope: {code, revision, allowedActions (e.g. "accept", "transfer", "steps"),
     * allowedSteps (the :steps values allowed, e.g. "ASSIGN"), issuedForms (kinds of /forms/{kind} that exist)}.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_READERS,
                                            parseValue = true)))
    @Get("/{code}/actions")
    @Access(AccessPolicy.AUTHENTICATED)
    public Actions actions(HttpRequest<?> request, @PathVariable String code) {
        GetDossierActionsRequest rpc = GetDossierActionsRequest.newBuilder()
                .setCode(DossierCodes.require(code))
                .build();
        return Actions.from(downstream.call(request, workflow, s -> s.getDossierActions(rpc)));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Actions(
            String code,
            long revision,
            List<String> allowedActions,
            List<String> allowedSteps,
            List<String> issuedForms) {

        static Actions from(GetDossierActionsResponse r) {
            Set<String> actions = new LinkedHashSet<>();
            List<String> steps = new ArrayList<>();
            for (String event : r.getAllowedEventsList()) {
                if (DossierWorkflowController.STEPS.containsKey(event)) {
                    actions.add("steps");
                    steps.add(event);
                } else if (ACTIONS.containsKey(event)) {
                    actions.add(ACTIONS.get(event));
                }
            }
            List<String> forms = new ArrayList<>();
            for (FormKind kind : r.getIssuedFormsList()) {
                DossierWorkflowController.FORMS.forEach((name, k) -> {
                    if (k == kind) {
                        forms.add(name);
                    }
                });
            }
            return new Actions(r.getCode(), r.getRevision(), List.copyOf(actions), List.copyOf(steps), forms);
        }
    }
}
