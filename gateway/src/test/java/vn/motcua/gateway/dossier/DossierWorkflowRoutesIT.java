package vn.motcua.gateway.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.FakeServices;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.proto.dossier.v1.AcceptDossierRequest;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.ConfirmFinancialObligationRequest;
import vn.motcua.proto.dossier.v1.DeadlineState;
import vn.motcua.proto.dossier.v1.DossierStatus;
import vn.motcua.proto.dossier.v1.ExtendDeadlineRequest;
import vn.motcua.proto.dossier.v1.FormKind;
import vn.motcua.proto.dossier.v1.GetTimelineRequest;
import vn.motcua.proto.dossier.v1.InboxSort;
import vn.motcua.proto.dossier.v1.IssueResultRequest;
import vn.motcua.proto.dossier.v1.ListInboxRequest;
import vn.motcua.proto.dossier.v1.ListMyDossiersRequest;
import vn.motcua.proto.dossier.v1.MyDossiersSort;
import vn.motcua.proto.dossier.v1.ProcessingStep;
import vn.motcua.proto.dossier.v1.RateDossierRequest;
import vn.motcua.proto.dossier.v1.ReceiveSupplementRequest;
import vn.motcua.proto.dossier.v1.RecordProcessingStepRequest;
import vn.motcua.proto.dossier.v1.RefuseDossierRequest;
import vn.motcua.proto.dossier.v1.RejectDossierRequest;
import vn.motcua.proto.dossier.v1.RenderFormRequest;
import vn.motcua.proto.dossier.v1.RequestPreSupplementRequest;
import vn.motcua.proto.dossier.v1.RequestSupplementRequest;
import vn.motcua.proto.dossier.v1.RequireFinancialObligationRequest;
import vn.motcua.proto.dossier.v1.ResubmitDossierRequest;
import vn.motcua.proto.dossier.v1.ReturnResultRequest;
import vn.motcua.proto.dossier.v1.StopDossierRequest;
import vn.motcua.proto.dossier.v1.SubmitDossierRequest;
import vn.motcua.proto.dossier.v1.TransferDossierRequest;
import vn.motcua.proto.dossier.v1.WithdrawDossierRequest;

/** The dossier lifecycle routes over DossierWorkflowService: mapping, validation, access and error pass-through. */
@MicronautTest(transactional = false)
class DossierWorkflowRoutesIT extends GatewayIT {

    private static final String CODE = "H30.298.11077-250303-0001";
    private static final String BASE = "/api/v1/dossiers/" + CODE;

    private String specialist() {
        return idp.officer("cv.an", "11077", "specialist");
    }

    private String leader() {
        return idp.officer("ld.an", "11077", "unit_leader");
    }

    private String clerk() {
        return idp.officer("vt.an", "11077", "clerk");
    }

    /** One route: who calls it, with which body, which RPC must follow and what must be in its request. */
    private record Case(String action, String token, String body, String method, Consumer<Message> check) {}

