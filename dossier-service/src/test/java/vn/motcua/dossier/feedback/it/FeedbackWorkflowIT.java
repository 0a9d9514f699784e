package vn.motcua.dossier.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.it.DossierItSupport;
import vn.motcua.dossier.it.workflow.SettableClock;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.testing.FeedPayloads;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.feedback.v1.AnswerFeedbackRequest;
import vn.motcua.proto.feedback.v1.ClassifyFeedbackRequest;
import vn.motcua.proto.feedback.v1.Feedback;
import vn.motcua.proto.feedback.v1.FeedbackClass;
import vn.motcua.proto.feedback.v1.FeedbackDeadlineState;
import vn.motcua.proto.feedback.v1.FeedbackServiceGrpc;
import vn.motcua.proto.feedback.v1.FeedbackState;
import vn.motcua.proto.feedback.v1.ForwardFeedbackRequest;
import vn.motcua.proto.feedback.v1.GetFeedbackRequest;
import vn.motcua.proto.feedback.v1.ListFeedbackRequest;
import vn.motcua.proto.feedback.v1.ListFeedbackResponse;
import vn.motcua.proto.feedback.v1.ListMyFeedbackRequest;
import vn.motcua.proto.feedback.v1.ListMyFeedbackResponse;
import vn.motcua.proto.feedback.v1.ListPublishedFeedbackRequest;
import vn.motcua.proto.feedback.v1.PublishFeedbackAnswerRequest;
import vn.motcua.proto.feedback.v1.ReactToFeedbackRequest;
import vn.motcua.proto.feedback.v1.Reaction;
import vn.motcua.proto.feedback.v1.SubmitFeedbackRequest;

/**
 * FeedbackService over real gRPC on a throwaway MariaDB database with the demo seed (Tứ Kỳ district, its communes,
 * the 2026 holidays) and a pinned clock: the whole walk from submission to reactions, forwarding, refusal, the
 * refusals that must write nothing, idempotency, the public listing and the controllers' work list.
 */
@MicronautTest(transactional = false)
class FeedbackWorkflowIT extends DossierItSupport {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String SENDER = "030090001234";
    private static final String CITIZEN_B = "030095005678";
    private static final String CITIZEN_C = "030099009999";

