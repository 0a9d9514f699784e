package vn.motcua.dossier.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.domain.DossierStateMachine;
import vn.motcua.dossier.dossier.domain.Transition;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.dossier.v1.AcceptDossierRequest;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.ConfirmFinancialObligationRequest;
import vn.motcua.proto.dossier.v1.DossierStatus;
import vn.motcua.proto.dossier.v1.ExtendDeadlineRequest;
import vn.motcua.proto.dossier.v1.IssueResultRequest;
import vn.motcua.proto.dossier.v1.ProcessingStep;
import vn.motcua.proto.dossier.v1.RateDossierRequest;
import vn.motcua.proto.dossier.v1.ReceiveSupplementRequest;
import vn.motcua.proto.dossier.v1.RecordProcessingStepRequest;
import vn.motcua.proto.dossier.v1.RefuseDossierRequest;
import vn.motcua.proto.dossier.v1.RejectDossierRequest;
import vn.motcua.proto.dossier.v1.RequestPreSupplementRequest;
import vn.motcua.proto.dossier.v1.RequestSupplementRequest;
import vn.motcua.proto.dossier.v1.RequireFinancialObligationRequest;
import vn.motcua.proto.dossier.v1.ResubmitDossierRequest;
import vn.motcua.proto.dossier.v1.ReturnResultRequest;
import vn.motcua.proto.dossier.v1.StopDossierRequest;
import vn.motcua.proto.dossier.v1.SubmitDossierRequest;
import vn.motcua.proto.dossier.v1.TransferDossierRequest;
import vn.motcua.proto.dossier.v1.WithdrawDossierRequest;

/**
 * Every workflow verb, from every state a dossier can reach under REGIME_2018, by every caller who may not fire it:
 * each officer role alone in the dossier's own unit and the applicant (wrong role: PERMISSION_DENIED where the
 * state allows the verb to someone, FAILED_PRECONDITION / ILLEGAL_TRANSITION where it allows it to no one), the
 * permitted roles in another commune (NOT_FOUND) and another citizen (NOT_FOUND). The expectations are read from
 * the state machine's table, and not a single row may be written by any of these calls.
 */
@MicronautTest(transactional = false)
class WorkflowRefusalsWriteNothingIT extends WorkflowItSupport {

    private static final String UNIT = "11077";
    private static final String OTHER_UNIT = "11080";
    private static final List<String> OFFICER_ROLES = List.of(
            Roles.RECEPTION_OFFICER,
            Roles.SPECIALIST,
            Roles.UNIT_LEADER,
            Roles.CLERK,
            Roles.TTHC_CONTROLLER,
            Roles.UNIT_ADMIN,
            Roles.REPORT_VIEWER);
    /** STOPPED is unreachable under REGIME_2018. */
    private static final Set<DossierState> REACHABLE = EnumSet.complementOf(EnumSet.of(DossierState.STOPPED));

    private static final Set<DossierEvent> VERBS = EnumSet.complementOf(
            EnumSet.of(DossierEvent.SUBMIT_ONLINE, DossierEvent.RECEIVE_AT_COUNTER, DossierEvent.RECEIVE_BY_POST));
    private static final Set<DossierState> RATEABLE =
            EnumSet.of(DossierState.RETURNED, DossierState.REFUSED, DossierState.REJECTED);

    private final DossierStateMachine machine = new DossierStateMachine();
    private final Map<String, String> tokens = new HashMap<>();

    @Test
    void everyVerbFromEveryReachableStateIsRefusedToWrongCallersAndWritesNothing() {
        Map<DossierState, String> dossiers = new LinkedHashMap<>();
        for (DossierState state : REACHABLE) {
            String code = driveTo(state);
            assertThat(statusOf(code)).isEqualTo(status(state));
            dossiers.put(state, code);
        }

        Map<String, Long> before = footprint();
        List<String> checked = new ArrayList<>();
        dossiers.forEach((state, code) -> {
            for (DossierEvent event : VERBS) {
                Transition row = machine.transitionsFrom(state).stream()
                        .filter(t -> t.event() == event)
                        .findFirst()
                        .orElse(null);
                Set<String> allowed = row == null ? Set.of() : row.allowedRoles();
                Status.Code wrongRole = row == null ? Status.Code.FAILED_PRECONDITION : Status.Code.PERMISSION_DENIED;
                for (String role : OFFICER_ROLES) {
                    if (!allowed.contains(role)) {
                        expect(state, event, role + "@" + UNIT, officer(role, UNIT), code, wrongRole, checked);
                    }
                    if (allowed.contains(role) || row == null) {
                        expect(
                                state,
                                event,
                                role + "@" + OTHER_UNIT,
                                officer(role, OTHER_UNIT),
                                code,
                                Status.Code.NOT_FOUND,
                                checked);
                    }
                }
                if (!allowed.contains(Roles.CITIZEN)) {
                    expect(state, event, "applicant", citizen(CITIZEN_ID), code, wrongRole, checked);
                }
                expect(state, event, "other citizen", citizen(OTHER_CITIZEN_ID), code, Status.Code.NOT_FOUND, checked);
            }
            RateDossierRequest rating = RateDossierRequest.newBuilder()
                    .setCode(code)
                    .setTimeScore(1)
                    .build();
            assertCode(() -> wf(citizen(OTHER_CITIZEN_ID)).rateDossier(rating), Status.Code.NOT_FOUND);
            assertCode(
                    () -> wf(officer(Roles.RECEPTION_OFFICER, UNIT)).rateDossier(rating),
                    Status.Code.PERMISSION_DENIED);
            if (!RATEABLE.contains(state)) {
                assertRule(() -> wf(citizen(CITIZEN_ID)).rateDossier(rating), "RATING_NOT_OPEN");
            }
            assertThat(statusOf(code)).as("%s is untouched", state).isEqualTo(status(state));
        });
        for (String role : OFFICER_ROLES) {
            assertCode(
                    () -> wf(officer(role, UNIT))
                            .submitDossier(SubmitDossierRequest.newBuilder()
                                    .setProcedureCode(BIRTH)
                                    .setUnitCode(UNIT)
                                    .setApplicant(applicant().clearCitizenId())
                                    .build()),
                    Status.Code.PERMISSION_DENIED);
        }

        assertThat(footprint()).isEqualTo(before);
        assertThat(checked).hasSizeGreaterThan(2000);
    }