    private List<Case> cases() {
        return List.of(
                new Case(
                        "accept",
                        receptionOfficer(),
                        "",
                        "AcceptDossier",
                        m -> assertThat(((AcceptDossierRequest) m).getCode()).isEqualTo(CODE)),
                new Case(
                        "request-pre-supplement",
                        receptionOfficer(),
                        "{\"reason\":\"Thiếu tờ khai\"}",
                        "RequestPreSupplement",
                        m -> assertThat(((RequestPreSupplementRequest) m).getReason())
                                .isEqualTo("Thiếu tờ khai")),
                new Case(
                        "resubmit",
                        citizen(),
                        "{\"note\":\"Đã bổ sung\"}",
                        "ResubmitDossier",
                        m -> assertThat(((ResubmitDossierRequest) m).getNote()).isEqualTo("Đã bổ sung")),
                new Case(
                        "reject",
                        receptionOfficer(),
                        "{\"reason\":\"Không thuộc thẩm quyền\"}",
                        "RejectDossier",
                        m -> assertThat(((RejectDossierRequest) m).getReason()).isEqualTo("Không thuộc thẩm quyền")),
                new Case(
                        "transfer",
                        receptionOfficer(),
                        "{}",
                        "TransferDossier",
                        m -> assertThat(((TransferDossierRequest) m).getCode()).isEqualTo(CODE)),
                new Case("steps", leader(), """
                        {"step":"ASSIGN","target":"cv.ngocson","note":"Xử lý gấp",
                         "stepDueAt":"2025-03-05T17:00:00+07:00"}""", "RecordProcessingStep", m -> {
                    RecordProcessingStepRequest r = (RecordProcessingStepRequest) m;
                    assertThat(r.getStep()).isEqualTo(ProcessingStep.PROCESSING_STEP_ASSIGN);
                    assertThat(r.getTarget()).isEqualTo("cv.ngocson");
                    assertThat(r.getNote()).isEqualTo("Xử lý gấp");
                    assertThat(Instant.ofEpochSecond(r.getStepDueAt().getSeconds()))
                            .isEqualTo(Instant.parse("2025-03-05T10:00:00Z"));
                }),
                new Case(
                        "request-supplement",
                        specialist(),
                        "{\"reason\":\"Thiếu giấy chứng sinh\\nbản chính\"}",
                        "RequestSupplement",
                        m -> assertThat(((RequestSupplementRequest) m).getReason())
                                .isEqualTo("Thiếu giấy chứng sinh\nbản chính")),
                new Case(
                        "receive-supplement",
                        citizen(),
                        "",
                        "ReceiveSupplement",
                        m -> assertThat(((ReceiveSupplementRequest) m).getNote())
                                .isEmpty()),
                new Case(
                        "refuse",
                        leader(),
                        "{\"reason\":\"Không đủ điều kiện\"}",
                        "RefuseDossier",
                        m -> assertThat(((RefuseDossierRequest) m).getReason()).isEqualTo("Không đủ điều kiện")),
                new Case(
                        "extend",
                        leader(),
                        "{\"reason\":\"Cần xác minh\",\"newDueAt\":\"2025-03-12T10:00:00Z\"}",
                        "ExtendDeadline",
                        m -> {
                            ExtendDeadlineRequest r = (ExtendDeadlineRequest) m;
                            assertThat(r.getReason()).isEqualTo("Cần xác minh");
                            assertThat(r.getNewDueAt().getSeconds())
                                    .isEqualTo(Instant.parse("2025-03-12T10:00:00Z")
                                            .getEpochSecond());
                        }),
                new Case(
                        "require-financial-obligation",
                        specialist(),
                        "{\"reason\":\"Nộp lệ phí trước bạ\"}",
                        "RequireFinancialObligation",
                        m -> assertThat(((RequireFinancialObligationRequest) m).getReason())
                                .isEqualTo("Nộp lệ phí trước bạ")),
                new Case(
                        "confirm-financial-obligation",
                        receptionOfficer(),
                        "",
                        "ConfirmFinancialObligation",
                        m -> assertThat(((ConfirmFinancialObligationRequest) m).getCode())
                                .isEqualTo(CODE)),
                new Case(
                        "withdraw",
                        citizen(),
                        "{\"reason\":\"Không cần nữa\"}",
                        "WithdrawDossier",
                        m -> assertThat(((WithdrawDossierRequest) m).getReason())
                                .isEqualTo("Không cần nữa")),
                new Case(
                        "stop",
                        receptionOfficer(),
                        "{\"reason\":\"Theo yêu cầu\",\"ground\":\"APPLICANT_REQUEST_DIRECT_OR_POSTAL\"}",
                        "StopDossier",
                        m -> assertThat(((StopDossierRequest) m).getReason()).isEqualTo("Theo yêu cầu")),
                new Case(
                        "issue-result",
                        clerk(),
                        "{\"resultNote\":\"Số 12/GKS\"}",
                        "IssueResult",
                        m -> assertThat(((IssueResultRequest) m).getResultNote())
                                .isEqualTo("Số 12/GKS")),
                new Case(
                        "return-result",
                        receptionOfficer(),
                        "{\"channel\":\"POSTAL\"}",
                        "ReturnResult",
                        m -> assertThat(((ReturnResultRequest) m).getChannel()).isEqualTo(Channel.CHANNEL_POSTAL)));
    }

    @Test
    void everyActionCallsItsRpcWithTheMappedFieldsTokenAndRequestId() {
        for (Case c : cases()) {
            services.reset();
            String key = "key-" + c.action();

            Api.Reply reply = api.postJson(
                    BASE + ":" + c.action(),
                    c.token(),
                    c.body(),
                    "Idempotency-Key",
                    key,
                    "X-Request-Id",
                    "req-" + c.action());

            assertThat(reply.status()).as(c.action() + ": " + reply.body()).isEqualTo(200);
            assertThat(reply.json())
                    .as(c.action())
                    .containsEntry("code", CODE)
                    .containsEntry("status", "IN_PROCESS")
                    .containsEntry("receivedAt", "2025-03-03T01:30:00Z");
            var call = services.only();
            assertThat(call.method()).as(c.action()).isEqualTo(c.method());
            assertThat(call.authorization()).as(c.action()).isEqualTo("Bearer " + c.token());
            assertThat(call.header(MetadataKeys.REQUEST_ID)).as(c.action()).isEqualTo("req-" + c.action());
            assertThat(call.request()
                            .getField(call.request().getDescriptorForType().findFieldByName("request_id")))
                    .as(c.action())
                    .isEqualTo(key);
            assertThat(call.request()
                            .getField(call.request().getDescriptorForType().findFieldByName("code")))
                    .as(c.action())
                    .isEqualTo(CODE);
            c.check().accept(call.request());
        }
    }