    @Inject
    SettableClock clock;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("motcua.test.settable-clock", "true");
    }

    @BeforeEach
    void pinClock() {
        clock.set(vn("2026-04-20T09:00"));
    }

    // ---- the main walk ------------------------------------------------------------------------------------------

    @Test
    void citizenFeedbackIsClassifiedAnsweredPublishedAndReactedTo() {
        Feedback f =
                fb(citizen(SENDER)).submitFeedback(submission("11077").build()).getFeedback();
        assertThat(f.getState()).isEqualTo(FeedbackState.FEEDBACK_STATE_RECEIVED);
        assertThat(f.getStateLabel()).isEqualTo("Đã tiếp nhận");
        assertThat(f.getSenderName()).isEqualTo("Nguyễn Văn An");
        assertThat(f.getDossierCode()).isEqualTo("000.02.24.H30-260415-0007");
        assertThat(instant(f.getReceivedAt())).isEqualTo(vn("2026-04-20T09:00"));
        // 5 working days; Mon 27/04 is the Hùng Kings' day off
        assertThat(instant(f.getStepDueAt())).isEqualTo(vn("2026-04-28T09:00"));
        assertThat(f.getDeadlineState()).isEqualTo(FeedbackDeadlineState.FEEDBACK_DEADLINE_STATE_IN_TIME);
        assertThat(string("SELECT sender_citizen_id FROM feedback WHERE id = ?", f.getId()))
                .isEqualTo(SENDER);
        assertThat(string("SELECT intake FROM feedback WHERE id = ?", f.getId()))
                .isEqualTo("CITIZEN_ONLINE");

        clock.set(vn("2026-04-21T10:00"));
        Feedback classified = fb(controller("298"))
                .classifyFeedback(ClassifyFeedbackRequest.newBuilder()
                        .setId(f.getId())
                        .setClassification(FeedbackClass.FEEDBACK_CLASS_REGULATION_IN_COMPETENCE)
                        .setNote("Thuộc thẩm quyền huyện")
                        .build())
                .getFeedback();
        assertThat(classified.getState()).isEqualTo(FeedbackState.FEEDBACK_STATE_PROCESSING);
        // answer within 15 working days of reception; 27/04, 30/04 and 01/05 are off
        assertThat(instant(classified.getStepDueAt())).isEqualTo(vn("2026-05-14T09:00"));

        clock.set(vn("2026-05-14T09:00"));
        Feedback answered = fb(controller("298"))
                .answerFeedback(AnswerFeedbackRequest.newBuilder()
                        .setId(f.getId())
                        .setAnswer("Quy định đã được sửa đổi.")
                        .build())
                .getFeedback();
        assertThat(answered.getState()).isEqualTo(FeedbackState.FEEDBACK_STATE_ANSWERED);
        assertThat(instant(answered.getAnsweredAt())).isEqualTo(vn("2026-05-14T09:00"));
        assertThat(instant(answered.getStepDueAt())).isEqualTo(vn("2026-05-18T09:00"));

        clock.set(vn("2026-05-18T10:00"));
        Feedback published = fb(controller("11077"))
                .publishFeedbackAnswer(PublishFeedbackAnswerRequest.newBuilder()
                        .setId(f.getId())
                        .build())
                .getFeedback();
        assertThat(published.getState()).isEqualTo(FeedbackState.FEEDBACK_STATE_PUBLISHED);
        assertThat(published.hasStepDueAt()).isFalse();
        assertThat(published.getDeadlineState())
                .as("published an hour late")
                .isEqualTo(FeedbackDeadlineState.FEEDBACK_DEADLINE_STATE_OVERDUE);
        assertThat(flags(f.getId())).containsExactly(true, null, true, false);

        Feedback liked = react(CITIZEN_B, f.getId(), Reaction.REACTION_LIKE);
        assertThat(liked.getSenderName())
                .as("another citizen sees the public view")
                .isEmpty();
        assertThat(liked.getDossierCode()).isEmpty();
        react(CITIZEN_C, f.getId(), Reaction.REACTION_DISLIKE);
        Feedback changed = react(CITIZEN_B, f.getId(), Reaction.REACTION_DISLIKE);
        assertThat(List.of(changed.getLikes(), changed.getDislikes())).containsExactly(0, 2);
        long events = count("feed_outbox");
        Feedback repeated = react(CITIZEN_B, f.getId(), Reaction.REACTION_DISLIKE);
        assertThat(List.of(repeated.getLikes(), repeated.getDislikes())).containsExactly(0, 2);
        assertThat(count("feed_outbox"))
                .as("repeating a reaction writes nothing")
                .isEqualTo(events);
        Feedback own = react(SENDER, f.getId(), Reaction.REACTION_LIKE);
        assertThat(own.getSenderName()).as("the sender sees everything").isEqualTo("Nguyễn Văn An");
        assertThat(List.of(own.getLikes(), own.getDislikes())).containsExactly(1, 2);
        assertThat(count("feedback_reaction WHERE feedback_id = '" + f.getId() + "'"))
                .isEqualTo(3);

        List<String[]> feed = events(f.getId());
        assertThat(feed)
                .extracting(e -> e[0])
                .containsExactly(
                        "feedback.received",
                        "feedback.classified",
                        "feedback.answered",
                        "feedback.published",
                        "feedback.reacted",
                        "feedback.reacted",
                        "feedback.reacted",
                        "feedback.reacted");
        for (String[] e : feed) {
            assertThat(e[1])
                    .contains("\"unitPath\":[\"30\",\"298\",\"11077\"]")
                    .doesNotContain(SENDER)
                    .doesNotContain(CITIZEN_B)
                    .doesNotContain("Nguyễn")
                    .doesNotContain("0912345678")
                    .doesNotContain("Thôn Đông")
                    .doesNotContain("Lệ phí")
                    .doesNotContain("Quy định đã");
        }
        assertThat(feed.get(1)[1])
                .contains("\"classification\":\"FEEDBACK_CLASS_REGULATION_IN_COMPETENCE\"")
                .contains("\"classifiedInTime\":true")
                .contains("\"stepDueAt\":\"2026-05-14T02:00:00Z\"");
        assertThat(feed.get(3)[1])
                .contains("\"answeredAt\":\"2026-05-14T02:00:00Z\"")
                .contains("\"publishedAt\":\"2026-05-18T03:00:00Z\"")
                .contains("\"answeredInTime\":true")
                .contains("\"publishedInTime\":false")
                .contains("\"handledInTime\":false");
        assertThat(feed.get(7)[1])
                .contains("\"likes\":1")
                .contains("\"dislikes\":2")
                .contains("\"dissatisfied\":true")
                .contains("\"reaction\":\"REACTION_LIKE\"");
    }

    @Test
    void staffBehaviourIsForwardedLateButStillForwardedAndNeverAnswered() {
        Feedback f = fb(desk("11080"))
                .submitFeedback(submission("11080")
                        .setSenderName("Trần Thị Bình")
                        .clearDossierCode()
                        .build())
                .getFeedback();
        assertThat(string("SELECT intake FROM feedback WHERE id = ?", f.getId()))
                .isEqualTo("OFFICER_RECORDED");
        assertThat(string("SELECT sender_citizen_id FROM feedback WHERE id = ?", f.getId()))
                .isNull();

        Feedback processing = classify(controller("11080"), f.getId(), FeedbackClass.FEEDBACK_CLASS_STAFF_BEHAVIOUR);
        assertThat(processing.getState()).isEqualTo(FeedbackState.FEEDBACK_STATE_PROCESSING);
        assertThat(instant(processing.getStepDueAt())).isEqualTo(vn("2026-04-28T09:00"));

        Map<String, Long> before = footprint();
        StatusRuntimeException answer = failure(() -> fb(controller("11080"))
                .answerFeedback(AnswerFeedbackRequest.newBuilder()
                        .setId(f.getId())
                        .setAnswer("Trả lời")
                        .setRequestId("ans-1")
                        .build()));
        assertThat(answer.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.errorInfo(answer).getReason()).isEqualTo("RULE_VIOLATED");
        assertThat(GrpcErrors.errorInfo(answer).getMetadataMap()).containsEntry("rule", "MUST_BE_FORWARDED");
        assertThat(footprint()).isEqualTo(before);

        clock.set(vn("2026-04-29T08:00"));
        Feedback forwarded = fb(controller("298"))
                .forwardFeedback(ForwardFeedbackRequest.newBuilder()
                        .setId(f.getId())
                        .setForwardedTo("Phòng Nội vụ huyện Tứ Kỳ")
                        .build())
                .getFeedback();
        assertThat(forwarded.getState()).isEqualTo(FeedbackState.FEEDBACK_STATE_FORWARDED);
        assertThat(forwarded.getForwardedTo()).isEqualTo("Phòng Nội vụ huyện Tứ Kỳ");
        assertThat(forwarded.getDeadlineState()).isEqualTo(FeedbackDeadlineState.FEEDBACK_DEADLINE_STATE_OVERDUE);
        assertThat(flags(f.getId())).containsExactly(true, false, null, null);
        assertThat(events(f.getId()).get(2)[0]).isEqualTo("feedback.forwarded");
        assertThat(events(f.getId()).get(2)[1])
                .contains("\"forwardedInTime\":false")
                .contains("\"handledInTime\":false")
                .doesNotContain("Trần");
    }

    @Test
    void notAcceptedFeedbackIsRefusedAndJudgedAgainstTwoWorkingDays() {
        clock.set(vn("2026-03-12T10:00"));
        String onTime = fb(citizen(SENDER))
                .submitFeedback(submission("11074").build())
                .getFeedback()
                .getId();
        String late = fb(citizen(SENDER))
                .submitFeedback(submission("11074").build())
                .getFeedback()
                .getId();

        clock.set(vn("2026-03-16T10:00"));
        Feedback refused = classify(controller("11074"), onTime, FeedbackClass.FEEDBACK_CLASS_NOT_ACCEPTED);
        assertThat(refused.getState()).isEqualTo(FeedbackState.FEEDBACK_STATE_REJECTED);
        assertThat(refused.getStateLabel()).isEqualTo("Không tiếp nhận");
        assertThat(refused.hasStepDueAt()).isFalse();
        assertThat(refused.getDeadlineState()).isEqualTo(FeedbackDeadlineState.FEEDBACK_DEADLINE_STATE_IN_TIME);
        clock.set(vn("2026-03-16T10:01"));
        Feedback refusedLate = classify(controller("11074"), late, FeedbackClass.FEEDBACK_CLASS_NOT_ACCEPTED);
        assertThat(refusedLate.getDeadlineState()).isEqualTo(FeedbackDeadlineState.FEEDBACK_DEADLINE_STATE_OVERDUE);
        assertThat(flags(onTime).get(0)).isTrue();
        assertThat(flags(late).get(0)).isFalse();
        assertThat(events(late).get(1)[1])
                .contains("\"state\":\"FEEDBACK_STATE_REJECTED\"")
                .contains("\"handledInTime\":false");
    }

    // ---- refusals -------------------------------------------------------------------------------------------------

    @Test
    void illegalTransitionsWrongRolesAndForeignScopesWriteNothing() {
        String id = fb(citizen(SENDER))
                .submitFeedback(submission("11083").build())
                .getFeedback()
                .getId();
        String published = publishedAt("11083");
        Map<String, Long> before = footprint();

        assertIllegal(
                () -> fb(controller("11083"))
                        .publishFeedbackAnswer(PublishFeedbackAnswerRequest.newBuilder()
                                .setId(id)
                                .setRequestId("pub-1")
                                .build()),
                "RECEIVED",
                "PUBLISH");
        assertIllegal(
                () -> fb(controller("11083"))
                        .answerFeedback(AnswerFeedbackRequest.newBuilder()
                                .setId(id)
                                .setAnswer("x")
                                .build()),
                "RECEIVED",
                "ANSWER");
        assertIllegal(
                () -> fb(controller("11083"))
                        .forwardFeedback(ForwardFeedbackRequest.newBuilder()
                                .setId(id)
                                .setForwardedTo("Sở Tư pháp")
                                .build()),
                "RECEIVED",
                "FORWARD");
        assertIllegal(() -> react(SENDER, id, Reaction.REACTION_LIKE), "RECEIVED", "REACT");
        assertIllegal(
                () -> classify(controller("11083"), published, FeedbackClass.FEEDBACK_CLASS_NOT_ACCEPTED),
                "PUBLISHED",
                "CLASSIFY");

        for (String wrong : List.of(
                desk("11083"),
                idp.officer("cv.11083", "11083", "specialist"),
                idp.officer("ld.11083", "11083", "unit_leader"),
                idp.officer("qt.11083", "11083", "unit_admin"),
                citizen(SENDER))) {
            assertCode(
                    () -> classify(wrong, id, FeedbackClass.FEEDBACK_CLASS_NOT_ACCEPTED),
                    Status.Code.PERMISSION_DENIED);
            assertCode(
                    () -> classify(wrong, "no-such-feedback", FeedbackClass.FEEDBACK_CLASS_NOT_ACCEPTED),
                    Status.Code.PERMISSION_DENIED);
        }
        assertCode(() -> react(null, published, Reaction.REACTION_LIKE), Status.Code.UNAUTHENTICATED);
        assertCode(
                () -> fb(controller("11083"))
                        .reactToFeedback(ReactToFeedbackRequest.newBuilder()
                                .setId(published)
                                .setReaction(Reaction.REACTION_LIKE)
                                .build()),
                Status.Code.PERMISSION_DENIED);
        assertCode(
                () -> classify(controller("11080"), id, FeedbackClass.FEEDBACK_CLASS_NOT_ACCEPTED),
                Status.Code.NOT_FOUND);
        assertCode(
                () -> classify(controller("11083"), "no-such-feedback", FeedbackClass.FEEDBACK_CLASS_NOT_ACCEPTED),
                Status.Code.NOT_FOUND);
        assertCode(() -> react(CITIZEN_B, id, Reaction.REACTION_LIKE), Status.Code.NOT_FOUND);
        assertCode(() -> react(CITIZEN_B, published, Reaction.REACTION_UNSPECIFIED), Status.Code.INVALID_ARGUMENT);
        assertCode(() -> get(citizen(CITIZEN_B), id), Status.Code.NOT_FOUND);
        assertCode(() -> get(controller("11080"), id), Status.Code.NOT_FOUND);
        assertCode(() -> get(idp.officer("cv.11083", "11083", "specialist"), id), Status.Code.PERMISSION_DENIED);

        assertCode(
                () -> fb(idp.officer("cv.11083", "11083", "specialist"))
                        .submitFeedback(submission("11083").build()),
                Status.Code.PERMISSION_DENIED);
        assertCode(() -> fb(desk("11080")).submitFeedback(submission("11083").build()), Status.Code.NOT_FOUND);
        assertCode(() -> fb(citizen(SENDER)).submitFeedback(submission("99999").build()), Status.Code.NOT_FOUND);
        assertCode(
                () -> fb(idp.citizen("cd.noid", null))
                        .submitFeedback(submission("11083").build()),
                Status.Code.PERMISSION_DENIED);
        StatusRuntimeException invalid = failure(() -> fb(citizen(SENDER))
                .submitFeedback(submission("11083")
                        .setTitle("T".repeat(301))
                        .setContent("chuông\u0007")
                        .setDossierCode("HS-1")
                        .setSenderName("")
                        .build()));
        assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.badRequest(invalid).getFieldViolationsList())
                .extracting(v -> v.getField())
                .containsExactlyInAnyOrder("title", "content", "dossier_code", "sender_name");
        assertCode(
                () -> fb(citizen(SENDER))
                        .submitFeedback(submission("11083")
                                .setContent("x".repeat(10_001))
                                .build()),
                Status.Code.INVALID_ARGUMENT);
        assertCode(
                () -> fb(controller("11083"))
                        .classifyFeedback(
                                ClassifyFeedbackRequest.newBuilder().setId(id).build()),
                Status.Code.INVALID_ARGUMENT);

        assertThat(footprint()).isEqualTo(before);

        // the refused PUBLISH rolled its request-id claim back: the id is free for a legal request
        assertThat(fb(controller("11083"))
                        .classifyFeedback(ClassifyFeedbackRequest.newBuilder()
                                .setId(id)
                                .setRequestId("pub-1")
                                .setClassification(FeedbackClass.FEEDBACK_CLASS_REGULATION_IN_COMPETENCE)
                                .build())
                        .getFeedback()
                        .getState())
                .isEqualTo(FeedbackState.FEEDBACK_STATE_PROCESSING);
        assertIllegal(
                () -> classify(controller("11083"), id, FeedbackClass.FEEDBACK_CLASS_NOT_ACCEPTED),
                "PROCESSING",
                "CLASSIFY");
    }

    @Test
    void sameRequestIdReplaysAndADifferentBodyIsRefused() {
        String token = citizen(SENDER);
        Feedback first = fb(token)
                .submitFeedback(submission("11086").setRequestId("pakn-1").build())
                .getFeedback();
        Feedback again = fb(token)
                .submitFeedback(submission("11086").setRequestId("pakn-1").build())
                .getFeedback();
        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(count("feedback WHERE unit_code = '11086'")).isEqualTo(1);
        assertCode(
                () -> fb(token)
                        .submitFeedback(submission("11086")
                                .setRequestId("pakn-1")
                                .setTitle("Khác")
                                .build()),
                Status.Code.ALREADY_EXISTS);

        ClassifyFeedbackRequest classify = ClassifyFeedbackRequest.newBuilder()
                .setId(first.getId())
                .setRequestId("cls-1")
                .setClassification(FeedbackClass.FEEDBACK_CLASS_REGULATION_OUT_OF_COMPETENCE)
                .build();
        fb(controller("11086")).classifyFeedback(classify);
        Feedback replayed = fb(controller("11086")).classifyFeedback(classify).getFeedback();
        assertThat(replayed.getState()).isEqualTo(FeedbackState.FEEDBACK_STATE_PROCESSING);
        assertThat(events(first.getId()))
                .extracting(e -> e[0])
                .containsExactly("feedback.received", "feedback.classified");
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    @Test
    void publicListingShowsPublishedAnswersWithoutSenderData() {
        String published = publishedAt("11092");
        fb(citizen(SENDER)).submitFeedback(submission("11092").build());

        List<Feedback> items = fb(null).listPublishedFeedback(ListPublishedFeedbackRequest.newBuilder()
                        .setUnitCode("11092")
                        .build())
                .getItemsList();
        assertThat(items).extracting(Feedback::getId).containsExactly(published);
        Feedback item = items.get(0);
        assertThat(item.getAnswer()).isEqualTo("Đã trả lời công khai.");
        assertThat(item.getTitle()).isEqualTo("Lệ phí chứng thực");
        assertThat(List.of(
                        item.getSenderName(), item.getSenderAddress(), item.getSenderContact(), item.getDossierCode()))
                .containsOnly("");
        assertThat(fb(null).listPublishedFeedback(ListPublishedFeedbackRequest.newBuilder()
                                .setUnitCode("298")
                                .build())
                        .getItemsList())
                .extracting(Feedback::getId)
                .contains(published);
        assertCode(
                () -> fb(null).listPublishedFeedback(ListPublishedFeedbackRequest.newBuilder()
                        .setUnitCode("99999")
                        .build()),
                Status.Code.NOT_FOUND);
        assertCode(() -> fb(null).listFeedback(ListFeedbackRequest.getDefaultInstance()), Status.Code.UNAUTHENTICATED);

        Feedback publicView = get(citizen(CITIZEN_B), published);
        assertThat(publicView.getSenderName()).isEmpty();
        assertThat(get(citizen(SENDER), published).getSenderContact()).isEqualTo("0912345678");
        assertThat(get(controller("298"), published).getSenderAddress()).isEqualTo("Thôn Đông, xã Ngọc Sơn");
    }

    @Test
    void controllersWorkListPutsTheMostUrgentStepFirstWithDeadlineStates() {
        String unit = "11089";
        clock.set(vn("2026-03-02T09:00"));
        String a = fb(citizen(SENDER))
                .submitFeedback(submission(unit).build())
                .getFeedback()
                .getId();
        clock.set(vn("2026-03-03T09:00"));
        String b = fb(citizen(SENDER))
                .submitFeedback(submission(unit).build())
                .getFeedback()
                .getId();
        String d = fb(citizen(SENDER))
                .submitFeedback(submission(unit).build())
                .getFeedback()
                .getId();
        classify(controller(unit), b, FeedbackClass.FEEDBACK_CLASS_REGULATION_IN_COMPETENCE);
        clock.set(vn("2026-03-04T09:00"));
        String c = fb(citizen(SENDER))
                .submitFeedback(submission(unit).build())
                .getFeedback()
                .getId();
        String e = fb(citizen(SENDER))
                .submitFeedback(submission(unit).build())
                .getFeedback()
                .getId();
        classify(controller(unit), e, FeedbackClass.FEEDBACK_CLASS_NOT_ACCEPTED);

        clock.set(vn("2026-03-09T10:00"));
        Map<String, FeedbackDeadlineState> listed = new LinkedHashMap<>();
        String token = "";
        do {
            ListFeedbackResponse page = fb(controller(unit))
                    .listFeedback(ListFeedbackRequest.newBuilder()
                            .setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(token))
                            .build());
            assertThat(page.getItemsCount()).isLessThanOrEqualTo(2);
            page.getItemsList().forEach(i -> listed.put(i.getId(), i.getDeadlineState()));
            token = page.getPage().getNextPageToken();
        } while (!token.isEmpty());

        // a due Mon 09/03 09:00 (passed), d Tue 10/03 09:00 (8 working hours left), c Wed 11/03 09:00,
        // b answer due in 15 working days, e refused in time (no step owed) last
        assertThat(listed.keySet()).containsExactly(a, d, c, b, e);
        assertThat(listed.values())
                .containsExactly(
                        FeedbackDeadlineState.FEEDBACK_DEADLINE_STATE_OVERDUE,
                        FeedbackDeadlineState.FEEDBACK_DEADLINE_STATE_NEAR_DUE,
                        FeedbackDeadlineState.FEEDBACK_DEADLINE_STATE_IN_TIME,
                        FeedbackDeadlineState.FEEDBACK_DEADLINE_STATE_IN_TIME,
                        FeedbackDeadlineState.FEEDBACK_DEADLINE_STATE_IN_TIME);
        assertThat(fb(controller("298"))
                        .listFeedback(ListFeedbackRequest.newBuilder()
                                .setPage(PageRequest.newBuilder().setPageSize(500))
                                .build())
                        .getItemsList())
                .extracting(Feedback::getId)
                .as("the district controller sees the communes below")
                .contains(a, b, c, d, e);
        assertThat(fb(controller("11080"))
                        .listFeedback(ListFeedbackRequest.getDefaultInstance())
                        .getItemsList())
                .extracting(Feedback::getId)
                .doesNotContain(a, b, c, d, e);
        assertCode(
                () -> fb(desk(unit)).listFeedback(ListFeedbackRequest.getDefaultInstance()),
                Status.Code.PERMISSION_DENIED);
        assertCode(
                () -> fb(citizen(SENDER)).listFeedback(ListFeedbackRequest.getDefaultInstance()),
                Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aCitizenListsTheFeedbackTheySentNewestFirst() {
        String citizenId = "030088007777";
        clock.set(vn("2026-03-02T09:00"));
        String first = fb(citizen(citizenId))
                .submitFeedback(submission("11077").build())
                .getFeedback()
                .getId();
        clock.set(vn("2026-03-03T09:00"));
        String second = fb(citizen(citizenId))
                .submitFeedback(submission("11080").build())
                .getFeedback()
                .getId();
        fb(citizen(CITIZEN_C)).submitFeedback(submission("11077").build());
        String recorded = fb(desk("11077"))
                .submitFeedback(submission("11077").build())
                .getFeedback()
                .getId();

        List<String> listed = new ArrayList<>();
        String token = "";
        do {
            ListMyFeedbackResponse page = fb(citizen(citizenId))
                    .listMyFeedback(ListMyFeedbackRequest.newBuilder()
                            .setPage(PageRequest.newBuilder().setPageSize(1).setPageToken(token))
                            .build());
            assertThat(page.getItemsCount()).isLessThanOrEqualTo(1);
            page.getItemsList().forEach(i -> {
                assertThat(i.getSenderContact())
                        .as("the sender sees their own contact")
                        .isEqualTo("0912345678");
                listed.add(i.getId());
            });
            token = page.getPage().getNextPageToken();
        } while (!token.isEmpty());

        // another citizen's and a desk-recorded feedback (no citizen id kept) are not theirs
        assertThat(listed).containsExactly(second, first).doesNotContain(recorded);
        assertCode(
                () -> fb(controller("11077")).listMyFeedback(ListMyFeedbackRequest.getDefaultInstance()),
                Status.Code.PERMISSION_DENIED);
        assertCode(
                () -> fb(idp.citizen("cd.noid2", null)).listMyFeedback(ListMyFeedbackRequest.getDefaultInstance()),
                Status.Code.PERMISSION_DENIED);
        assertCode(
                () -> fb(null).listMyFeedback(ListMyFeedbackRequest.getDefaultInstance()), Status.Code.UNAUTHENTICATED);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private FeedbackServiceGrpc.FeedbackServiceBlockingStub fb(String token) {
        return authorised(FeedbackServiceGrpc.newBlockingStub(channel), token);
    }

    private String controller(String unit) {
        return idp.officer("kt." + unit, unit, "tthc_controller");
    }

    private String desk(String unit) {
        return idp.officer("mc." + unit, unit, "reception_officer");
    }

    private String citizen(String citizenId) {
        return idp.citizen("cd." + citizenId, citizenId);
    }

    private static SubmitFeedbackRequest.Builder submission(String unit) {
        return SubmitFeedbackRequest.newBuilder()
                .setUnitCode(unit)
                .setTitle("Lệ phí chứng thực")
                .setContent("Đề nghị giảm lệ phí chứng thực bản sao.\nXin cảm ơn.")
                .setSenderName("Nguyễn Văn An")
                .setSenderAddress("Thôn Đông, xã Ngọc Sơn")
                .setSenderContact("0912345678")
                .setDossierCode("000.02.24.H30-260415-0007");
    }

    private Feedback classify(String token, String id, FeedbackClass as) {
        return fb(token)
                .classifyFeedback(ClassifyFeedbackRequest.newBuilder()
                        .setId(id)
                        .setClassification(as)
                        .build())
                .getFeedback();
    }

    private Feedback react(String citizenId, String id, Reaction reaction) {
        return fb(citizenId == null ? null : citizen(citizenId))
                .reactToFeedback(ReactToFeedbackRequest.newBuilder()
                        .setId(id)
                        .setReaction(reaction)
                        .build())
                .getFeedback();
    }

    private Feedback get(String token, String id) {
        return fb(token)
                .getFeedback(GetFeedbackRequest.newBuilder().setId(id).build())
                .getFeedback();
    }

    /** A feedback of {@code unit} taken through classification, answer and publication by its controller. */
    private String publishedAt(String unit) {
        String id = fb(citizen(SENDER))
                .submitFeedback(submission(unit).build())
                .getFeedback()
                .getId();
        classify(controller(unit), id, FeedbackClass.FEEDBACK_CLASS_REGULATION_IN_COMPETENCE);
        fb(controller(unit))
                .answerFeedback(AnswerFeedbackRequest.newBuilder()
                        .setId(id)
                        .setAnswer("Đã trả lời công khai.")
                        .build());
        fb(controller(unit))
                .publishFeedbackAnswer(
                        PublishFeedbackAnswerRequest.newBuilder().setId(id).build());
        return id;
    }

    private static void assertIllegal(Runnable call, String from, String event) {
        StatusRuntimeException e = failure(call);
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.errorInfo(e).getReason()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(GrpcErrors.errorInfo(e).getMetadataMap())
                .containsEntry("from", from)
                .containsEntry("event", event);
    }

    private Map<String, Long> footprint() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("feedback", "feedback_reaction", "feed_outbox", "idempotent_request")) {
            counts.put(table, count(table));
        }
        counts.put(
                "feedback versions",
                Long.parseLong(string("SELECT CAST(COALESCE(SUM(row_version), 0) AS CHAR) FROM feedback", null)));
        return counts;
    }

    /** classified, forwarded, answered, published in-time flags as stored. */
    private List<Boolean> flags(String id) {
        return query(
                "SELECT classified_in_time, forwarded_in_time, answered_in_time, published_in_time FROM feedback"
                        + " WHERE id = ?",
                id,
                rs -> {
                    rs.next();
                    List<Boolean> flags = new ArrayList<>();
                    for (int i = 1; i <= 4; i++) {
                        boolean v = rs.getBoolean(i);
                        flags.add(rs.wasNull() ? null : v);
                    }
                    return flags;
                });
    }

    private List<String[]> events(String id) {
        return query(
                "SELECT event_type, " + FeedPayloads.COLUMNS + " FROM feed_outbox WHERE aggregate_type ="
                        + " 'feedback' AND aggregate_id = ? ORDER BY id",
                id,
                rs -> {
                    List<String[]> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), FeedPayloads.json(rs.getString(2), rs.getBytes(3))});
                    }
                    return rows;
                });
    }

    private String string(String sql, String arg) {
        return query(sql, arg, rs -> rs.next() ? rs.getString(1) : null);
    }

    private <T> T query(String sql, String arg, Reader<T> reader) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static Instant vn(String local) {
        return LocalDateTime.parse(local).atZone(VN).toInstant();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