    private void expect(
            DossierState state,
            DossierEvent event,
            String who,
            String token,
            String code,
            Status.Code expected,
            List<String> checked) {
        String what = event + " on " + state + " by " + who;
        StatusRuntimeException e = failure(() -> call(event, code, token));
        assertThat(e.getStatus().getCode()).as(what).isEqualTo(expected);
        String reason = switch (expected) {
            case FAILED_PRECONDITION -> "ILLEGAL_TRANSITION";
            case PERMISSION_DENIED -> "ROLE_NOT_ALLOWED";
            default -> "NOT_FOUND";
        };
        assertThat(GrpcErrors.errorInfo(e).getReason()).as(what).isEqualTo(reason);
        checked.add(what);
    }

    /** Calls the RPC of the verb with a body that is valid on its own, so that only the caller and state decide. */
    private void call(DossierEvent event, String code, String token) {
        var stub = wf(token);
        switch (event) {
            case ACCEPT ->
                stub.acceptDossier(
                        AcceptDossierRequest.newBuilder().setCode(code).build());
            case REQUEST_PRE_SUPPLEMENT ->
                stub.requestPreSupplement(RequestPreSupplementRequest.newBuilder()
                        .setCode(code)
                        .setReason("Thiếu giấy tờ")
                        .build());
            case RESUBMIT ->
                stub.resubmitDossier(
                        ResubmitDossierRequest.newBuilder().setCode(code).build());
            case REJECT ->
                stub.rejectDossier(RejectDossierRequest.newBuilder()
                        .setCode(code)
                        .setReason("Sai")
                        .build());
            case TRANSFER ->
                stub.transferDossier(
                        TransferDossierRequest.newBuilder().setCode(code).build());
            case ASSIGN -> stub.recordProcessingStep(step(code, ProcessingStep.PROCESSING_STEP_ASSIGN, "cv.x"));
            case APPRAISE -> stub.recordProcessingStep(step(code, ProcessingStep.PROCESSING_STEP_APPRAISE, null));
            case REQUEST_CONSULTATION ->
                stub.recordProcessingStep(step(code, ProcessingStep.PROCESSING_STEP_REQUEST_CONSULTATION, OTHER_UNIT));
            case ANSWER_CONSULTATION ->
                stub.recordProcessingStep(step(code, ProcessingStep.PROCESSING_STEP_ANSWER_CONSULTATION, null));
            case FORWARD_INTER_AGENCY ->
                stub.recordProcessingStep(step(code, ProcessingStep.PROCESSING_STEP_FORWARD_INTER_AGENCY, "298"));
            case SUBMIT_FOR_APPROVAL ->
                stub.recordProcessingStep(step(code, ProcessingStep.PROCESSING_STEP_SUBMIT_FOR_APPROVAL, null));
            case APPROVE -> stub.recordProcessingStep(step(code, ProcessingStep.PROCESSING_STEP_APPROVE, null));
            case REQUEST_SUPPLEMENT ->
                stub.requestSupplement(RequestSupplementRequest.newBuilder()
                        .setCode(code)
                        .setReason("Bổ sung")
                        .build());
            case SUPPLEMENT_RECEIVED ->
                stub.receiveSupplement(
                        ReceiveSupplementRequest.newBuilder().setCode(code).build());
            case REFUSE ->
                stub.refuseDossier(RefuseDossierRequest.newBuilder()
                        .setCode(code)
                        .setReason("Không đủ")
                        .build());
            case APOLOGISE_AND_EXTEND ->
                stub.extendDeadline(ExtendDeadlineRequest.newBuilder()
                        .setCode(code)
                        .setReason("Chậm")
                        .setNewDueAt(timestamp(Instant.parse("2026-06-01T01:00:00Z")))
                        .build());
            case REQUIRE_FINANCIAL_OBLIGATION ->
                stub.requireFinancialObligation(RequireFinancialObligationRequest.newBuilder()
                        .setCode(code)
                        .build());
            case OBLIGATION_FULFILLED ->
                stub.confirmFinancialObligation(ConfirmFinancialObligationRequest.newBuilder()
                        .setCode(code)
                        .build());
            case WITHDRAW ->
                stub.withdrawDossier(
                        WithdrawDossierRequest.newBuilder().setCode(code).build());
            case STOP ->
                stub.stopDossier(StopDossierRequest.newBuilder()
                        .setCode(code)
                        .setReason("Dừng")
                        .build());
            case ISSUE_RESULT ->
                stub.issueResult(IssueResultRequest.newBuilder().setCode(code).build());
            case RETURN_RESULT ->
                stub.returnResult(ReturnResultRequest.newBuilder()
                        .setCode(code)
                        .setChannel(Channel.CHANNEL_COUNTER)
                        .build());
            case SUBMIT_ONLINE, RECEIVE_AT_COUNTER, RECEIVE_BY_POST ->
                throw new IllegalArgumentException("not a verb on an existing dossier: " + event);
        }
    }