    @Test
    void actionsWithoutARequiredBodyNeedNoBodyAndNoContentType() {
        Api.Reply reply = api.send(api.request(BASE + ":accept")
                .header("Authorization", "Bearer " + receptionOfficer())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        String requestId = ((AcceptDossierRequest) services.only().request()).getRequestId();
        assertThat(requestId).isNotEmpty();
    }

    @Test
    void withoutIdempotencyKeyEachActionGetsItsOwnRequestId() {
        api.postJson(BASE + ":transfer", receptionOfficer(), "");
        api.postJson(BASE + ":transfer", receptionOfficer(), "");

        assertThat(services.received())
                .extracting(c -> ((TransferDossierRequest) c.request()).getRequestId())
                .hasSize(2)
                .doesNotContain("")
                .doesNotHaveDuplicates();
    }

    @Test
    void extendMapsTheFullBodyAndEveryStepNameIsAccepted() {
        for (String step : List.of(
                "ASSIGN",
                "APPRAISE",
                "REQUEST_CONSULTATION",
                "ANSWER_CONSULTATION",
                "FORWARD_INTER_AGENCY",
                "SUBMIT_FOR_APPROVAL",
                "APPROVE")) {
            Api.Reply reply = api.postJson(BASE + ":steps", specialist(), "{\"step\":\"" + step + "\"}");
            assertThat(reply.status()).as(step + reply.body()).isEqualTo(200);
        }
        assertThat(services.received())
                .extracting(c ->
                        ((RecordProcessingStepRequest) c.request()).getStep().name())
                .containsExactly(
                        "PROCESSING_STEP_ASSIGN",
                        "PROCESSING_STEP_APPRAISE",
                        "PROCESSING_STEP_REQUEST_CONSULTATION",
                        "PROCESSING_STEP_ANSWER_CONSULTATION",
                        "PROCESSING_STEP_FORWARD_INTER_AGENCY",
                        "PROCESSING_STEP_SUBMIT_FOR_APPROVAL",
                        "PROCESSING_STEP_APPROVE");
        assertThat(((RecordProcessingStepRequest) services.received().get(0).request()).hasStepDueAt())
                .isFalse();
    }

    @Test
    void citizenSubmitsOnlineAndGetsACreatedDossier() {
        String token = citizen();
        Api.Reply reply = api.postJson("/api/v1/citizen/dossiers", token, """
                {"procedureCode":"1.001193","unitCode":"11077","note":"Nộp trực tuyến",
                 "applicant":{"fullName":"Nguyễn Văn An","phone":"0912345678","email":"an@example.vn"}}""", "Idempotency-Key", "web-1");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("Location")).isEqualTo("/api/v1/dossiers/H30.298.11077-250303-0002");
        assertThat(reply.json())
                .containsEntry("status", "SUBMITTED")
                .containsEntry("channel", "ONLINE")
                .containsEntry("receivedAt", null)
                .containsEntry("note", "Nộp trực tuyến");
        var call = services.only();
        assertThat(call.method()).isEqualTo("SubmitDossier");
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
        SubmitDossierRequest sent = (SubmitDossierRequest) call.request();
        assertThat(sent.getRequestId()).isEqualTo("web-1");
        assertThat(sent.getProcedureCode()).isEqualTo("1.001193");
        assertThat(sent.getUnitCode()).isEqualTo("11077");
        assertThat(sent.getApplicant().getFullName()).isEqualTo("Nguyễn Văn An");
        assertThat(sent.getApplicant().getCitizenId()).isEmpty();
        assertThat(sent.getApplicant().getEmail()).isEqualTo("an@example.vn");
    }

