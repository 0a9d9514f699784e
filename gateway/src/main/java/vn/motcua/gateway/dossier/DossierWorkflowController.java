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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.security.RoleDocs;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.dossier.v1.*;
import vn.motcua.proto.dossier.v1.DossierWorkflowServiceGrpc.DossierWorkflowServiceBlockingStub;

/**
 * The dossier lifecycle (DossierWorkflowService, transitions T2-T16) as actions on a dossier:
 * {@code POST /api/v1/dossiers/{code}:<action>}, plus the timeline and the legal forms. Every action answers the
 * dossier as it is afterwards; Idempotency-Key becomes the request_id, so a retried action returns the first result.
 * The gateway admits the broad group of callers (x-roles); dossier-service decides role, unit and ownership
 * (x-acting-roles) and answers 403, 404 or 409 (ILLEGAL_TRANSITION, RULE_VIOLATED) otherwise.
 */
@Controller("/api/v1/dossiers")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DossierWorkflowController {

    static final Map<String, ProcessingStep> STEPS = Map.of(
            "ASSIGN", ProcessingStep.PROCESSING_STEP_ASSIGN,
            "APPRAISE", ProcessingStep.PROCESSING_STEP_APPRAISE,
            "REQUEST_CONSULTATION", ProcessingStep.PROCESSING_STEP_REQUEST_CONSULTATION,
            "ANSWER_CONSULTATION", ProcessingStep.PROCESSING_STEP_ANSWER_CONSULTATION,
            "FORWARD_INTER_AGENCY", ProcessingStep.PROCESSING_STEP_FORWARD_INTER_AGENCY,
            "SUBMIT_FOR_APPROVAL", ProcessingStep.PROCESSING_STEP_SUBMIT_FOR_APPROVAL,
            "APPROVE", ProcessingStep.PROCESSING_STEP_APPROVE);
    static final Map<String, Channel> RETURN_CHANNELS = Map.of(
            "COUNTER", Channel.CHANNEL_COUNTER, "ONLINE", Channel.CHANNEL_ONLINE, "POSTAL", Channel.CHANNEL_POSTAL);
    static final Map<String, FormKind> FORMS = Map.of(
            "receipt", FormKind.FORM_KIND_RECEIPT,
            "supplement-request", FormKind.FORM_KIND_SUPPLEMENT_REQUEST,
            "refusal", FormKind.FORM_KIND_REFUSAL,
            "apology", FormKind.FORM_KIND_APOLOGY,
            "control-slip", FormKind.FORM_KIND_CONTROL_SLIP,
            "stop-notice", FormKind.FORM_KIND_STOP_NOTICE);
    static final Map<String, StopGround> STOP_GROUNDS = Map.of(
            "APPLICANT_REQUEST_DIRECT_OR_POSTAL", StopGround.STOP_GROUND_APPLICANT_REQUEST_DIRECT_OR_POSTAL,
            "APPLICANT_REQUEST_ONLINE", StopGround.STOP_GROUND_APPLICANT_REQUEST_ONLINE);
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,120}\\.pdf");
    private static final Set<String> NONE = Set.of();
    private static final Set<String> REASON = Set.of("reason");
    private static final Set<String> NOTE = Set.of("note");
    private static final MediaType PDF = MediaType.of("application/pdf");

    private final Downstream downstream;
    private final DossierWorkflowServiceBlockingStub workflow;
    private final JsonMapper json;

    public DossierWorkflowController(
            Downstream downstream, DossierWorkflowServiceBlockingStub workflow, JsonMapper json) {
        this.downstream = downstream;
        this.workflow = workflow;
        this.json = json;
    }
    /**
     * Reception officer (T2): accept an online dossier, or a paper one sent back for a supplement before acceptance
     * (POST /api/v1/dossiers with outcome REQUEST_SUPPLEMENT) once it is complete; the clock starts now and the
     * dossier gets its legal code (the answer's code; the old one stays in submissionReference). Body optional:
     * {handoverSignedAt?}, required for a postal dossier (the completed dossier's hand-over record).
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_RECEPTION,
                                            parseValue = true)))
    @Post("/{code}:accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.OFFICER)
    public DossierJson accept(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.of(json, request, code, idempotencyKey, body, Set.of("handoverSignedAt"));
        var handover = in.instant("handoverSignedAt", false);
        in.done();
        AcceptDossierRequest.Builder builder = in.revision(AcceptDossierRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code());
        if (handover != null) {
            builder.setHandoverSignedAt(handover);
        }
        AcceptDossierRequest rpc = builder.build();
        return DossierJson.from(call(request, s -> s.acceptDossier(rpc).getDossier()));
    }

    /** Reception officer (T3): ask for every missing document at once before acceptance (Form 02). Body {reason}. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_RECEPTION,
                                            parseValue = true)))
    @Post("/{code}:request-pre-supplement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.OFFICER)
    public DossierJson requestPreSupplement(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.withBody(json, request, code, idempotencyKey, body, REASON);
        String reason = in.reason();
        in.done();
        RequestPreSupplementRequest rpc = in.revision(RequestPreSupplementRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .setReason(reason)
                .build();
        return DossierJson.from(call(request, s -> s.requestPreSupplement(rpc).getDossier()));
    }

    /** Citizen: resubmit after a pre-acceptance supplement request. Body {note?}, optional. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_APPLICANT,
                                            parseValue = true)))
    @Post("/{code}:resubmit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.CITIZEN)
    public DossierJson resubmit(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.of(json, request, code, idempotencyKey, body, NOTE);
        String note = in.body().text("note");
        in.done();
        ResubmitDossierRequest rpc = in.revision(ResubmitDossierRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .setNote(note)
                .build();
        return DossierJson.from(call(request, s -> s.resubmitDossier(rpc).getDossier()));
    }

    /** Reception officer (T4): refuse to receive (Form 03). Body {reason}. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_RECEPTION,
                                            parseValue = true)))
    @Post("/{code}:reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.OFFICER)
    public DossierJson reject(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.withBody(json, request, code, idempotencyKey, body, REASON);
        String reason = in.reason();
        in.done();
        RejectDossierRequest rpc = in.revision(RejectDossierRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .setReason(reason)
                .build();
        return DossierJson.from(call(request, s -> s.rejectDossier(rpc).getDossier()));
    }

    /** Reception officer (T6): hand the dossier to the competent unit. No body needed. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_RECEPTION,
                                            parseValue = true)))
    @Post("/{code}:transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.OFFICER)
    public DossierJson transfer(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.of(json, request, code, idempotencyKey, body, NONE);
        in.done();
        TransferDossierRequest rpc = in.revision(TransferDossierRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .build();
        return DossierJson.from(call(request, s -> s.transferDossier(rpc).getDossier()));
    }

    /** Handling unit (T7): an internal step. Body {step, note?, target?, stepDueAt?}; step is one of ASSIGN, APPRAISE, REQUEST_CONSULTATION, ANSWER_CONSULTATION, FORWARD_INTER_AGENCY, SUBMIT_FOR_APPROVAL, APPROVE; target is the assignee's username (ASSIGN) or a unit code (REQUEST_CONSULTATION, ANSWER_CONSULTATION, FORWARD_INTER_AGENCY). */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_STEPS,
                                            parseValue = true)))
    @Post("/{code}:steps")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.OFFICER)
    public DossierJson recordStep(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.withBody(
                json, request, code, idempotencyKey, body, Set.of("step", "note", "target", "stepDueAt"));
        Violations violations = in.violations();
        String stepName = in.body().string("step");
        ProcessingStep step = null;
        if (stepName == null || stepName.isEmpty()) {
            violations.missing("step");
        } else {
            step = STEPS.get(stepName);
            if (step == null) {
                violations.add(
                        "step",
                        "must be one of ASSIGN, APPRAISE, REQUEST_CONSULTATION, ANSWER_CONSULTATION, "
                                + "FORWARD_INTER_AGENCY, SUBMIT_FOR_APPROVAL, APPROVE");
            }
        }
        String note = in.body().text("note");
        // note and target are the service's to judge: a username for ASSIGN, a known unit code for the others
        String target = in.body().text("target");
        var stepDueAt = in.instant("stepDueAt", false);
        in.done();
        RecordProcessingStepRequest.Builder rpc = in.revision(RecordProcessingStepRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .setStep(step)
                .setNote(note)
                .setTarget(target);
        if (stepDueAt != null) {
            rpc.setStepDueAt(stepDueAt);
        }
        RecordProcessingStepRequest message = rpc.build();
        return DossierJson.from(
                call(request, s -> s.recordProcessingStep(message).getDossier()));
    }

    /** Specialist (T8): ask for a supplement within 3 working days of reception (Form 02). Body {reason}. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_SPECIALIST,
                                            parseValue = true)))
    @Post("/{code}:request-supplement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.OFFICER)
    public DossierJson requestSupplement(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.withBody(json, request, code, idempotencyKey, body, REASON);
        String reason = in.reason();
        in.done();
        RequestSupplementRequest rpc = in.revision(RequestSupplementRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .setReason(reason)
                .build();
        return DossierJson.from(call(request, s -> s.requestSupplement(rpc).getDossier()));
    }

    /** Reception officer or the applicant (T9): the supplement is complete; the due time is recomputed. Body {note?}, optional. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_APPLICANT_OR_RECEPTION,
                                            parseValue = true)))
    @Post("/{code}:receive-supplement")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.AUTHENTICATED)
    public DossierJson receiveSupplement(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.of(json, request, code, idempotencyKey, body, NOTE);
        String note = in.body().text("note");
        in.done();
        ReceiveSupplementRequest rpc = in.revision(ReceiveSupplementRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .setNote(note)
                .build();
        return DossierJson.from(call(request, s -> s.receiveSupplement(rpc).getDossier()));
    }

    /** Unit leader (T10): refuse after appraisal (Form 03, in the competent agency's name), also while a supplement or a financial obligation is awaited. Body {reason}. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_LEADER,
                                            parseValue = true)))
    @Post("/{code}:refuse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.OFFICER)
    public DossierJson refuse(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.withBody(json, request, code, idempotencyKey, body, REASON);
        String reason = in.reason();
        in.done();
        RefuseDossierRequest rpc = in.revision(RefuseDossierRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .setReason(reason)
                .build();
        return DossierJson.from(call(request, s -> s.refuseDossier(rpc).getDossier()));
    }

    /** Unit leader (T11): apology and new appointment (Form 04), once, at least one working day before due. Body {reason, newDueAt}. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_LEADER,
                                            parseValue = true)))
    @Post("/{code}:extend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.OFFICER)
    public DossierJson extend(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.withBody(json, request, code, idempotencyKey, body, Set.of("reason", "newDueAt"));
        String reason = in.reason();
        var newDueAt = in.instant("newDueAt", true);
        in.done();
        ExtendDeadlineRequest rpc = in.revision(ExtendDeadlineRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .setReason(reason)
                .setNewDueAt(newDueAt)
                .build();
        return DossierJson.from(call(request, s -> s.extendDeadline(rpc).getDossier()));
    }

    /** Specialist (T12): the applicant must pay taxes or charges first. Body {reason?}, optional. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_SPECIALIST,
                                            parseValue = true)))
    @Post("/{code}:require-financial-obligation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.OFFICER)
    public DossierJson requireFinancialObligation(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.of(json, request, code, idempotencyKey, body, REASON);
        String reason = in.reason();
        in.done();
        RequireFinancialObligationRequest rpc = in.revision(RequireFinancialObligationRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .setReason(reason)
                .build();
        return DossierJson.from(
                call(request, s -> s.requireFinancialObligation(rpc).getDossier()));
    }

    /** Specialist or reception officer: the financial obligation is fulfilled. No body needed. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_SPECIALIST_OR_RECEPTION,
                                            parseValue = true)))
    @Post("/{code}:confirm-financial-obligation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.OFFICER)
    public DossierJson confirmFinancialObligation(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.of(json, request, code, idempotencyKey, body, NONE);
        in.done();
        ConfirmFinancialObligationRequest rpc = in.revision(ConfirmFinancialObligationRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .build();
        return DossierJson.from(
                call(request, s -> s.confirmFinancialObligation(rpc).getDossier()));
    }

    /** The applicant (own dossier) or a reception officer on a written request (T13). Body {reason?}, optional. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_APPLICANT_OR_RECEPTION,
                                            parseValue = true)))
    @Post("/{code}:withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.AUTHENTICATED)
    public DossierJson withdraw(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.of(json, request, code, idempotencyKey, body, REASON);
        String reason = in.reason();
        in.done();
        WithdrawDossierRequest rpc = in.revision(WithdrawDossierRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .setReason(reason)
                .build();
        return DossierJson.from(call(request, s -> s.withdrawDossier(rpc).getDossier()));
    }

    /**
     * Stop processing at the applicant's request (T14, dossiers under REGIME_2025 only, Circular 03/2025 Art 7): the
     * applicant on their own dossier (online), or a reception officer recording a request filed directly or by post.
     * Body {reason, ground?}; ground is APPLICANT_REQUEST_DIRECT_OR_POSTAL, required from an officer and ignored from
     * the applicant. Produces the stop notice (form stop-notice) and status STOPPED.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_APPLICANT_OR_RECEPTION,
                                            parseValue = true)))
    @Post("/{code}:stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.AUTHENTICATED)
    public DossierJson stop(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.withBody(json, request, code, idempotencyKey, body, Set.of("reason", "ground"));
        String reason = in.reason();
        String groundName = in.body().string("ground");
        StopGround ground = StopGround.STOP_GROUND_UNSPECIFIED;
        if (groundName != null && !groundName.isEmpty()) {
            ground = STOP_GROUNDS.get(groundName);
            if (ground == null) {
                in.violations().add("ground", "must be APPLICANT_REQUEST_DIRECT_OR_POSTAL or APPLICANT_REQUEST_ONLINE");
            }
        }
        in.done();
        StopDossierRequest rpc = in.revision(StopDossierRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .setReason(reason)
                .setGround(ground)
                .build();
        return DossierJson.from(call(request, s -> s.stopDossier(rpc).getDossier()));
    }

    /** Clerk (T15): the signed result is issued. Body {resultNote?}, optional. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_CLERK,
                                            parseValue = true)))
    @Post("/{code}:issue-result")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.OFFICER)
    public DossierJson issueResult(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.of(json, request, code, idempotencyKey, body, Set.of("resultNote"));
        String resultNote = in.body().text("resultNote");
        in.done();
        IssueResultRequest rpc = in.revision(IssueResultRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .setResultNote(resultNote)
                .build();
        return DossierJson.from(call(request, s -> s.issueResult(rpc).getDossier()));
    }

    /** Reception officer (T16): the result is handed over. Body {channel: COUNTER|ONLINE|POSTAL}. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_RECEPTION,
                                            parseValue = true)))
    @Post("/{code}:return-result")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.OFFICER)
    public DossierJson returnResult(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.withBody(json, request, code, idempotencyKey, body, Set.of("channel"));
        String channelName = in.body().string("channel");
        Channel channel = null;
        if (channelName == null || channelName.isEmpty()) {
            in.violations().missing("channel");
        } else {
            channel = RETURN_CHANNELS.get(channelName);
            if (channel == null) {
                in.violations().add("channel", "must be COUNTER, ONLINE or POSTAL");
            }
        }
        in.done();
        ReturnResultRequest rpc = in.revision(ReturnResultRequest.newBuilder())
                .setRequestId(in.requestId())
                .setCode(in.code())
                .setChannel(channel)
                .build();
        return DossierJson.from(call(request, s -> s.returnResult(rpc).getDossier()));
    }

    /** Citizen: rate the handling after the result was returned (Decree 61 Art 31). Body {timeScore, contactsScore, agenciesScore, attitudeScore (each 1 poor to 5 good, 0 or absent: not answered), satisfied, comment?}. Answers {code}. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_APPLICANT,
                                            parseValue = true)))
    @Post("/{code}:rate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.CITIZEN)
    public WorkflowJson.Rated rate(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput in = ActionInput.withBody(
                json,
                request,
                code,
                idempotencyKey,
                body,
                Set.of("timeScore", "contactsScore", "agenciesScore", "attitudeScore", "satisfied", "comment"));
        JsonBody b = in.body();
        RateDossierRequest rpc = in.revision(RateDossierRequest.newBuilder())
                .setRequestId(in.requestId())
                .setTimeScore(b.integer("timeScore", 0, 5))
                .setContactsScore(b.integer("contactsScore", 0, 5))
                .setAgenciesScore(b.integer("agenciesScore", 0, 5))
                .setAttitudeScore(b.integer("attitudeScore", 0, 5))
                .setSatisfied(b.bool("satisfied"))
                .setComment(in.body().text("comment"))
                .setCode(in.code() == null ? "" : in.code())
                .build();
        in.done();
        return new WorkflowJson.Rated(call(request, s -> s.rateDossier(rpc)).getCode());
    }

    /** The applicant or officers in scope: the dossier's history (who, when, from which unit, why), oldest first. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_READERS,
                                            parseValue = true)))
    @Get("/{code}/timeline")
    @Access(AccessPolicy.AUTHENTICATED)
    public WorkflowJson.Timeline timeline(HttpRequest<?> request, @PathVariable String code) {
        GetTimelineRequest rpc = GetTimelineRequest.newBuilder()
                .setCode(DossierCodes.require(code))
                .build();
        return WorkflowJson.Timeline.from(call(request, s -> s.getTimeline(rpc)));
    }

    /**
     * The applicant or officers in scope: a legal form of the dossier as PDF, kind one of receipt,
     * supplement-request, refusal, apology, control-slip, stop-notice. 409 when the dossier has no such form.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_READERS,
                                            parseValue = true)))
    @Get(value = "/{code}/forms/{kind}", produces = "application/pdf")
    @Access(AccessPolicy.AUTHENTICATED)
    public HttpResponse<byte[]> form(HttpRequest<?> request, @PathVariable String code, @PathVariable String kind) {
        Violations violations = new Violations();
        String valid = violations.code("code", code, true);
        FormKind formKind = FORMS.get(kind);
        if (formKind == null) {
            violations.add(
                    "kind",
                    "must be one of receipt, supplement-request, refusal, apology, control-slip, " + "stop-notice");
        }
        violations.throwIfAny();
        RenderFormRequest rpc =
                RenderFormRequest.newBuilder().setCode(valid).setKind(formKind).build();
        RenderFormResponse form = call(request, s -> s.renderForm(rpc));
        // the file name is the service's text: put it into a header only when it is plainly harmless
        String fileName =
                FILE_NAME.matcher(form.getFileName()).matches() ? form.getFileName() : valid + "-" + kind + ".pdf";
        return HttpResponse.ok(form.getPdf().toByteArray())
                .contentType(PDF)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    private <R> R call(HttpRequest<?> request, Function<DossierWorkflowServiceBlockingStub, R> rpc) {
        return downstream.call(request, workflow, rpc);
    }
}
