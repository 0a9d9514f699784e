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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import java.net.URI;
import java.util.Set;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.security.RoleDocs;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.DossierWorkflowServiceGrpc.DossierWorkflowServiceBlockingStub;
import vn.motcua.proto.dossier.v1.ListInboxRequest;
import vn.motcua.proto.dossier.v1.ListInboxResponse;
import vn.motcua.proto.dossier.v1.ListMyDossiersRequest;
import vn.motcua.proto.dossier.v1.ListMyDossiersResponse;
import vn.motcua.proto.dossier.v1.SubmitDossierRequest;

/**
 * A citizen's own dossiers (online submission, T1, and the list) and an officer's inbox, over
 * DossierWorkflowService. The citizen's identity (citizen_id) always comes from the token, never from the body.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CitizenDossiersController {

    private static final Set<String> FIELDS = Set.of("procedureCode", "unitCode", "applicant", "note");
    private static final int SEARCH_MAX = 100;

    private final Downstream downstream;
    private final DossierWorkflowServiceBlockingStub workflow;
    private final JsonMapper json;

    public CitizenDossiersController(
            Downstream downstream, DossierWorkflowServiceBlockingStub workflow, JsonMapper json) {
        this.downstream = downstream;
        this.workflow = workflow;
        this.json = json;
    }

    /**
     * Citizen (T1): submit online for a procedure that allows it, filed at unitCode. Body {procedureCode, unitCode,
     * applicant:{fullName, citizenId?, phone?, email?, address?}, note?}; citizenId, when given, must be the
     * caller's own. Answers 201 with the dossier (status SUBMITTED) and its Location.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_APPLICANT,
                                            parseValue = true)))
    @Post("/citizen/dossiers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.CITIZEN)
    public HttpResponse<DossierJson> submit(
            HttpRequest<?> request,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations violations = new Violations();
        String requestId = IdempotencyKeys.requestId(idempotencyKey, violations);
        JsonBody in = JsonBody.read(json, body, true, FIELDS, violations);
        SubmitDossierRequest.Builder rpc = SubmitDossierRequest.newBuilder();
        // the values' rules are dossier-service's: it answers with field violations under these JSON names
        String procedureCode = in.text("procedureCode");
        String unitCode = in.text("unitCode");
        JsonBody applicant = in.object("applicant", ApplicantFields.NAMES);
        if (applicant != null) {
            rpc.setApplicant(ApplicantFields.read(applicant::string));
        }
        String note = in.text("note");
        violations.throwIfAny();
        SubmitDossierRequest message = rpc.setRequestId(requestId)
                .setProcedureCode(procedureCode)
                .setUnitCode(unitCode)
                .setNote(note)
                .build();
        Dossier dossier = downstream
                .call(request, workflow, s -> s.submitDossier(message))
                .getDossier();
        String code = dossier.getCode().matches("[A-Za-z0-9.\\-]{1,64}") ? dossier.getCode() : "";
        return HttpResponse.created(DossierJson.from(dossier), URI.create("/api/v1/dossiers/" + code));
    }

    /**
     * Citizen: own dossiers, newest submitted first. Query: status (comma-separated status names, e.g.
     * SUBMITTED,RECEIVED; only those), sort (-receivedAt or receivedAt: by reception time, dossiers not yet received
     * last either way), pageSize, pageToken. A page token only continues the list with the same status and sort;
     * with others it is refused (400 INVALID_FIELD).
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_APPLICANT,
                                            parseValue = true)))
    @Get("/citizen/dossiers")
    @Access(AccessPolicy.CITIZEN)
    public WorkflowJson.DossierPage mine(
            HttpRequest<?> request,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue String sort,
            @Nullable @QueryValue String pageSize,
            @Nullable @QueryValue String pageToken) {
        Violations violations = new Violations();
        PageRequest page = violations.page(pageSize, pageToken);
        ListMyDossiersRequest rpc = ListMyDossiersRequest.newBuilder()
                .setPage(page)
                .addAllStatuses(ListParams.statuses(violations, "status", status))
                .setSort(ListParams.mySort(violations, "sort", sort))
                .build();
        violations.throwIfAny();
        ListMyDossiersResponse response = downstream.call(request, workflow, s -> s.listMyDossiers(rpc));
        return WorkflowJson.DossierPage.from(
                response.getDossiersList(), response.getPage().getNextPageToken());
    }

    /**
     * Officers: dossiers waiting on the caller's role in their unit, most urgent first. Query: status
     * (comma-separated status names; only those, within what waits on the caller), deadlineState (IN_TIME, NEAR_DUE
     * or OVERDUE; only those), sort (dueAt, the default, -dueAt, receivedAt or -receivedAt; dossiers without that
     * time come last either way, ties by code), pageSize, pageToken. A page token only continues the list with the
     * same status, deadlineState and sort; with others it is refused (400 INVALID_FIELD). search (at most 100
     * characters): only dossiers whose code starts with it, whose applicant's citizen id is it or whose applicant's
     * name contains it. awaitingApproval=true: only drafts submitted for the leader's approval. totalSize in the
     * answer counts the whole list.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_INBOX,
                                            parseValue = true)))
    @Get("/inbox")
    @Access(AccessPolicy.OFFICER)
    public WorkflowJson.InboxPage inbox(
            HttpRequest<?> request,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue String deadlineState,
            @Nullable @QueryValue String sort,
            @Nullable @QueryValue String pageSize,
            @Nullable @QueryValue String pageToken,
            @Nullable @QueryValue String search,
            @Nullable @QueryValue String awaitingApproval) {
        Violations violations = new Violations();
        PageRequest page = violations.page(pageSize, pageToken);
        String text = violations.text("search", search, false, SEARCH_MAX);
        boolean approval = false;
        if (awaitingApproval != null && !awaitingApproval.isEmpty()) {
            if ("true".equals(awaitingApproval)) {
                approval = true;
            } else if (!"false".equals(awaitingApproval)) {
                violations.add("awaitingApproval", "must be true or false");
            }
        }
        ListInboxRequest rpc = ListInboxRequest.newBuilder()
                .setPage(page)
                .addAllStatuses(ListParams.statuses(violations, "status", status))
                .setDeadlineState(ListParams.deadlineState(violations, "deadlineState", deadlineState))
                .setSort(ListParams.inboxSort(violations, "sort", sort))
                .setSearch(text == null ? "" : text.strip())
                .setAwaitingApproval(approval)
                .build();
        violations.throwIfAny();
        ListInboxResponse response = downstream.call(request, workflow, s -> s.listInbox(rpc));
        return WorkflowJson.InboxPage.from(
                response.getItemsList(), response.getPage().getNextPageToken(), response.getTotalSize());
    }
}
