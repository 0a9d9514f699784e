package vn.motcua.gateway.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.FakeServices;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.proto.feedback.v1.AnswerFeedbackRequest;
import vn.motcua.proto.feedback.v1.ClassifyFeedbackRequest;
import vn.motcua.proto.feedback.v1.FeedbackClass;
import vn.motcua.proto.feedback.v1.ForwardFeedbackRequest;
import vn.motcua.proto.feedback.v1.GetFeedbackRequest;
import vn.motcua.proto.feedback.v1.ListFeedbackRequest;
import vn.motcua.proto.feedback.v1.ListMyFeedbackRequest;
import vn.motcua.proto.feedback.v1.ListPublishedFeedbackRequest;
import vn.motcua.proto.feedback.v1.PublishFeedbackAnswerRequest;
import vn.motcua.proto.feedback.v1.ReactToFeedbackRequest;
import vn.motcua.proto.feedback.v1.Reaction;
import vn.motcua.proto.feedback.v1.SubmitFeedbackRequest;

/** Feedback routes over FeedbackService: mapping, forwarded token, strict validation and gateway roles. */
@MicronautTest(transactional = false)
class FeedbackRoutesIT extends GatewayIT {

    private static final String BASE = "/api/v1/feedback/fb-7";

    private String controller() {
        return idp.officer("ks.an", "11077", "tthc_controller");
    }

    private FakeServices.Received onlyCall(String method, String token) {
        FakeServices.Received call = services.only();
        assertThat(call.method()).isEqualTo(method);
        assertThat(call.authorization()).isEqualTo(token == null ? null : "Bearer " + token);
        return call;
    }

    @Test
    void citizenAndOfficerSubmit() {
        for (String token : List.of(citizen(), receptionOfficer())) {
            services.reset();
            Api.Reply reply = api.postJson("/api/v1/feedback", token, """
                    {"unitCode":"11077","title":"Thủ tục rườm rà","content":"Yêu cầu\\nquá nhiều giấy tờ",
                     "senderName":"Nguyễn Văn An","senderContact":"0912345678",
                     "dossierCode":"H30.298.11077-250303-0001"}""", "Idempotency-Key", "fb-key");

            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            assertThat(reply.header("Location")).isEqualTo("/api/v1/feedback/fb-1");
            assertThat(reply.json())
                    .containsEntry("id", "fb-1")
                    .containsEntry("state", "ANSWERED")
                    .containsEntry("deadlineState", "NEAR_DUE")
                    .containsEntry("receivedAt", "2025-03-03T01:30:00Z");
            SubmitFeedbackRequest sent =
                    (SubmitFeedbackRequest) onlyCall("SubmitFeedback", token).request();
            assertThat(sent.getRequestId()).isEqualTo("fb-key");
            assertThat(sent.getUnitCode()).isEqualTo("11077");
            assertThat(sent.getTitle()).isEqualTo("Thủ tục rườm rà");
            assertThat(sent.getContent()).isEqualTo("Yêu cầu\nquá nhiều giấy tờ");
            assertThat(sent.getSenderName()).isEqualTo("Nguyễn Văn An");
            assertThat(sent.getSenderAddress()).isEmpty();
            assertThat(sent.getSenderContact()).isEqualTo("0912345678");
            assertThat(sent.getDossierCode()).isEqualTo("H30.298.11077-250303-0001");
        }
    }

