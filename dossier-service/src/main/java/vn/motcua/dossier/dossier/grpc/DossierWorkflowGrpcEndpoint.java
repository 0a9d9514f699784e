package vn.motcua.dossier.dossier.grpc;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.function.Function;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.service.DossierActionsService;
import vn.motcua.dossier.dossier.service.FormService;
import vn.motcua.dossier.dossier.service.InboxQuery;
import vn.motcua.dossier.dossier.service.InboxService;
import vn.motcua.dossier.dossier.service.RateCommand;
import vn.motcua.dossier.dossier.service.RatingService;
import vn.motcua.dossier.dossier.service.RegisterService;
import vn.motcua.dossier.dossier.service.SubmitCommand;
import vn.motcua.dossier.dossier.service.TimelineService;
import vn.motcua.dossier.dossier.service.TransitionCommand;
import vn.motcua.dossier.dossier.service.WorkflowService;
import vn.motcua.dossier.forms.FormType;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.paging.Page;
import vn.motcua.proto.common.v1.PageInfo;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.dossier.v1.*;

/** The gRPC adapter of the dossier lifecycle; every method needs a token (none is listed as public). */
@Singleton
public class DossierWorkflowGrpcEndpoint extends DossierWorkflowServiceGrpc.DossierWorkflowServiceImplBase {

    private final WorkflowService workflow;
    private final TimelineService timelines;
    private final FormService forms;
    private final InboxService inboxes;
    private final RatingService ratings;
    private final RegisterService registers;
    private final DossierActionsService actions;

    public DossierWorkflowGrpcEndpoint(
            WorkflowService workflow,
            TimelineService timelines,
            FormService forms,
            InboxService inboxes,
            RatingService ratings,
            RegisterService registers,
            DossierActionsService actions) {
        this.registers = registers;
        this.actions = actions;
        this.workflow = workflow;
        this.timelines = timelines;
        this.forms = forms;
        this.inboxes = inboxes;
        this.ratings = ratings;
    }

    @Override
    public void submitDossier(SubmitDossierRequest r, StreamObserver<SubmitDossierResponse> observer) {
        SubmitCommand command = new SubmitCommand(
                r.getRequestId(),
                r.getProcedureCode(),
                r.getUnitCode(),
                r.hasApplicant() ? DossierMessages.applicant(r.getApplicant()) : null,
                r.getNote());
        Dossier dossier = workflow.submit(CallContext.requireCaller(), command);
        reply(
                observer,
                SubmitDossierResponse.newBuilder()
                        .setDossier(DossierMessages.dossier(dossier))
                        .build());
    }