    private static RecordProcessingStepRequest step(String code, ProcessingStep step, String target) {
        RecordProcessingStepRequest.Builder b =
                RecordProcessingStepRequest.newBuilder().setCode(code).setStep(step);
        return (target == null ? b : b.setTarget(target)).build();
    }

    private String officer(String role, String unit) {
        return tokens.computeIfAbsent(role + "@" + unit, k -> idp.officer("w." + role + "." + unit, unit, role));
    }

    @Override
    String citizen(String citizenId) {
        return tokens.computeIfAbsent("citizen@" + citizenId, k -> super.citizen(citizenId));
    }

    /** A dossier of the applicant at UNIT, brought to {@code state} by the legitimate actors. */
    private String driveTo(DossierState state) {
        return switch (state) {
            case SUBMITTED -> submitOnline(UNIT, BIRTH).getCode();
            case PRE_SUPPLEMENT -> {
                String code = submitOnline(UNIT, BIRTH).getCode();
                wf(desk(UNIT))
                        .requestPreSupplement(RequestPreSupplementRequest.newBuilder()
                                .setCode(code)
                                .setReason("Thiếu giấy chứng sinh")
                                .build());
                yield code;
            }
            case REJECTED -> {
                String code = submitOnline(UNIT, BIRTH).getCode();
                wf(desk(UNIT))
                        .rejectDossier(RejectDossierRequest.newBuilder()
                                .setCode(code)
                                .setReason("Sai thẩm quyền")
                                .build());
                yield code;
            }
            case RECEIVED -> receive(UNIT, BIRTH).getCode();
            case WITHDRAWN -> {
                String code = receive(UNIT, BIRTH).getCode();
                wf(citizen(CITIZEN_ID))
                        .withdrawDossier(WithdrawDossierRequest.newBuilder()
                                .setCode(code)
                                .build());
                yield code;
            }
            case IN_PROCESS -> transfer(UNIT, receive(UNIT, BIRTH).getCode()).getCode();
            case SUPPLEMENT_REQUESTED -> {
                String code = driveTo(DossierState.IN_PROCESS);
                wf(specialist(UNIT))
                        .requestSupplement(RequestSupplementRequest.newBuilder()
                                .setCode(code)
                                .setReason("Bổ sung")
                                .build());
                yield code;
            }
            case AWAITING_PAYMENT -> {
                String code = driveTo(DossierState.IN_PROCESS);
                wf(specialist(UNIT))
                        .requireFinancialObligation(RequireFinancialObligationRequest.newBuilder()
                                .setCode(code)
                                .build());
                yield code;
            }
            case REFUSED -> {
                String code = driveTo(DossierState.IN_PROCESS);
                wf(leader(UNIT))
                        .refuseDossier(RefuseDossierRequest.newBuilder()
                                .setCode(code)
                                .setReason("Không đủ")
                                .build());
                yield code;
            }
            case RESULT_READY -> issue(UNIT, driveTo(DossierState.IN_PROCESS)).getCode();
            case RETURNED ->
                returnResult(UNIT, driveTo(DossierState.RESULT_READY), Channel.CHANNEL_COUNTER)
                        .getCode();
            case STOPPED -> throw new IllegalArgumentException("unreachable under REGIME_2018");
        };
    }

    private static DossierStatus status(DossierState state) {
        return DossierStatus.valueOf("DOSSIER_STATUS_" + state.name());
    }
}