    @Test
    void submitValidationWithoutACall() {
        Api.Reply reply =
                api.postJson("/api/v1/feedback", citizen(), "{\"unitCode\":11077,\"title\":\"a\\u0007\",\"spam\":1}");

        // the texts' rules (title, content, sender) are the service's: only the JSON's shape is checked here
        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors()).extracting(e -> e.get("field")).containsExactlyInAnyOrder("unitCode", "spam");
        assertThat(services.received()).isEmpty();
    }

    private record Case(String action, String body, String method, Consumer<Message> check) {}

    @Test
    void controllerActionsMapTheirFields() {
        List<Case> cases = List.of(
                new Case(
                        "classify",
                        "{\"classification\":\"STAFF_BEHAVIOUR\",\"note\":\"Thái độ\"}",
                        "ClassifyFeedback",
                        m -> {
                            ClassifyFeedbackRequest r = (ClassifyFeedbackRequest) m;
                            assertThat(r.getClassification()).isEqualTo(FeedbackClass.FEEDBACK_CLASS_STAFF_BEHAVIOUR);
                            assertThat(r.getNote()).isEqualTo("Thái độ");
                        }),
                new Case(
                        "forward",
                        "{\"forwardedTo\":\"Sở Tư pháp\"}",
                        "ForwardFeedback",
                        m -> assertThat(((ForwardFeedbackRequest) m).getForwardedTo())
                                .isEqualTo("Sở Tư pháp")),
                new Case(
                        "answer",
                        "{\"answer\":\"Đã sửa đổi\\nquy định\"}",
                        "AnswerFeedback",
                        m -> assertThat(((AnswerFeedbackRequest) m).getAnswer()).isEqualTo("Đã sửa đổi\nquy định")),
                new Case(
                        "publish",
                        "",
                        "PublishFeedbackAnswer",
                        m -> assertThat(((PublishFeedbackAnswerRequest) m).getId())
                                .isEqualTo("fb-7")));
        String token = controller();
        for (Case c : cases) {
            services.reset();
            Api.Reply reply =
                    api.postJson(BASE + ":" + c.action(), token, c.body(), "Idempotency-Key", "k-" + c.action());

            assertThat(reply.status()).as(c.action() + ": " + reply.body()).isEqualTo(200);
            assertThat(reply.json()).as(c.action()).containsEntry("id", "fb-7");
            FakeServices.Received call = onlyCall(c.method(), token);
            Message m = call.request();
            assertThat(m.getField(m.getDescriptorForType().findFieldByName("request_id")))
                    .isEqualTo("k-" + c.action());
            assertThat(m.getField(m.getDescriptorForType().findFieldByName("id")))
                    .isEqualTo("fb-7");
            c.check().accept(m);
        }
    }

    @Test
    void controllerActionValidationWithoutACall() {
        String token = controller();
        assertProblem(api.postJson(BASE + ":classify", token, "{\"classification\":\"RUDE\"}"), 400, "INVALID_FIELD");
        assertProblem(api.postJson(BASE + ":forward", token, "{\"note\":[\"x\"]}"), 400, "INVALID_FIELD");
        assertProblem(api.postJson(BASE + ":answer", token, "{\"answer\":1}"), 400, "INVALID_FIELD");
        assertProblem(api.postJson(BASE + ":publish", token, "{\"now\":true}"), 400, "INVALID_FIELD");
        assertProblem(api.postJson("/api/v1/feedback/fb%3B7:publish", token, ""), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void theGatewayRefusesOtherRoles() {
        String citizen = citizen();
        String specialist = idp.officer("cv.an", "11077", "specialist");
        for (String action : List.of("classify", "forward", "answer", "publish")) {
            assertProblem(api.postJson(BASE + ":" + action, citizen, "{}"), 403, "ROLE_NOT_ALLOWED");
            assertProblem(api.postJson(BASE + ":" + action, specialist, "{}"), 403, "ROLE_NOT_ALLOWED");
        }
        assertProblem(api.postJson(BASE + ":react", controller(), "{\"reaction\":\"LIKE\"}"), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/feedback", specialist), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/feedback", citizen), 403, "ROLE_NOT_ALLOWED");
        assertThat(api.get(BASE).status()).isEqualTo(401);
        assertThat(services.received()).isEmpty();
    }

    @Test
    void citizenReactsAndSeesNoSenderContact() {
        String token = citizen();
        Api.Reply reply = api.postJson(BASE + ":react", token, "{\"reaction\":\"DISLIKE\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json())
                .containsEntry("likes", 3)
                .containsEntry("dislikes", 1)
                .doesNotContainKeys("senderName", "senderContact", "senderAddress");
        ReactToFeedbackRequest sent =
                (ReactToFeedbackRequest) onlyCall("ReactToFeedback", token).request();
        assertThat(sent.getId()).isEqualTo("fb-7");
        assertThat(sent.getReaction()).isEqualTo(Reaction.REACTION_DISLIKE);

        services.reset();
        assertProblem(api.postJson(BASE + ":react", token, "{\"reaction\":1}"), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void getFeedbackForwardsTheToken() {
        String token = citizen();
        Api.Reply reply = api.get(BASE, token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json())
                .containsEntry("id", "fb-7")
                .containsEntry("senderContact", "0912345678")
                .containsEntry("classification", "REGULATION_IN_COMPETENCE")
                .containsEntry("publishedAt", null);
        assertThat(((GetFeedbackRequest) onlyCall("GetFeedback", token).request()).getId())
                .isEqualTo("fb-7");

        services.reset();
        assertProblem(api.get("/api/v1/feedback/fb%20x", token), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void controllerListsFeedbackWithPaging() {
        String token = controller();
        Api.Reply reply = api.get("/api/v1/feedback?pageSize=10&pageToken=abc", token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("nextPageToken", "f2");
        assertThat(((List<Map<String, Object>>) reply.json().get("items")).get(0))
                .containsEntry("id", "fb-1");
        ListFeedbackRequest sent =
                (ListFeedbackRequest) onlyCall("ListFeedback", token).request();
        assertThat(sent.getPage().getPageSize()).isEqualTo(10);
        assertThat(sent.getPage().getPageToken()).isEqualTo("abc");

        services.reset();
        assertProblem(api.get("/api/v1/feedback?pageSize=9999", token), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCitizenListsTheirOwnFeedbackWithPaging() {
        String token = citizen();
        Api.Reply reply = api.get("/api/v1/citizen/feedback?pageSize=5&pageToken=abc", token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("nextPageToken", "m2");
        assertThat(((List<Map<String, Object>>) reply.json().get("items")).get(0))
                .containsEntry("id", "fb-1")
                .containsEntry("state", "ANSWERED");
        ListMyFeedbackRequest sent =
                (ListMyFeedbackRequest) onlyCall("ListMyFeedback", token).request();
        assertThat(sent.getPage().getPageSize()).isEqualTo(5);
        assertThat(sent.getPage().getPageToken()).isEqualTo("abc");

        services.reset();
        assertProblem(api.get("/api/v1/citizen/feedback?pageSize=9999", token), 400, "INVALID_FIELD");
        assertProblem(api.get("/api/v1/citizen/feedback", controller()), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/citizen/feedback"), 401, "TOKEN_MISSING");
        assertThat(services.received()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void publicAnswersNeedNoTokenAndHideTheSender() {
        Api.Reply reply = api.get("/api/v1/public/feedback?unitCode=11077");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("nextPageToken", null);
        Map<String, Object> item = ((List<Map<String, Object>>) reply.json().get("items")).get(0);
        assertThat(item)
                .containsEntry("answer", "Đã đơn giản hoá")
                .doesNotContainKeys("senderName", "senderAddress", "senderContact", "dossierCode");
        assertThat(reply.body()).doesNotContain("0912345678");
        assertThat(((ListPublishedFeedbackRequest)
                                onlyCall("ListPublishedFeedback", null).request())
                        .getUnitCode())
                .isEqualTo("11077");

        services.reset();
        assertProblem(api.get("/api/v1/public/feedback?unitCode=%3Cx%3E"), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }
}
