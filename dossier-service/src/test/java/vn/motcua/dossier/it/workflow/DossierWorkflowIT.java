package vn.motcua.dossier.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.proto.dossier.v1.DossierStatus.*;
import static vn.motcua.proto.dossier.v1.ProcessingStep.*;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.dossier.service.DeadlineSweep;
import vn.motcua.dossier.forms.FormRegime;
import vn.motcua.dossier.forms.FormType;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.dossier.v1.AcceptDossierRequest;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.ConfirmFinancialObligationRequest;
import vn.motcua.proto.dossier.v1.DeadlineState;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.ExtendDeadlineRequest;
import vn.motcua.proto.dossier.v1.FormKind;
import vn.motcua.proto.dossier.v1.GetTimelineRequest;
import vn.motcua.proto.dossier.v1.InboxItem;
import vn.motcua.proto.dossier.v1.ListInboxRequest;
import vn.motcua.proto.dossier.v1.ListInboxResponse;
import vn.motcua.proto.dossier.v1.ListMyDossiersRequest;
import vn.motcua.proto.dossier.v1.LookupDossierStatusRequest;
import vn.motcua.proto.dossier.v1.LookupDossierStatusResponse;
import vn.motcua.proto.dossier.v1.RateDossierRequest;
import vn.motcua.proto.dossier.v1.ReceiveSupplementRequest;
import vn.motcua.proto.dossier.v1.RefuseDossierRequest;
import vn.motcua.proto.dossier.v1.RejectDossierRequest;
import vn.motcua.proto.dossier.v1.RenderFormRequest;
import vn.motcua.proto.dossier.v1.RenderFormResponse;
import vn.motcua.proto.dossier.v1.RequestPreSupplementRequest;
import vn.motcua.proto.dossier.v1.RequestSupplementRequest;
import vn.motcua.proto.dossier.v1.RequireFinancialObligationRequest;
import vn.motcua.proto.dossier.v1.ResubmitDossierRequest;
import vn.motcua.proto.dossier.v1.StopDossierRequest;
import vn.motcua.proto.dossier.v1.SubmitDossierRequest;
import vn.motcua.proto.dossier.v1.TimelineEntry;
import vn.motcua.proto.dossier.v1.TransferDossierRequest;
import vn.motcua.proto.dossier.v1.WithdrawDossierRequest;

/**
 * The dossier workflow over real gRPC on MariaDB, REGIME_2018 (the demo deployment): the lifecycle paths of
 * domain.md §4.3, the deadline rules of §6, timeline, forms, inbox, rating and the deadline sweep. Each test works
 * in its own commune so that lists and counters do not interfere.
 */
@MicronautTest(transactional = false)
class DossierWorkflowIT extends WorkflowItSupport {