    @Test
    void submitValidationListsEveryProblemWithoutCallingTheService() {
        Api.Reply reply = api.postJson("/api/v1/citizen/dossiers", citizen(), """
                {"procedureCode":"1.001193;drop","applicant":{"citizenId":"123","x":1},"note":"a\\u0007b",
                 "channel":"ONLINE"}""");

        assertProblem(reply, 400, "INVALID_FIELD");
        // codes, applicant values and the note are the service's rules: only the JSON's shape is checked here
        assertThat(reply.errors()).extracting(e -> e.get("field")).containsExactlyInAnyOrder("applicant.x", "channel");
        assertProblem(api.postJson("/api/v1/citizen/dossiers", citizen(), ""), 400, "MALFORMED_REQUEST");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void citizenListsOwnDossiers() {
        String token = citizen();
        Api.Reply reply = api.get("/api/v1/citizen/dossiers?pageSize=20&pageToken=abc", token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("nextPageToken", null);
        assertThat((List<?>) reply.json().get("dossiers")).hasSize(1);
        var call = services.only();
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
        ListMyDossiersRequest sent = (ListMyDossiersRequest) call.request();
        assertThat(sent.getPage().getPageSize()).isEqualTo(20);
        assertThat(sent.getPage().getPageToken()).isEqualTo("abc");
    }

    @Test
    @SuppressWarnings("unchecked")
    void officerInboxShowsDeadlineStates() {
        Api.Reply reply = api.get("/api/v1/inbox?pageSize=5", specialist());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("nextPageToken", "i2");
        Map<String, Object> item = ((List<Map<String, Object>>) reply.json().get("items")).get(0);
        assertThat(item).containsEntry("deadlineState", "NEAR_DUE");
        assertThat((Map<String, Object>) item.get("dossier")).containsEntry("code", CODE);
        assertThat(((ListInboxRequest) services.only().request()).getPage().getPageSize())
                .isEqualTo(5);
        assertProblem(api.get("/api/v1/inbox?pageSize=0", specialist()), 400, "INVALID_FIELD");
        assertThat(services.received()).hasSize(1);
    }

    @Test
    void inboxFiltersAndSortMapToTheRequestFields() {
        assertThat(api.get(
                                "/api/v1/inbox?status=RECEIVED,IN_PROCESS,RECEIVED&deadlineState=NEAR_DUE&sort=-receivedAt"
                                        + "&pageSize=2&pageToken=t1",
                                specialist())
                        .status())
                .isEqualTo(200);
        ListInboxRequest sent = (ListInboxRequest) services.only().request();
        assertThat(sent.getStatusesList())
                .containsExactly(
                        DossierStatus.DOSSIER_STATUS_RECEIVED,
                        DossierStatus.DOSSIER_STATUS_IN_PROCESS,
                        DossierStatus.DOSSIER_STATUS_RECEIVED);
        assertThat(sent.getDeadlineState()).isEqualTo(DeadlineState.DEADLINE_STATE_NEAR_DUE);
        assertThat(sent.getSort()).isEqualTo(InboxSort.INBOX_SORT_RECEIVED_AT_DESC);
        assertThat(sent.getPage().getPageToken()).isEqualTo("t1");

        for (String sort : List.of("dueAt", "-dueAt", "receivedAt")) {
            services.reset();
            assertThat(api.get("/api/v1/inbox?sort=" + sort, specialist()).status())
                    .isEqualTo(200);
            assertThat(((ListInboxRequest) services.only().request()).getSort().name())
                    .as(sort)
                    .isEqualTo(Map.of(
                                    "dueAt",
                                    "INBOX_SORT_DUE_AT_ASC",
                                    "-dueAt",
                                    "INBOX_SORT_DUE_AT_DESC",
                                    "receivedAt",
                                    "INBOX_SORT_RECEIVED_AT_ASC")
                            .get(sort));
        }
        services.reset();
        assertThat(api.get("/api/v1/inbox", specialist()).status()).isEqualTo(200);
        ListInboxRequest plain = (ListInboxRequest) services.only().request();
        assertThat(plain.getStatusesList()).as("no filter").isEmpty();
        assertThat(plain.getDeadlineState()).isEqualTo(DeadlineState.DEADLINE_STATE_UNSPECIFIED);
        assertThat(plain.getSort()).as("the service's default order").isEqualTo(InboxSort.INBOX_SORT_UNSPECIFIED);
    }

    @Test
    void unknownInboxFilterOrSortIsAFieldErrorWithoutACall() {
        Api.Reply reply = api.get("/api/v1/inbox?status=RECEIVED,NOPE&deadlineState=LATE&sort=banana", specialist());

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors())
                .extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("status", "deadlineState", "sort");
        for (String query : List.of(
                "status=received",
                "status=UNSPECIFIED",
                "status=RECEIVED,,IN_PROCESS",
                "deadlineState=near_due",
                "sort=due_at",
                "sort=-createdAt",
                "sort=%2BdueAt")) {
            assertProblem(api.get("/api/v1/inbox?" + query, specialist()), 400, "INVALID_FIELD");
        }
        assertThat(services.received()).isEmpty();
    }

    @Test
    void citizenListFilterAndSortMapToTheRequestFieldsAndBadValuesAreRefused() {
        assertThat(api.get("/api/v1/citizen/dossiers?status=SUBMITTED,RETURNED&sort=receivedAt", citizen())
                        .status())
                .isEqualTo(200);
        ListMyDossiersRequest sent = (ListMyDossiersRequest) services.only().request();
        assertThat(sent.getStatusesList())
                .containsExactly(DossierStatus.DOSSIER_STATUS_SUBMITTED, DossierStatus.DOSSIER_STATUS_RETURNED);
        assertThat(sent.getSort()).isEqualTo(MyDossiersSort.MY_DOSSIERS_SORT_RECEIVED_AT_ASC);
        services.reset();
        assertThat(api.get("/api/v1/citizen/dossiers?sort=-receivedAt", citizen())
                        .status())
                .isEqualTo(200);
        assertThat(((ListMyDossiersRequest) services.only().request()).getSort())
                .isEqualTo(MyDossiersSort.MY_DOSSIERS_SORT_RECEIVED_AT_DESC);
        services.reset();
        assertThat(api.get("/api/v1/citizen/dossiers", citizen()).status()).isEqualTo(200);
        assertThat(((ListMyDossiersRequest) services.only().request()).getSort())
                .as("newest submitted first, as before")
                .isEqualTo(MyDossiersSort.MY_DOSSIERS_SORT_UNSPECIFIED);
        services.reset();

        Api.Reply reply = api.get("/api/v1/citizen/dossiers?status=NOPE&sort=dueAt", citizen());
        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors()).extracting(e -> e.get("field")).containsExactlyInAnyOrder("status", "sort");
        assertThat(services.received()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void timelineListsEveryEntryWithIsoInstants() {
        String token = citizen();
        Api.Reply reply = api.get(BASE + "/timeline", token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat((Map<String, Object>) reply.json().get("dossier")).containsEntry("code", CODE);
        List<Map<String, Object>> entries =
                (List<Map<String, Object>>) reply.json().get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0))
                .containsEntry("at", "2025-03-03T01:30:00Z")
                .containsEntry("event", "RECEIVE_AT_COUNTER")
                .containsEntry("fromStatus", null)
                .containsEntry("toStatus", "RECEIVED")
                .containsEntry("actorUsername", "mc.ngocson")
                .containsEntry("reason", null);
        assertThat(entries.get(1))
                .containsEntry("fromStatus", "RECEIVED")
                .containsEntry("toStatus", "IN_PROCESS")
                .containsEntry("actorUnitCode", "11077")
                .containsEntry("reason", "đủ hồ sơ")
                .containsEntry("label", "Chuyển xử lý");
        var call = services.only();
        assertThat(((GetTimelineRequest) call.request()).getCode()).isEqualTo(CODE);
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void formIsAPdfAttachment() {
        String token = citizen();
        HttpResponse<byte[]> reply = sendBytes(BASE + "/forms/receipt", token);

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(reply.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + CODE + "-receipt.pdf\"");
        assertThat(reply.body()).isEqualTo(FakeServices.PDF);
        var call = services.only();
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
        RenderFormRequest sent = (RenderFormRequest) call.request();
        assertThat(sent.getCode()).isEqualTo(CODE);
        assertThat(sent.getKind()).isEqualTo(FormKind.FORM_KIND_RECEIPT);
    }

    @Test
    void everyFormKindMapsAndUnsafeFileNamesAreReplaced() {
        services.formFileName("bad\"; name.pdf\r\nX-Evil: 1");
        Map<String, FormKind> kinds = Map.of(
                "receipt",
                FormKind.FORM_KIND_RECEIPT,
                "supplement-request",
                FormKind.FORM_KIND_SUPPLEMENT_REQUEST,
                "refusal",
                FormKind.FORM_KIND_REFUSAL,
                "apology",
                FormKind.FORM_KIND_APOLOGY,
                "control-slip",
                FormKind.FORM_KIND_CONTROL_SLIP,
                "stop-notice",
                FormKind.FORM_KIND_STOP_NOTICE);
        kinds.forEach((kind, expected) -> {
            services.reset();
            services.formFileName("bad\"; name.pdf");
            HttpResponse<byte[]> reply = sendBytes(BASE + "/forms/" + kind, officer("specialist"));
            assertThat(reply.statusCode()).as(kind).isEqualTo(200);
            assertThat(reply.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"" + CODE + "-" + kind + ".pdf\"");
            assertThat(((RenderFormRequest) services.only().request()).getKind())
                    .isEqualTo(expected);
        });
    }

    @Test
    void unknownFormKindAndBadCodeAre400() {
        Api.Reply kind = api.get(BASE + "/forms/invoice", citizen());
        assertProblem(kind, 400, "INVALID_FIELD");
        assertThat(kind.errors()).extracting(e -> e.get("field")).containsExactly("kind");
        assertProblem(api.get("/api/v1/dossiers/x%27%3B--/forms/receipt", citizen()), 400, "INVALID_FIELD");
        assertProblem(api.get("/api/v1/dossiers/x%27%3B--/timeline", citizen()), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void formErrorsAreProblemsEvenForPdfClients() {
        services.failWith(DomainException.ruleViolated("FORM_NOT_AVAILABLE", "the dossier has no refusal"));

        Api.Reply reply = api.send(api.request(BASE + "/forms/refusal")
                .header("Authorization", "Bearer " + citizen())
                .header("Accept", "application/pdf")
                .GET()
                .build());

        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json()).containsEntry("reason", "RULE_VIOLATED");
    }

    @Test
    void invalidInputIs400WithFieldProblemsAndNoDownstreamCall() {
        String leader = leader();
        record Bad(String path, String token, String body, List<String> fields) {}
        List<Bad> bad = List.of(
                new Bad("/api/v1/dossiers/abc%20def:accept", receptionOfficer(), "", List.of("code")),
                new Bad("/api/v1/dossiers/" + "A".repeat(65) + ":transfer", receptionOfficer(), "", List.of("code")),
                new Bad(BASE + ":steps", leader, "{\"step\":\"DELETE\"}", List.of("step")),
                new Bad(BASE + ":steps", leader, "{\"step\":\"assign\"}", List.of("step")),
                new Bad(BASE + ":steps", leader, "{\"note\":\"x\"}", List.of("step")),
                new Bad(BASE + ":steps", leader, "{\"step\":7}", List.of("step")),
                new Bad(
                        BASE + ":steps",
                        leader,
                        "{\"step\":\"ASSIGN\",\"target\":1,\"stepDueAt\":\"soon\"}",
                        List.of("target", "stepDueAt")),
                new Bad(BASE + ":return-result", receptionOfficer(), "{\"channel\":\"EMAIL\"}", List.of("channel")),
                new Bad(BASE + ":return-result", receptionOfficer(), "{}", List.of("channel")),
                new Bad(
                        BASE + ":extend",
                        leader,
                        "{\"reason\":\"x\",\"newDueAt\":\"2025-03-12\"}",
                        List.of("newDueAt")),
                new Bad(
                        BASE + ":extend",
                        leader,
                        "{\"reason\":\"x\",\"newDueAt\":\"2025-03-12T10:00:00\"}",
                        List.of("newDueAt")),
                new Bad(BASE + ":extend", leader, "{\"newDueAt\":\"2025-13-12T10:00:00Z\"}", List.of("newDueAt")),
                new Bad(BASE + ":reject", receptionOfficer(), "{\"reason\":7}", List.of("reason")),
                new Bad(BASE + ":resubmit", citizen(), "{\"note\":[\"a\"]}", List.of("note")),
                new Bad(BASE + ":accept", receptionOfficer(), "{\"reason\":\"x\"}", List.of("reason")),
                new Bad(BASE + ":withdraw", citizen(), "[1]", List.of("$")),
                new Bad(
                        BASE + ":rate",
                        citizen(),
                        "{\"timeScore\":6,\"contactsScore\":2.5,\"agenciesScore\":\"5\","
                                + "\"attitudeScore\":-1,\"satisfied\":\"yes\",\"stars\":5}",
                        List.of("timeScore", "contactsScore", "agenciesScore", "attitudeScore", "satisfied", "stars")));
        for (Bad b : bad) {
            Api.Reply reply = api.postJson(b.path(), b.token(), b.body());
            assertProblem(reply, 400, "INVALID_FIELD");
            assertThat(reply.errors())
                    .as(b.path() + " " + b.body())
                    .extracting(e -> e.get("field"))
                    .containsExactlyInAnyOrderElementsOf(b.fields());
        }
        assertProblem(
                api.postJson(BASE + ":transfer", receptionOfficer(), "", "Idempotency-Key", "a b"),
                400,
                "INVALID_FIELD");
        assertProblem(api.postJson(BASE + ":reject", receptionOfficer(), "{\"reason\":"), 400, "MALFORMED_REQUEST");
        assertProblem(api.postJson(BASE + ":extend", leader, ""), 400, "MALFORMED_REQUEST");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void ratingMapsEveryCriterion() {
        String token = citizen();
        Api.Reply reply = api.postJson(BASE + ":rate", token, """
                {"timeScore":5,"contactsScore":4,"agenciesScore":3,"attitudeScore":0,"satisfied":true,
                 "comment":"Nhanh chóng"}""", "Idempotency-Key", "rate-1");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(Map.of("code", CODE));
        var call = services.only();
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
        RateDossierRequest sent = (RateDossierRequest) call.request();
        assertThat(sent.getRequestId()).isEqualTo("rate-1");
        assertThat(sent.getCode()).isEqualTo(CODE);
        assertThat(List.of(
                        sent.getTimeScore(), sent.getContactsScore(), sent.getAgenciesScore(), sent.getAttitudeScore()))
                .containsExactly(5, 4, 3, 0);
        assertThat(sent.getSatisfied()).isTrue();
        assertThat(sent.getComment()).isEqualTo("Nhanh chóng");
    }

    @Test
    void everyActionCarriesIfMatchAsTheExpectedRevisionAndAnswersWithTheNewETag() {
        for (Case c : cases()) {
            services.reset();

            Api.Reply reply = api.postJson(BASE + ":" + c.action(), c.token(), c.body(), "If-Match", "\"r3\"");

            assertThat(reply.status()).as(c.action() + ": " + reply.body()).isEqualTo(200);
            assertThat(reply.header("ETag")).as(c.action()).isEqualTo("\"r" + FakeServices.REVISION + "\"");
            assertThat(reply.json()).as(c.action()).containsEntry("revision", (int) FakeServices.REVISION);
            var request = services.only().request();
            var field = request.getDescriptorForType().findFieldByName("expected_revision");
            assertThat(request.hasField(field)).as(c.action()).isTrue();
            assertThat(request.getField(field)).as(c.action()).isEqualTo(3L);
        }
    }

    @Test
    void withoutIfMatchOrWithAStarNoRevisionIsExpected() {
        api.postJson(BASE + ":transfer", receptionOfficer(), "");
        api.postJson(BASE + ":transfer", receptionOfficer(), "", "If-Match", "*");

        assertThat(services.received())
                .hasSize(2)
                .allSatisfy(c -> assertThat(((TransferDossierRequest) c.request()).hasExpectedRevision())
                        .isFalse());
    }

    @Test
    void aStaleRevisionIs412AndTheClientIsToldToReadAgain() {
        services.failWith(DomainException.of(
                ErrorKind.FAILED_PRECONDITION,
                ErrorReason.STALE_REVISION,
                "dossier X is at revision 5, not 3; reload it and decide again"));

        Api.Reply reply =
                api.postJson(BASE + ":refuse", leader(), "{\"reason\":\"Không đủ điều kiện\"}", "If-Match", "\"r3\"");

        assertProblem(reply, 412, "STALE_REVISION");
        assertThat(reply.json().get("detail").toString()).contains("revision 5");
    }

    @Test
    void anIfMatchThatNamesNoSingleRevisionIs400WithoutCallingTheService() {
        for (String bad :
                List.of("W/\"r3\"", "\"r3\", \"r4\"", "r3", "\"3\"", "\"r-1\"", "\"r99999999999999999999\"")) {
            Api.Reply reply = api.postJson(BASE + ":transfer", receptionOfficer(), "", "If-Match", bad);

            assertProblem(reply, 400, "INVALID_FIELD");
            assertThat(reply.errors()).as(bad).extracting(e -> e.get("field")).containsExactly("If-Match");
        }
        assertThat(services.received()).isEmpty();
    }

    @Test
    void readingADossierGivesItsETag() {
        Api.Reply reply = api.get(BASE, receptionOfficer());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("ETag")).isEqualTo("\"r" + FakeServices.REVISION + "\"");
    }

    @Test
    void illegalTransitionIs409WithItsReason() {
        services.failWith(DomainException.illegalTransition("RETURNED", "IN_PROCESS", "TRANSFER"));

        Api.Reply reply = api.postJson(BASE + ":transfer", receptionOfficer(), "");

        assertProblem(reply, 409, "ILLEGAL_TRANSITION");
        assertThat(reply.json()).containsEntry("detail", "cannot TRANSFER a dossier in state RETURNED");
    }

    @Test
    void serviceRefusalsMapThrough() {
        services.failWith(DomainException.permissionDenied("not your unit"));
        assertProblem(api.postJson(BASE + ":refuse", leader(), "{\"reason\":\"x\"}"), 403, "ROLE_NOT_ALLOWED");
        services.failWith(DomainException.notFound("dossier"));
        assertProblem(api.postJson(BASE + ":withdraw", citizen(), ""), 404, "NOT_FOUND");
        services.failWith(DomainException.ruleViolated("SUPPLEMENT_WINDOW_OPEN", "too late"));
        assertProblem(
                api.postJson(BASE + ":request-supplement", specialist(), "{\"reason\":\"x\"}"), 409, "RULE_VIOLATED");
        services.failWith(DomainException.invalid("target", "is not a known unit code"));
        Api.Reply reply = api.postJson(
                BASE + ":steps", specialist(), "{\"step\":\"REQUEST_CONSULTATION\"," + "\"target\":\"99999\"}");
        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors()).extracting(e -> e.get("field")).containsExactly("target");
    }

    @Test
    void citizensAre403OnOfficerRoutesAndOfficersOnCitizenRoutes() {
        String citizen = citizen();
        for (String action : List.of(
                "accept",
                "request-pre-supplement",
                "reject",
                "transfer",
                "steps",
                "request-supplement",
                "refuse",
                "extend",
                "require-financial-obligation",
                "confirm-financial-obligation",
                "issue-result",
                "return-result")) {
            assertProblem(api.postJson(BASE + ":" + action, citizen, "{}"), 403, "ROLE_NOT_ALLOWED");
        }
        assertProblem(api.get("/api/v1/inbox", citizen), 403, "ROLE_NOT_ALLOWED");
        String officer = receptionOfficer();
        assertProblem(api.postJson("/api/v1/citizen/dossiers", officer, "{}"), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/citizen/dossiers", officer), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.postJson(BASE + ":resubmit", officer, "{}"), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.postJson(BASE + ":rate", officer, "{}"), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.postJson(BASE + ":withdraw", null, ""), 401, "TOKEN_MISSING");
        assertProblem(api.get(BASE + "/timeline"), 401, "TOKEN_MISSING");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void theStopRouteAdmitsTheApplicantAndTheDeskWithTheGround() {
        // Circular 03/2025 Art 7: the applicant asks online; the desk records a request filed directly or by post
        assertThat(api.postJson(BASE + ":stop", citizen(), "{\"reason\":\"Không còn nhu cầu\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.postJson(
                                BASE + ":stop",
                                receptionOfficer(),
                                "{\"reason\":\"Đơn đề nghị\",\"ground\":\"APPLICANT_REQUEST_DIRECT_OR_POSTAL\"}")
                        .status())
                .isEqualTo(200);
        assertThat(services.received())
                .filteredOn(r -> r.request() instanceof StopDossierRequest)
                .extracting(r -> ((StopDossierRequest) r.request()).getGround())
                .containsExactly(
                        vn.motcua.proto.dossier.v1.StopGround.STOP_GROUND_UNSPECIFIED,
                        vn.motcua.proto.dossier.v1.StopGround.STOP_GROUND_APPLICANT_REQUEST_DIRECT_OR_POSTAL);
        var reply = api.postJson(BASE + ":stop", receptionOfficer(), "{\"reason\":\"x\",\"ground\":\"UNIT\"}");
        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void sharedRoutesAdmitBothCitizensAndOfficers() {
        assertThat(api.postJson(BASE + ":withdraw", receptionOfficer(), "").status())
                .isEqualTo(200);
        assertThat(api.postJson(BASE + ":receive-supplement", receptionOfficer(), "")
                        .status())
                .isEqualTo(200);
        assertThat(api.get(BASE + "/timeline", specialist()).status()).isEqualTo(200);
        assertThat(services.received())
                .extracting(FakeServices.Received::method)
                .containsExactly("WithdrawDossier", "ReceiveSupplement", "GetTimeline");
    }

    @Test
    void unknownActionIsNotRouted() {
        Api.Reply reply = api.postJson(BASE + ":delete", receptionOfficer(), "{}");
        assertThat(reply.status()).isIn(404, 405);
        assertThat(services.received()).isEmpty();
    }

    private HttpResponse<byte[]> sendBytes(String path, String token) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            api.request(path)
                                    .header("Authorization", "Bearer " + token)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