    @Override
    public void acceptDossier(AcceptDossierRequest r, StreamObserver<AcceptDossierResponse> observer) {
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                new TransitionCommand(
                        r.getRequestId(),
                        r.getCode(),
                        DossierEvent.ACCEPT,
                        null,
                        null,
                        null,
                        null,
                        null,
                        r.hasHandoverSignedAt() ? DossierMessages.instant(r.getHandoverSignedAt()) : null),
                d -> AcceptDossierResponse.newBuilder().setDossier(d).build());
    }

    @Override
    public void requestPreSupplement(
            RequestPreSupplementRequest r, StreamObserver<RequestPreSupplementResponse> observer) {
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                TransitionCommand.of(r.getRequestId(), r.getCode(), DossierEvent.REQUEST_PRE_SUPPLEMENT, r.getReason()),
                d -> RequestPreSupplementResponse.newBuilder().setDossier(d).build());
    }

    @Override
    public void resubmitDossier(ResubmitDossierRequest r, StreamObserver<ResubmitDossierResponse> observer) {
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                TransitionCommand.of(r.getRequestId(), r.getCode(), DossierEvent.RESUBMIT, r.getNote()),
                d -> ResubmitDossierResponse.newBuilder().setDossier(d).build());
    }

    @Override
    public void rejectDossier(RejectDossierRequest r, StreamObserver<RejectDossierResponse> observer) {
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                TransitionCommand.of(r.getRequestId(), r.getCode(), DossierEvent.REJECT, r.getReason()),
                d -> RejectDossierResponse.newBuilder().setDossier(d).build());
    }

    @Override
    public void transferDossier(TransferDossierRequest r, StreamObserver<TransferDossierResponse> observer) {
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                TransitionCommand.of(r.getRequestId(), r.getCode(), DossierEvent.TRANSFER, null),
                d -> TransferDossierResponse.newBuilder().setDossier(d).build());
    }

    @Override
    public void recordProcessingStep(
            RecordProcessingStepRequest r, StreamObserver<RecordProcessingStepResponse> observer) {
        TransitionCommand command = new TransitionCommand(
                r.getRequestId(),
                r.getCode(),
                step(r.getStep()),
                r.getNote(),
                DossierMessages.emptyToNull(r.getTarget()),
                r.hasStepDueAt() ? DossierMessages.instant(r.getStepDueAt()) : null,
                null,
                null);
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                command,
                d -> RecordProcessingStepResponse.newBuilder().setDossier(d).build());
    }

    @Override
    public void requestSupplement(RequestSupplementRequest r, StreamObserver<RequestSupplementResponse> observer) {
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                TransitionCommand.of(r.getRequestId(), r.getCode(), DossierEvent.REQUEST_SUPPLEMENT, r.getReason()),
                d -> RequestSupplementResponse.newBuilder().setDossier(d).build());
    }

    @Override
    public void receiveSupplement(ReceiveSupplementRequest r, StreamObserver<ReceiveSupplementResponse> observer) {
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                TransitionCommand.of(r.getRequestId(), r.getCode(), DossierEvent.SUPPLEMENT_RECEIVED, r.getNote()),
                d -> ReceiveSupplementResponse.newBuilder().setDossier(d).build());
    }

    @Override
    public void refuseDossier(RefuseDossierRequest r, StreamObserver<RefuseDossierResponse> observer) {
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                TransitionCommand.of(r.getRequestId(), r.getCode(), DossierEvent.REFUSE, r.getReason()),
                d -> RefuseDossierResponse.newBuilder().setDossier(d).build());
    }

    @Override
    public void extendDeadline(ExtendDeadlineRequest r, StreamObserver<ExtendDeadlineResponse> observer) {
        TransitionCommand command = new TransitionCommand(
                r.getRequestId(),
                r.getCode(),
                DossierEvent.APOLOGISE_AND_EXTEND,
                r.getReason(),
                null,
                null,
                r.hasNewDueAt() ? DossierMessages.instant(r.getNewDueAt()) : null,
                null);
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                command,
                d -> ExtendDeadlineResponse.newBuilder().setDossier(d).build());
    }

    @Override
    public void requireFinancialObligation(
            RequireFinancialObligationRequest r, StreamObserver<RequireFinancialObligationResponse> observer) {
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                TransitionCommand.of(
                        r.getRequestId(), r.getCode(), DossierEvent.REQUIRE_FINANCIAL_OBLIGATION, r.getReason()),
                d -> RequireFinancialObligationResponse.newBuilder()
                        .setDossier(d)
                        .build());
    }

    @Override
    public void confirmFinancialObligation(
            ConfirmFinancialObligationRequest r, StreamObserver<ConfirmFinancialObligationResponse> observer) {
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                TransitionCommand.of(r.getRequestId(), r.getCode(), DossierEvent.OBLIGATION_FULFILLED, null),
                d -> ConfirmFinancialObligationResponse.newBuilder()
                        .setDossier(d)
                        .build());
    }

    @Override
    public void withdrawDossier(WithdrawDossierRequest r, StreamObserver<WithdrawDossierResponse> observer) {
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                TransitionCommand.of(r.getRequestId(), r.getCode(), DossierEvent.WITHDRAW, r.getReason()),
                d -> WithdrawDossierResponse.newBuilder().setDossier(d).build());
    }

    @Override
    public void stopDossier(StopDossierRequest r, StreamObserver<StopDossierResponse> observer) {
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                new TransitionCommand(
                        r.getRequestId(),
                        r.getCode(),
                        DossierEvent.STOP,
                        r.getReason(),
                        stopGround(r.getGround()),
                        null,
                        null,
                        null),
                d -> StopDossierResponse.newBuilder().setDossier(d).build());
    }

    @Override
    public void issueResult(IssueResultRequest r, StreamObserver<IssueResultResponse> observer) {
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                TransitionCommand.of(r.getRequestId(), r.getCode(), DossierEvent.ISSUE_RESULT, r.getResultNote()),
                d -> IssueResultResponse.newBuilder().setDossier(d).build());
    }

    @Override
    public void returnResult(ReturnResultRequest r, StreamObserver<ReturnResultResponse> observer) {
        TransitionCommand command = new TransitionCommand(
                r.getRequestId(),
                r.getCode(),
                DossierEvent.RETURN_RESULT,
                null,
                null,
                null,
                null,
                DossierMessages.channel(r.getChannel()));
        transition(
                observer,
                expected(r.hasExpectedRevision(), r.getExpectedRevision()),
                command,
                d -> ReturnResultResponse.newBuilder().setDossier(d).build());
    }

    @Override
    public void getTimeline(GetTimelineRequest r, StreamObserver<GetTimelineResponse> observer) {
        TimelineService.Timeline timeline = timelines.timeline(CallContext.requireCaller(), r.getCode());
        GetTimelineResponse.Builder response =
                GetTimelineResponse.newBuilder().setDossier(DossierMessages.dossier(timeline.dossier()));
        for (TimelineService.Entry e : timeline.entries()) {
            TimelineEntry.Builder entry = TimelineEntry.newBuilder()
                    .setAt(DossierMessages.timestamp(e.at()))
                    .setEvent(e.event().name())
                    .setLabel(e.label())
                    .setToStatus(DossierMessages.status(e.to()))
                    .setActorUsername(DossierMessages.nz(e.actorUsername()))
                    .setActorUnitCode(DossierMessages.nz(e.actorUnitCode()))
                    .setReason(DossierMessages.nz(e.reason()))
                    .setActorName(DossierMessages.nz(e.actorName()))
                    .addAllActorRoles(e.actorRoles());
            if (e.from() != null) {
                entry.setFromStatus(DossierMessages.status(e.from()));
            }
            response.addEntries(entry);
        }
        reply(observer, response.build());
    }

    @Override
    public void renderForm(RenderFormRequest r, StreamObserver<RenderFormResponse> observer) {
        FormService.RenderedForm form = forms.render(CallContext.requireCaller(), r.getCode(), formType(r.getKind()));
        reply(
                observer,
                RenderFormResponse.newBuilder()
                        .setFileName(form.fileName())
                        .setPdf(ByteString.copyFrom(form.pdf()))
                        .build());
    }

    @Override
    public void renderTrackingRegister(
            RenderTrackingRegisterRequest r, StreamObserver<RenderTrackingRegisterResponse> observer) {
        RegisterService.Register register =
                registers.render(CallContext.requireCaller(), r.getUnitCode(), r.getFrom(), r.getTo());
        reply(
                observer,
                RenderTrackingRegisterResponse.newBuilder()
                        .setFileName(register.fileName())
                        .setPdf(ByteString.copyFrom(register.pdf()))
                        .setRowCount(register.rowCount())
                        .build());
    }

    @Override
    public void listInbox(ListInboxRequest r, StreamObserver<ListInboxResponse> observer) {
        InboxQuery query = ListQueries.inbox(r);
        Page<InboxService.InboxItem> page = inboxes.inbox(CallContext.requireCaller(), query, page(r.getPage()));
        ListInboxResponse.Builder response = ListInboxResponse.newBuilder()
                .setPage(PageInfo.newBuilder().setNextPageToken(page.nextToken()))
                .setTotalSize(inboxes.total(CallContext.requireCaller(), query));
        page.items()
                .forEach(item -> response.addItems(InboxItem.newBuilder()
                        .setDossier(DossierMessages.dossier(item.dossier()))
                        .setDeadlineState(DossierMessages.deadlineState(item.deadlineState()))));
        reply(observer, response.build());
    }

    @Override
    public void listMyDossiers(ListMyDossiersRequest r, StreamObserver<ListMyDossiersResponse> observer) {
        Page<Dossier> page = inboxes.mine(CallContext.requireCaller(), ListQueries.mine(r), page(r.getPage()));
        ListMyDossiersResponse.Builder response = ListMyDossiersResponse.newBuilder()
                .setPage(PageInfo.newBuilder().setNextPageToken(page.nextToken()));
        page.items().forEach(d -> response.addDossiers(DossierMessages.dossier(d)));
        reply(observer, response.build());
    }

    @Override
    public void rateDossier(RateDossierRequest r, StreamObserver<RateDossierResponse> observer) {
        String code = ratings.rate(
                CallContext.requireCaller(),
                new RateCommand(
                        r.getRequestId(),
                        r.getCode(),
                        r.getTimeScore(),
                        r.getContactsScore(),
                        r.getAgenciesScore(),
                        r.getAttitudeScore(),
                        r.getSatisfied(),
                        r.getComment()));
        reply(observer, RateDossierResponse.newBuilder().setCode(code).build());
    }

    private <R> void transition(
            StreamObserver<R> observer,
            Long expectedRevision,
            TransitionCommand command,
            Function<vn.motcua.proto.dossier.v1.Dossier, R> response) {
        Dossier dossier = workflow.transition(CallContext.requireCaller(), command, expectedRevision);
        reply(observer, response.apply(DossierMessages.dossier(dossier)));
    }

    /** expected_revision is optional: unset means "whatever the dossier is now". */
    private static Long expected(boolean present, long revision) {
        return present ? revision : null;
    }

    private static <R> void reply(StreamObserver<R> observer, R response) {
        observer.onNext(response);
        observer.onCompleted();
    }

    private static Page.Request page(PageRequest page) {
        return Page.Request.of(page.getPageSize(), page.getPageToken());
    }

    private static DossierEvent step(ProcessingStep step) {
        return switch (step) {
            case PROCESSING_STEP_ASSIGN -> DossierEvent.ASSIGN;
            case PROCESSING_STEP_APPRAISE -> DossierEvent.APPRAISE;
            case PROCESSING_STEP_REQUEST_CONSULTATION -> DossierEvent.REQUEST_CONSULTATION;
            case PROCESSING_STEP_ANSWER_CONSULTATION -> DossierEvent.ANSWER_CONSULTATION;
            case PROCESSING_STEP_FORWARD_INTER_AGENCY -> DossierEvent.FORWARD_INTER_AGENCY;
            case PROCESSING_STEP_SUBMIT_FOR_APPROVAL -> DossierEvent.SUBMIT_FOR_APPROVAL;
            case PROCESSING_STEP_APPROVE -> DossierEvent.APPROVE;
            default -> throw DomainException.invalid("step", "is required");
        };
    }

    @Override
    public void getDossierActions(GetDossierActionsRequest r, StreamObserver<GetDossierActionsResponse> observer) {
        DossierActionsService.Actions a = actions.actions(CallContext.requireCaller(), r.getCode());
        GetDossierActionsResponse.Builder response = GetDossierActionsResponse.newBuilder()
                .setCode(a.dossier().code())
                .setRevision(a.dossier().revision());
        a.allowed().forEach(e -> response.addAllowedEvents(e.name()));
        for (FormKind kind : FormKind.values()) {
            if (kind != FormKind.FORM_KIND_UNSPECIFIED
                    && kind != FormKind.UNRECOGNIZED
                    && a.issuedForms().contains(formType(kind))) {
                response.addIssuedForms(kind);
            }
        }
        reply(observer, response.build());
    }

    private static FormType formType(FormKind kind) {
        return switch (kind) {
            case FORM_KIND_RECEIPT -> FormType.RECEIPT;
            case FORM_KIND_SUPPLEMENT_REQUEST -> FormType.SUPPLEMENT_REQUEST;
            case FORM_KIND_REFUSAL -> FormType.REFUSAL;
            case FORM_KIND_APOLOGY -> FormType.APOLOGY;
            case FORM_KIND_CONTROL_SLIP -> FormType.CONTROL_SLIP;
            case FORM_KIND_STOP_NOTICE -> FormType.STOP_NOTICE;
            default -> throw DomainException.invalid("kind", "is required");
        };
    }

    /** The ground's domain name, null when unspecified; an unknown number is reported by the validator. */
    private static String stopGround(StopGround ground) {
        return switch (ground) {
            case STOP_GROUND_UNSPECIFIED -> null;
            case STOP_GROUND_APPLICANT_REQUEST_ONLINE ->
                vn.motcua.dossier.dossier.domain.StopGround.APPLICANT_REQUEST_ONLINE.name();
            case STOP_GROUND_APPLICANT_REQUEST_DIRECT_OR_POSTAL ->
                vn.motcua.dossier.dossier.domain.StopGround.APPLICANT_REQUEST_DIRECT_OR_POSTAL.name();
            case UNRECOGNIZED -> "UNRECOGNIZED";
        };
    }
}