    /** The seed scenario's regime (Decree 61/2018, Circular 01/2018), forced for new dossiers as the demo does. */
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("motcua.dossier.legal-regime-override", "REGIME_2018");
    }

    @Inject
    DeadlineSweep sweep;

    // ---- (1) counter path and rating ----------------------------------------------------------------------------

    @Test
    void counterDossierGoesFromReceptionThroughProcessingToReturnAndIsRatedOnce() {
        String unit = "11077";
        String code = processedUpToApproval(unit, BIRTH).getCode();
        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        clock.advance(Duration.ofHours(2));
        Dossier ready = issue(unit, code);
        assertThat(ready.getStatus()).isEqualTo(DOSSIER_STATUS_RESULT_READY);
        Instant finished = MONDAY_0800.plus(Duration.ofHours(2));
        assertThat(instant(ready.getFinishedAt())).isEqualTo(finished);

        clock.advance(Duration.ofHours(1));
        Dossier returned = returnResult(unit, code, Channel.CHANNEL_COUNTER);
        assertThat(returned.getStatus()).isEqualTo(DOSSIER_STATUS_RETURNED);
        assertThat(instant(returned.getFinishedAt()))
                .as("returning does not move the finish")
                .isEqualTo(finished);
        assertThat(stringValue("SELECT return_channel FROM dossier WHERE code = ?", code))
                .isEqualTo("COUNTER");
        assertThat(longValue(
                        "SELECT COUNT(*) FROM dossier_history WHERE dossier_code = ? AND actor_unit_code = ?",
                        code,
                        unit))
                .isEqualTo(8);

        List<String[]> events = events(code);
        assertThat(events)
                .extracting(e -> e[0])
                .containsExactly(
                        "dossier.received",
                        "dossier.transferred",
                        "dossier.assigned",
                        "dossier.appraised",
                        "dossier.submitted_for_approval",
                        "dossier.approved",
                        "dossier.result_issued",
                        "dossier.result_returned");
        assertThat(events.get(2)[1])
                .as("dossier.assigned names the officer now in charge")
                .contains("\"event\":\"ASSIGN\"", "\"assignee\":\"cv." + unit + "\"");
        assertThat(events.get(3)[1]).doesNotContain("assignee");
        assertThat(events.get(7)[1])
                .contains(
                        "\"code\":\"" + code + "\"",
                        "\"event\":\"RETURN_RESULT\"",
                        "\"resultKind\":\"ISSUED\"",
                        "\"returnChannel\":\"CHANNEL_COUNTER\"",
                        "\"fromState\":\"DOSSIER_STATUS_RESULT_READY\"",
                        "\"state\":\"DOSSIER_STATUS_RETURNED\"",
                        "\"unitPath\":[\"30\",\"298\",\"11077\"]",
                        "\"receivingUnitCode\":\"11077\"",
                        "\"competentUnitCode\":\"11077\"",
                        "\"procedureCode\":\"" + BIRTH + "\"",
                        "\"channel\":\"CHANNEL_COUNTER\"",
                        "\"receivedAt\":",
                        "\"originalDueAt\":",
                        "\"dueAt\":",
                        "\"finishedAt\":\"" + finished + "\"",
                        "\"pauses\":[]",
                        "\"extensionUsed\":false",
                        "\"boundaryFree\":false")
                .doesNotContain(CITIZEN_ID)
                .doesNotContain("Nguyễn")
                .doesNotContain("0912345678");

        assertCode(() -> wf(desk(unit)).rateDossier(rating(code).build()), Status.Code.PERMISSION_DENIED);
        assertCode(() -> wf(citizen(OTHER_CITIZEN_ID)).rateDossier(rating(code).build()), Status.Code.NOT_FOUND);
        assertThat(wf(citizen(CITIZEN_ID))
                        .rateDossier(rating(code)
                                .setComment("Cán bộ Nguyễn Văn B tận tình")
                                .build())
                        .getCode())
                .isEqualTo(code);
        assertRule(() -> wf(citizen(CITIZEN_ID)).rateDossier(rating(code).build()), "ALREADY_RATED");
        assertThat(longValue(
                        "SELECT time_score + contacts_score + agencies_score + attitude_score FROM"
                                + " dossier_rating WHERE dossier_code = ?",
                        code))
                .isEqualTo(19);
        String[] rated = events(code).get(8);
        assertThat(rated[0]).isEqualTo("dossier.rated");
        assertThat(rated[1])
                .contains("\"timeScore\":5", "\"contactsScore\":4", "\"satisfied\":true")
                .doesNotContain("tận tình")
                .doesNotContain(CITIZEN_ID);
    }

    private static RateDossierRequest.Builder rating(String code) {
        return RateDossierRequest.newBuilder()
                .setCode(code)
                .setTimeScore(5)
                .setContactsScore(4)
                .setAgenciesScore(5)
                .setAttitudeScore(5)
                .setSatisfied(true);
    }

    @Test
    void ratingIsOnlyOpenAfterReturnOrRefusal() {
        String unit = "11077";
        String code = processedUpToApproval(unit, BIRTH).getCode();
        assertRule(() -> wf(citizen(CITIZEN_ID)).rateDossier(rating(code).build()), "RATING_NOT_OPEN");
        assertCode(
                () -> wf(citizen(CITIZEN_ID))
                        .rateDossier(rating(code).setTimeScore(6).build()),
                Status.Code.INVALID_ARGUMENT);
    }

    // ---- (2) online path ----------------------------------------------------------------------------------------

    @Test
    void onlineDossierIsSubmittedAcceptedProcessedAndReturned() {
        String unit = "11080";
        Dossier submitted = submitOnline(unit, BIRTH);
        String code = submitted.getCode();
        assertThat(submitted.getStatus()).isEqualTo(DOSSIER_STATUS_SUBMITTED);
        assertThat(code)
                .as("a submission reference until acceptance (ND61 Art 26)")
                .startsWith("TN-260309-");
        assertThat(submitted.getChannel()).isEqualTo(Channel.CHANNEL_ONLINE);
        assertThat(submitted.hasReceivedAt())
                .as("the clock starts at acceptance")
                .isFalse();
        assertThat(submitted.hasDueAt()).isFalse();
        assertThat(submitted.getApplicant().getCitizenId()).as("from the token").isEqualTo(CITIZEN_ID);

        LookupDossierStatusResponse lookup = ds(null).lookupDossierStatus(LookupDossierStatusRequest.newBuilder()
                .setCode(code)
                .setLookupKey(submitted.getLookupKey())
                .build());
        assertThat(lookup.getStatus()).isEqualTo(DOSSIER_STATUS_SUBMITTED);
        assertThat(lookup.hasReceivedAt()).isFalse();
        assertThat(wf(citizen(CITIZEN_ID))
                        .listMyDossiers(ListMyDossiersRequest.getDefaultInstance())
                        .getDossiersList())
                .extracting(Dossier::getCode)
                .contains(code);
        assertThat(wf(citizen(OTHER_CITIZEN_ID))
                        .listMyDossiers(ListMyDossiersRequest.getDefaultInstance())
                        .getDossiersList())
                .extracting(Dossier::getCode)
                .doesNotContain(code);

        clock.advance(Duration.ofHours(1));
        Dossier accepted = accept(unit, code);
        assertThat(accepted.getStatus()).isEqualTo(DOSSIER_STATUS_RECEIVED);
        Instant acceptedAt = MONDAY_0800.plus(Duration.ofHours(1));
        assertThat(instant(accepted.getReceivedAt())).isEqualTo(acceptedAt);
        assertThat(instant(accepted.getDueAt())).isEqualTo(MARCH_2026.dueAt(acceptedAt, TimeLimit.workingDays(1)));

        transfer(unit, code);
        step(leader(unit), code, PROCESSING_STEP_ASSIGN, "cv." + unit);
        step(specialist(unit), code, PROCESSING_STEP_APPRAISE, null);
        assertThat(wf(specialist(unit))
                        .requireFinancialObligation(RequireFinancialObligationRequest.newBuilder()
                                .setCode(code)
                                .setReason("Nộp lệ phí")
                                .build())
                        .getDossier()
                        .getStatus())
                .isEqualTo(DOSSIER_STATUS_AWAITING_PAYMENT);
        assertThat(wf(desk(unit))
                        .confirmFinancialObligation(ConfirmFinancialObligationRequest.newBuilder()
                                .setCode(code)
                                .build())
                        .getDossier()
                        .getStatus())
                .isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        step(specialist(unit), code, PROCESSING_STEP_SUBMIT_FOR_APPROVAL, null);
        step(leader(unit), code, PROCESSING_STEP_APPROVE, null);
        issue(unit, code);
        assertThat(returnResult(unit, code, Channel.CHANNEL_ONLINE).getStatus()).isEqualTo(DOSSIER_STATUS_RETURNED);

        List<String[]> events = events(code);
        assertThat(events)
                .extracting(e -> e[0])
                .containsExactly(
                        "dossier.submitted",
                        "dossier.received",
                        "dossier.transferred",
                        "dossier.assigned",
                        "dossier.appraised",
                        "dossier.financial_obligation_required",
                        "dossier.financial_obligation_fulfilled",
                        "dossier.submitted_for_approval",
                        "dossier.approved",
                        "dossier.result_issued",
                        "dossier.result_returned");
        assertThat(events.get(0)[1])
                .contains("\"submittedAt\":\"" + MONDAY_0800 + "\"")
                .doesNotContain("receivedAt");
        assertThat(events.get(1)[1])
                .contains(
                        "\"event\":\"ACCEPT\"",
                        "\"channel\":\"CHANNEL_ONLINE\"",
                        "\"receivedAt\":\"" + acceptedAt + "\"",
                        "\"fromState\":\"DOSSIER_STATUS_SUBMITTED\"");
        assertThat(events.get(10)[1]).contains("\"returnChannel\":\"CHANNEL_ONLINE\"");
    }

    /**
     * The legal code is allocated before the acceptance's transaction (ADR 0006), so acceptances that race on one
     * dossier burn numbers (gaps) but never give it two codes or give one code twice; and as many acceptances at once
     * as the pool has connections all get through, which they could not while each held a second connection for the
     * counter inside its transaction.
     */
    @Test
    void racingAcceptancesLeaveGapsButNoDuplicateAndAPoolfulAtOnceAllGetThrough() {
        String unit = "11080";
        String raced = submitOnline(unit, BIRTH).getCode();
        String token = desk(unit);
        List<Status.Code> outcomes = concurrently(
                8,
                () -> wf(token)
                        .acceptDossier(
                                AcceptDossierRequest.newBuilder().setCode(raced).build()));
        assertThat(outcomes)
                .containsOnlyOnce(Status.Code.OK)
                .allMatch(c -> c == Status.Code.OK || c == Status.Code.ABORTED || c == Status.Code.FAILED_PRECONDITION);
        String racedCode = stringValue("SELECT legal_code FROM dossier WHERE code = ?", raced);
        assertThat(racedCode).isNotNull();
        assertThat(events(raced)).extracting(e -> e[0]).containsExactly("dossier.submitted", "dossier.received");

        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            submitted.add(submitOnline(unit, BIRTH).getCode());
        }
        AtomicInteger next = new AtomicInteger();
        List<Status.Code> all = concurrently(
                8,
                () -> wf(token)
                        .acceptDossier(AcceptDossierRequest.newBuilder()
                                .setCode(submitted.get(next.getAndIncrement()))
                                .build()));
        assertThat(all).containsOnly(Status.Code.OK);
        List<String> codes = new ArrayList<>();
        for (String c : submitted) {
            codes.add(stringValue("SELECT legal_code FROM dossier WHERE code = ?", c));
        }
        assertThat(codes).doesNotContainNull().doesNotHaveDuplicates().doesNotContain(racedCode);
    }

    @Test
    void onlineSubmissionRulesAndThePreAcceptanceSupplementLoop() {
        String unit = "11080";
        SubmitDossierRequest.Builder request = SubmitDossierRequest.newBuilder()
                .setProcedureCode(MARRIAGE)
                .setUnitCode(unit)
                .setApplicant(applicant().clearCitizenId());
        assertWritesNothing(() -> {
            assertCode(() -> wf(desk(unit)).submitDossier(request.build()), Status.Code.PERMISSION_DENIED);
            assertCode(
                    () -> wf(citizen(CITIZEN_ID))
                            .submitDossier(
                                    request.clone().setProcedureCode("2.000720").build()),
                    Status.Code.NOT_FOUND);
            assertCode(
                    () -> wf(citizen(CITIZEN_ID))
                            .submitDossier(request.clone()
                                    .setApplicant(applicant().setCitizenId(OTHER_CITIZEN_ID))
                                    .build()),
                    Status.Code.INVALID_ARGUMENT);
            execute("UPDATE procedure_version SET online_level = 'NONE' WHERE code = ?", MARRIAGE);
            try {
                assertRule(
                        () -> wf(citizen(CITIZEN_ID)).submitDossier(request.build()), "ONLINE_SUBMISSION_NOT_OFFERED");
            } finally {
                execute("UPDATE procedure_version SET online_level = 'PARTIAL' WHERE code = ?", MARRIAGE);
            }
        });

        String code = wf(citizen(CITIZEN_ID))
                .submitDossier(request.build())
                .getDossier()
                .getCode();
        assertThat(wf(desk(unit))
                        .requestPreSupplement(RequestPreSupplementRequest.newBuilder()
                                .setCode(code)
                                .setReason("Thiếu giấy xác nhận tình trạng hôn nhân")
                                .build())
                        .getDossier()
                        .getStatus())
                .isEqualTo(DOSSIER_STATUS_PRE_SUPPLEMENT);
        assertThat(wf(citizen(CITIZEN_ID))
                        .resubmitDossier(ResubmitDossierRequest.newBuilder()
                                .setCode(code)
                                .setNote("Đã bổ sung")
                                .build())
                        .getDossier()
                        .getStatus())
                .isEqualTo(DOSSIER_STATUS_SUBMITTED);
        assertThat(accept(unit, code).getStatus()).isEqualTo(DOSSIER_STATUS_RECEIVED);

        String rejected = submitOnline(unit, BIRTH).getCode();
        Dossier refusal = wf(desk(unit))
                .rejectDossier(RejectDossierRequest.newBuilder()
                        .setCode(rejected)
                        .setReason("Không thuộc thẩm quyền")
                        .build())
                .getDossier();
        assertThat(refusal.getStatus()).isEqualTo(DOSSIER_STATUS_REJECTED);
        assertThat(instant(refusal.getFinishedAt())).isEqualTo(MONDAY_0800);
        assertThat(events(rejected).get(1)[1]).contains("\"resultKind\":\"REJECTED\"");
        assertThat(wf(citizen(CITIZEN_ID)).rateDossier(rating(rejected).build()).getCode())
                .isEqualTo(rejected);
    }

    // ---- (3) supplement -----------------------------------------------------------------------------------------

    @Test
    void supplementWithinThreeWorkingDaysRestartsTheClockAndKeepsTheOriginalDueAndThePause() {
        String unit = "11083";
        String code = receive(unit, MARRIAGE).getCode();
        Instant originalDue = MARCH_2026.dueAt(MONDAY_0800, TimeLimit.workingDays(5));
        transfer(unit, code);
        step(leader(unit), code, PROCESSING_STEP_ASSIGN, "cv." + unit);
        step(specialist(unit), code, PROCESSING_STEP_APPRAISE, null);

        Instant requestedAt = Instant.parse("2026-03-10T03:00:00Z"); // Tuesday 10:00
        clock.set(requestedAt);
        assertThat(wf(specialist(unit))
                        .requestSupplement(RequestSupplementRequest.newBuilder()
                                .setCode(code)
                                .setReason("Bổ sung bản sao giấy khai sinh")
                                .build())
                        .getDossier()
                        .getStatus())
                .isEqualTo(DOSSIER_STATUS_SUPPLEMENT_REQUESTED);
        assertThat(instantValue("SELECT started_at FROM dossier_pause WHERE dossier_code = ?", code))
                .isEqualTo(requestedAt);
        assertThat(instantValue("SELECT ended_at FROM dossier_pause WHERE dossier_code = ?", code))
                .isNull();

        Instant suppliedAt = Instant.parse("2026-03-12T02:00:00Z"); // Thursday 09:00
        clock.set(suppliedAt);
        Dossier resumed = wf(desk(unit))
                .receiveSupplement(ReceiveSupplementRequest.newBuilder()
                        .setCode(code)
                        .setNote("Đã nhận bản sao")
                        .build())
                .getDossier();
        assertThat(resumed.getStatus()).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        Instant restartedDue = MARCH_2026.dueAt(suppliedAt, TimeLimit.workingDays(5));
        assertThat(instant(resumed.getDueAt()))
                .as("the limit restarts from the supplement date")
                .isEqualTo(restartedDue);
        assertThat(instantValue("SELECT original_due_at FROM dossier WHERE code = ?", code))
                .isEqualTo(originalDue);
        assertThat(instantValue("SELECT ended_at FROM dossier_pause WHERE dossier_code = ?", code))
                .isEqualTo(suppliedAt);
        String[] event = events(code).get(5);
        assertThat(event[0]).isEqualTo("dossier.supplement_received");
        assertThat(event[1])
                .contains(
                        "\"pauses\":[{\"kind\":\"SUPPLEMENT\",\"startedAt\":\"" + requestedAt + "\",\"endedAt\":\""
                                + suppliedAt + "\"}]",
                        "\"originalDueAt\":\"" + originalDue + "\"",
                        "\"dueAt\":\"" + restartedDue + "\"");
    }

    @Test
    void supplementRequestAfterThreeWorkingDaysIsRefusedAndWritesNothing() {
        String unit = "11083";
        String code = receive(unit, MARRIAGE).getCode();
        transfer(unit, code);
        clock.set(Instant.parse("2026-03-13T01:00:00Z")); // Friday 08:00, window closed Thursday 08:00
        assertWritesNothing(() -> assertRule(
                () -> wf(specialist(unit))
                        .requestSupplement(RequestSupplementRequest.newBuilder()
                                .setCode(code)
                                .setReason("Bổ sung")
                                .build()),
                "SUPPLEMENT_WINDOW_CLOSED"));
        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
    }

    // ---- (4) apology and extension ------------------------------------------------------------------------------

    @Test
    void apologyExtendsOnceAndOnlyAtLeastOneWorkingDayBeforeDue() {
        String unit = "11086";
        String code = receive(unit, MARRIAGE).getCode();
        Instant due = MARCH_2026.dueAt(MONDAY_0800, TimeLimit.workingDays(5));
        transfer(unit, code);
        Instant newDue = due.plus(Duration.ofDays(2));
        assertCode(() -> wf(specialist(unit)).extendDeadline(extension(code, newDue)), Status.Code.PERMISSION_DENIED);
        assertRule(() -> wf(leader(unit)).extendDeadline(extension(code, due)), "NEW_DUE_NOT_LATER");

        Dossier extended =
                wf(leader(unit)).extendDeadline(extension(code, newDue)).getDossier();
        assertThat(instant(extended.getDueAt())).isEqualTo(newDue);
        assertThat(longValue("SELECT extension_used FROM dossier WHERE code = ?", code))
                .isEqualTo(1);
        assertThat(instantValue("SELECT original_due_at FROM dossier WHERE code = ?", code))
                .isEqualTo(due);
        assertThat(events(code).get(2)[1]).contains("\"extensionUsed\":true", "\"originalDueAt\":\"" + due + "\"");

        assertWritesNothing(() -> assertRule(
                () -> wf(leader(unit)).extendDeadline(extension(code, newDue.plus(Duration.ofDays(1)))),
                "EXTENSION_ALREADY_USED"));

        String late = receive(unit, MARRIAGE).getCode();
        transfer(unit, late);
        clock.set(due.minus(Duration.ofHours(2))); // due Monday 08:00: one working hour left
        assertWritesNothing(() ->
                assertRule(() -> wf(leader(unit)).extendDeadline(extension(late, newDue)), "EXTENSION_TOO_LATE"));
    }

    private static ExtendDeadlineRequest extension(String code, Instant newDue) {
        return ExtendDeadlineRequest.newBuilder()
                .setCode(code)
                .setReason("Chờ kết quả xác minh")
                .setNewDueAt(timestamp(newDue))
                .build();
    }

    @Test
    void concurrentExtensionsGiveExactlyOneAndTheOthersSeeAConflictOrTheRule() {
        String unit = "11086";
        String code = receive(unit, MARRIAGE).getCode();
        transfer(unit, code);
        Instant newDue = MARCH_2026.dueAt(MONDAY_0800, TimeLimit.workingDays(8));
        String token = leader(unit);
        List<Status.Code> codes = concurrently(6, () -> wf(token).extendDeadline(extension(code, newDue)));
        assertThat(codes).filteredOn(c -> c == Status.Code.OK).hasSize(1);
        assertThat(codes)
                .filteredOn(c -> c != Status.Code.OK)
                .allMatch(c -> c == Status.Code.ABORTED || c == Status.Code.FAILED_PRECONDITION);
        assertThat(longValue(
                        "SELECT COUNT(*) FROM dossier_history WHERE dossier_code = ? AND event = ?",
                        code,
                        "APOLOGISE_AND_EXTEND"))
                .isEqualTo(1);
        assertThat(events(code)).extracting(e -> e[0]).containsOnlyOnce("dossier.deadline_extended");
    }

    // ---- (5) refused, (6) withdrawn, (7) stop under 2018 ---------------------------------------------------------

    @Test
    void leaderRefusesAfterAppraisal() {
        String unit = "11089";
        String code = processedUpToApproval(unit, MARRIAGE).getCode();
        assertCode(
                () -> wf(specialist(unit))
                        .refuseDossier(RefuseDossierRequest.newBuilder()
                                .setCode(code)
                                .setReason("x")
                                .build()),
                Status.Code.PERMISSION_DENIED);
        assertCode(
                () -> wf(leader(unit))
                        .refuseDossier(
                                RefuseDossierRequest.newBuilder().setCode(code).build()),
                Status.Code.INVALID_ARGUMENT);
        clock.advance(Duration.ofHours(3));
        Dossier refused = wf(leader(unit))
                .refuseDossier(RefuseDossierRequest.newBuilder()
                        .setCode(code)
                        .setReason("Một bên chưa đủ tuổi kết hôn")
                        .build())
                .getDossier();
        assertThat(refused.getStatus()).isEqualTo(DOSSIER_STATUS_REFUSED);
        assertThat(instant(refused.getFinishedAt())).isEqualTo(MONDAY_0800.plus(Duration.ofHours(3)));
        String[] event = events(code).get(6);
        assertThat(event[0]).isEqualTo("dossier.refused");
        assertThat(event[1])
                .contains("\"resultKind\":\"REFUSED\"", "\"state\":\"DOSSIER_STATUS_REFUSED\"")
                .doesNotContain("chưa đủ tuổi");
    }

    @Test
    void citizenWithdrawsTheirOwnDossier() {
        String unit = "11092";
        String code = submitOnline(unit, BIRTH).getCode();
        accept(unit, code);
        transfer(unit, code);
        assertCode(
                () -> wf(citizen(OTHER_CITIZEN_ID))
                        .withdrawDossier(WithdrawDossierRequest.newBuilder()
                                .setCode(code)
                                .build()),
                Status.Code.NOT_FOUND);
        clock.advance(Duration.ofMinutes(30));
        Dossier withdrawn = wf(citizen(CITIZEN_ID))
                .withdrawDossier(WithdrawDossierRequest.newBuilder()
                        .setCode(code)
                        .setReason("Không còn nhu cầu")
                        .build())
                .getDossier();
        assertThat(withdrawn.getStatus()).isEqualTo(DOSSIER_STATUS_WITHDRAWN);
        assertThat(instant(withdrawn.getFinishedAt())).isEqualTo(MONDAY_0800.plus(Duration.ofMinutes(30)));
        assertThat(events(code)).extracting(e -> e[0]).endsWith("dossier.withdrawn");
        assertThat(events(code).get(3)[1]).contains("\"resultKind\":\"WITHDRAWN\"");
        assertRule(() -> wf(citizen(CITIZEN_ID)).rateDossier(rating(code).build()), "RATING_NOT_OPEN");
    }

    @Test
    void stopIsRefusedUnderTheRegimeOf2018AndHasNoForm() {
        String unit = "11095";
        String code = receive(unit, BIRTH).getCode();
        transfer(unit, code);
        assertWritesNothing(() -> {
            assertRule(
                    () -> wf(citizen(CITIZEN_ID))
                            .stopDossier(StopDossierRequest.newBuilder()
                                    .setCode(code)
                                    .setReason("Công dân đề nghị dừng")
                                    .build()),
                    "REGIME_DISALLOWS_STOP");
            assertRule(
                    () -> wf(desk(unit))
                            .stopDossier(StopDossierRequest.newBuilder()
                                    .setCode(code)
                                    .setReason("Công dân đề nghị dừng")
                                    .build()),
                    "REGIME_DISALLOWS_STOP");
            assertRule(
                    () -> wf(desk(unit))
                            .renderForm(RenderFormRequest.newBuilder()
                                    .setCode(code)
                                    .setKind(FormKind.FORM_KIND_STOP_NOTICE)
                                    .build()),
                    "FORM_NOT_IN_REGIME");
        });
        assertThat(statusOf(code)).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
    }

    // ---- hand-over across units, idempotency, concurrency ------------------------------------------------------

    @Test
    void transferMovesABoundaryFreeDossierToTheCompetentUnitAndTheResultComesBackToTheDesk() {
        String unit = "11113";
        execute(
                "INSERT INTO procedure_unit (procedure_code, unit_code, competent_unit_code) VALUES (?, ?, ?)",
                "2.000720",
                unit,
                "298");
        String code = receive(unit, "2.000720").getCode();
        assertThat(transfer(unit, code).getCompetentUnitCode()).isEqualTo("298");
        assertThat(stringValue("SELECT handling_unit_code FROM dossier WHERE code = ?", code))
                .isEqualTo("298");
        assertWritesNothing(() ->
                assertCode(() -> step(specialist(unit), code, PROCESSING_STEP_APPRAISE, null), Status.Code.NOT_FOUND));
        step(leader("298"), code, PROCESSING_STEP_ASSIGN, "cv.298");
        step(specialist("298"), code, PROCESSING_STEP_APPRAISE, null);
        issue("298", code);
        assertThat(stringValue("SELECT handling_unit_code FROM dossier WHERE code = ?", code))
                .isEqualTo(unit);
        assertThat(returnResult(unit, code, Channel.CHANNEL_POSTAL).getStatus()).isEqualTo(DOSSIER_STATUS_RETURNED);
        assertThat(events(code).get(1)[1]).contains("\"boundaryFree\":true", "\"handlingUnitCode\":\"298\"");
    }

    @Test
    void sameRequestIdReplaysATransitionAndARejectedRequestDoesNotBurnItsId() {
        String unit = "11110";
        String code = receive(unit, BIRTH).getCode();
        TransferDossierRequest transfer = TransferDossierRequest.newBuilder()
                .setRequestId("tr-" + code)
                .setCode(code)
                .build();
        assertThat(wf(desk(unit)).transferDossier(transfer).getDossier().getStatus())
                .isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        assertThat(wf(desk(unit)).transferDossier(transfer).getDossier().getStatus())
                .isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        assertThat(events(code)).hasSize(2);

        String other = receive(unit, BIRTH).getCode();
        StatusRuntimeException reused = failure(() -> wf(desk(unit))
                .transferDossier(transfer.toBuilder().setCode(other).build()));
        assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(GrpcErrors.errorInfo(reused).getReason()).isEqualTo("REQUEST_ID_REUSED");

        var assign = vn.motcua.proto.dossier.v1.RecordProcessingStepRequest.newBuilder()
                .setRequestId("as-" + other)
                .setCode(other)
                .setStep(PROCESSING_STEP_ASSIGN)
                .setTarget("cv." + unit)
                .build();
        StatusRuntimeException early = failure(() -> wf(leader(unit)).recordProcessingStep(assign));
        assertThat(early.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.errorInfo(early).getReason()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(GrpcErrors.errorInfo(early).getMetadataMap())
                .containsEntry("from", "RECEIVED")
                .containsEntry("event", "ASSIGN");
        transfer(unit, other);
        assertThat(wf(leader(unit)).recordProcessingStep(assign).getDossier().getStatus())
                .isEqualTo(DOSSIER_STATUS_IN_PROCESS);
    }

    @Test
    void concurrentTransfersMoveTheDossierOnce() {
        String unit = "11110";
        String code = receive(unit, BIRTH).getCode();
        String token = desk(unit);
        List<Status.Code> codes = concurrently(
                8,
                () -> wf(token)
                        .transferDossier(TransferDossierRequest.newBuilder()
                                .setCode(code)
                                .build()));
        assertThat(codes)
                .containsOnlyOnce(Status.Code.OK)
                .allMatch(c -> c == Status.Code.OK || c == Status.Code.ABORTED || c == Status.Code.FAILED_PRECONDITION);
        assertThat(events(code)).extracting(e -> e[0]).containsExactly("dossier.received", "dossier.transferred");
    }

    // ---- (9) timeline -------------------------------------------------------------------------------------------

    @Test
    void timelineListsEachStepWithActorUnitAndVietnameseLabel() {
        String unit = "11104";
        String code = processedUpToApproval(unit, BIRTH).getCode();
        issue(unit, code);
        returnResult(unit, code, Channel.CHANNEL_COUNTER);

        List<TimelineEntry> entries = wf(citizen(CITIZEN_ID))
                .getTimeline(GetTimelineRequest.newBuilder().setCode(code).build())
                .getEntriesList();
        assertThat(entries)
                .extracting(TimelineEntry::getEvent)
                .containsExactly(
                        "RECEIVE_AT_COUNTER",
                        "TRANSFER",
                        "ASSIGN",
                        "APPRAISE",
                        "SUBMIT_FOR_APPROVAL",
                        "APPROVE",
                        "ISSUE_RESULT",
                        "RETURN_RESULT");
        assertThat(entries)
                .extracting(TimelineEntry::getActorUsername)
                .containsExactly(
                        "mc." + unit,
                        "mc." + unit,
                        "ld." + unit,
                        "cv." + unit,
                        "cv." + unit,
                        "ld." + unit,
                        "vt." + unit,
                        "mc." + unit);
        assertThat(entries).extracting(TimelineEntry::getActorUnitCode).containsOnly(unit);
        assertThat(entries)
                .extracting(TimelineEntry::getLabel)
                .containsExactly(
                        "Tiếp nhận hồ sơ trực tiếp",
                        "Chuyển hồ sơ đến cơ quan giải quyết",
                        "Phân công cán bộ thụ lý",
                        "Thẩm định hồ sơ",
                        "Trình lãnh đạo phê duyệt",
                        "Lãnh đạo phê duyệt",
                        "Ban hành kết quả giải quyết",
                        "Trả kết quả cho người nộp");
        assertThat(entries.get(0).getFromStatus()).isEqualTo(DOSSIER_STATUS_UNSPECIFIED);
        assertThat(entries.get(1).getFromStatus()).isEqualTo(DOSSIER_STATUS_RECEIVED);
        assertThat(entries.get(1).getToStatus()).isEqualTo(DOSSIER_STATUS_IN_PROCESS);
        assertThat(entries.get(2).getReason()).isEqualTo("bước PROCESSING_STEP_ASSIGN");
        assertThat(entries.get(6).getToStatus()).isEqualTo(DOSSIER_STATUS_RESULT_READY);

        GetTimelineRequest request =
                GetTimelineRequest.newBuilder().setCode(code).build();
        assertThat(wf(leader("298")).getTimeline(request).getEntriesCount()).isEqualTo(8);
        assertCode(() -> wf(desk("11077")).getTimeline(request), Status.Code.NOT_FOUND);
        assertCode(() -> wf(citizen(OTHER_CITIZEN_ID)).getTimeline(request), Status.Code.NOT_FOUND);
    }

    // ---- (10) forms ---------------------------------------------------------------------------------------------

    @Test
    void eachFormOfTheRegimeRendersAPdfWithItsVietnameseTitleAndTheDossierCode() {
        String unit = "11107";
        String code = receive(unit, MARRIAGE).getCode();
        assertRule(() -> render(code, FormKind.FORM_KIND_APOLOGY), "FORM_NOT_ISSUED");
        transfer(unit, code);
        step(leader(unit), code, PROCESSING_STEP_ASSIGN, "cv." + unit);
        clock.advance(Duration.ofHours(4));
        wf(specialist(unit))
                .requestSupplement(RequestSupplementRequest.newBuilder()
                        .setCode(code)
                        .setReason("Bổ sung giấy xác nhận tình trạng hôn nhân")
                        .build());
        clock.advance(Duration.ofHours(4));
        wf(desk(unit))
                .receiveSupplement(
                        ReceiveSupplementRequest.newBuilder().setCode(code).build());
        Instant newDue = MARCH_2026.dueAt(clock.instant(), TimeLimit.workingDays(7));
        wf(leader(unit))
                .extendDeadline(ExtendDeadlineRequest.newBuilder()
                        .setCode(code)
                        .setReason("Chờ xác minh của Công an xã")
                        .setNewDueAt(timestamp(newDue))
                        .build());
        String refused = processedUpToApproval(unit, BIRTH).getCode();
        wf(leader(unit))
                .refuseDossier(RefuseDossierRequest.newBuilder()
                        .setCode(refused)
                        .setReason("Hồ sơ giả mạo")
                        .build());

        Map<FormKind, FormType> kinds = Map.of(
                FormKind.FORM_KIND_RECEIPT,
                FormType.RECEIPT,
                FormKind.FORM_KIND_SUPPLEMENT_REQUEST,
                FormType.SUPPLEMENT_REQUEST,
                FormKind.FORM_KIND_APOLOGY,
                FormType.APOLOGY,
                FormKind.FORM_KIND_CONTROL_SLIP,
                FormType.CONTROL_SLIP);
        kinds.forEach((kind, type) -> {
            RenderFormResponse form = render(code, kind);
            assertThat(form.getFileName())
                    .isEqualTo("mau-" + type.number(FormRegime.REGIME_2018) + "-" + code + ".pdf");
            assertThat(pdfText(form.getPdf().toByteArray()))
                    .as(type.name())
                    .contains(type.title(FormRegime.REGIME_2018), "Mã hồ sơ: " + code);
        });
        assertThat(pdfText(render(code, FormKind.FORM_KIND_RECEIPT).getPdf().toByteArray()))
                .contains("Đăng ký kết hôn", "Nguyễn Văn An", "UBND XÃ TÂY KỲ");
        assertThat(pdfText(render(code, FormKind.FORM_KIND_SUPPLEMENT_REQUEST)
                        .getPdf()
                        .toByteArray()))
                .contains("Bổ sung giấy xác nhận tình trạng hôn nhân");
        assertThat(pdfText(render(code, FormKind.FORM_KIND_APOLOGY).getPdf().toByteArray()))
                .contains("Chờ xác minh của Công an xã");
        assertThat(pdfText(
                        render(code, FormKind.FORM_KIND_CONTROL_SLIP).getPdf().toByteArray()))
                .contains("Chuyển hồ sơ đến cơ quan giải quyết", "Phân công cán bộ thụ lý", "cv." + unit);
        String refusal =
                pdfText(render(refused, FormKind.FORM_KIND_REFUSAL).getPdf().toByteArray());
        assertThat(refusal)
                .contains(FormType.REFUSAL.title(FormRegime.REGIME_2018), "Mã hồ sơ: " + refused, "Hồ sơ giả mạo");

        assertRule(() -> render(code, FormKind.FORM_KIND_REFUSAL), "FORM_NOT_ISSUED");
        assertCode(
                () -> wf(citizen(OTHER_CITIZEN_ID))
                        .renderForm(RenderFormRequest.newBuilder()
                                .setCode(code)
                                .setKind(FormKind.FORM_KIND_RECEIPT)
                                .build()),
                Status.Code.NOT_FOUND);
        assertThat(wf(citizen(CITIZEN_ID))
                        .renderForm(RenderFormRequest.newBuilder()
                                .setCode(code)
                                .setKind(FormKind.FORM_KIND_RECEIPT)
                                .build())
                        .getPdf()
                        .size())
                .isGreaterThan(1000);
    }

    private RenderFormResponse render(String code, FormKind kind) {
        return wf(desk("11107"))
                .renderForm(RenderFormRequest.newBuilder()
                        .setCode(code)
                        .setKind(kind)
                        .build());
    }

    // ---- (11) inbox ---------------------------------------------------------------------------------------------

    @Test
    void inboxShowsWhatWaitsOnTheCallersRoleMostUrgentFirstWithDeadlineState() {
        String unit = "11098";
        String fourHours = receive(unit, CERTIFY).getCode(); // due Monday 14:00
        String oneDay = receive(unit, BIRTH).getCode(); // due Tuesday 08:00
        String fiveDays = receive(unit, MARRIAGE).getCode(); // due next Monday 08:00
        String online = submitOnline(unit, BIRTH).getCode(); // not accepted: no due time

        List<InboxItem> desk = inbox(desk(unit), 0).getItemsList();
        assertThat(desk).extracting(i -> i.getDossier().getCode()).containsExactly(fourHours, oneDay, fiveDays, online);
        assertThat(desk)
                .extracting(InboxItem::getDeadlineState)
                .containsExactly(
                        DeadlineState.DEADLINE_STATE_NEAR_DUE,
                        DeadlineState.DEADLINE_STATE_NEAR_DUE,
                        DeadlineState.DEADLINE_STATE_IN_TIME,
                        DeadlineState.DEADLINE_STATE_UNSPECIFIED);
        assertThat(inbox(specialist(unit), 0).getItemsList())
                .as("nothing is in process yet")
                .isEmpty();

        ListInboxResponse first = inbox(desk(unit), 2);
        assertThat(first.getItemsList())
                .extracting(i -> i.getDossier().getCode())
                .containsExactly(fourHours, oneDay);
        ListInboxResponse rest = wf(desk(unit))
                .listInbox(ListInboxRequest.newBuilder()
                        .setPage(PageRequest.newBuilder()
                                .setPageSize(2)
                                .setPageToken(first.getPage().getNextPageToken()))
                        .build());
        assertThat(rest.getItemsList())
                .extracting(i -> i.getDossier().getCode())
                .containsExactly(fiveDays, online);
        assertThat(rest.getPage().getNextPageToken()).isEmpty();

        transfer(unit, fiveDays);
        transfer(unit, fourHours);
        assertThat(inbox(desk(unit), 0).getItemsList())
                .extracting(i -> i.getDossier().getCode())
                .containsExactly(oneDay, online);
        assertThat(inbox(specialist(unit), 0).getItemsList())
                .extracting(i -> i.getDossier().getCode())
                .containsExactly(fourHours, fiveDays);
        assertThat(inbox(clerk(unit), 0).getItemsList())
                .extracting(i -> i.getDossier().getCode())
                .containsExactly(fourHours, fiveDays);
        assertThat(inbox(idp.officer("multi." + unit, unit, "reception_officer", "specialist"), 0)
                        .getItemsList())
                .extracting(i -> i.getDossier().getCode())
                .containsExactly(fourHours, oneDay, fiveDays, online);
        assertThat(inbox(desk("298"), 500).getItemsList())
                .extracting(i -> i.getDossier().getCode())
                .as("the district desk sees its communes")
                .contains(oneDay, online);
        assertThat(inbox(desk("11077"), 0).getItemsList())
                .extracting(i -> i.getDossier().getCode())
                .doesNotContain(oneDay, online);
        assertCode(() -> inbox(citizen(CITIZEN_ID), 0), Status.Code.PERMISSION_DENIED);

        clock.set(Instant.parse("2026-03-09T08:00:00Z")); // Monday 15:00
        assertThat(inbox(specialist(unit), 0).getItemsList())
                .extracting(InboxItem::getDeadlineState)
                .containsExactly(DeadlineState.DEADLINE_STATE_OVERDUE, DeadlineState.DEADLINE_STATE_IN_TIME);
    }

    private ListInboxResponse inbox(String token, int size) {
        return wf(token)
                .listInbox(ListInboxRequest.newBuilder()
                        .setPage(PageRequest.newBuilder().setPageSize(size))
                        .build());
    }

    // ---- (12) deadline sweep ------------------------------------------------------------------------------------

    @Test
    void sweepAnnouncesEachDeadlineCrossingOnce() {
        String unit = "11101";
        String oneDay = receive(unit, BIRTH).getCode(); // due Tuesday 08:00
        String fiveDays = receive(unit, MARRIAGE).getCode(); // due next Monday 08:00
        String paused = receive(unit, BIRTH).getCode(); // due Tuesday 08:00, then paused
        transfer(unit, paused);

        sweep.sweep(MONDAY_0800);
        sweep.sweep(MONDAY_0800);
        assertThat(types(oneDay)).containsExactly("dossier.received", "dossier.near_due");
        assertThat(types(fiveDays)).containsExactly("dossier.received");
        assertThat(types(paused)).containsExactly("dossier.received", "dossier.transferred", "dossier.near_due");
        assertThat(events(oneDay).get(1)[1])
                .contains("\"deadlineState\":\"DEADLINE_STATE_NEAR_DUE\"")
                .doesNotContain(CITIZEN_ID);

        clock.set(MONDAY_0800.plus(Duration.ofHours(1)));
        wf(specialist(unit))
                .requestSupplement(RequestSupplementRequest.newBuilder()
                        .setCode(paused)
                        .setReason("Bổ sung")
                        .build());
        Instant tuesday0900 = Instant.parse("2026-03-10T02:00:00Z");
        sweep.sweep(tuesday0900);
        sweep.sweep(tuesday0900);
        assertThat(types(oneDay)).containsExactly("dossier.received", "dossier.near_due", "dossier.overdue");
        assertThat(types(fiveDays)).containsExactly("dossier.received");
        assertThat(types(paused))
                .as("not swept while the clock is stopped")
                .containsExactly(
                        "dossier.received", "dossier.transferred", "dossier.near_due", "dossier.supplement_requested");

        // the supplement restarts the clock (due Wednesday 09:00): the crossing is announced again
        clock.set(tuesday0900);
        wf(desk(unit))
                .receiveSupplement(
                        ReceiveSupplementRequest.newBuilder().setCode(paused).build());
        sweep.sweep(tuesday0900.plus(Duration.ofHours(1)));
        assertThat(types(paused))
                .containsExactly(
                        "dossier.received",
                        "dossier.transferred",
                        "dossier.near_due",
                        "dossier.supplement_requested",
                        "dossier.supplement_received",
                        "dossier.near_due");

        Instant friday0900 = Instant.parse("2026-03-13T02:00:00Z");
        sweep.sweep(friday0900);
        sweep.sweep(friday0900);
        assertThat(types(fiveDays)).containsExactly("dossier.received", "dossier.near_due");
        assertThat(types(paused))
                .endsWith("dossier.near_due", "dossier.overdue")
                .hasSize(7);
        assertThat(types(oneDay)).as("already announced overdue").hasSize(3);
    }

    private List<String> types(String code) {
        return events(code).stream().map(e -> e[0]).toList();
    }
}
