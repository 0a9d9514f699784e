package vn.motcua.gateway.feedback;

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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.motcua.gateway.dossier.IdempotencyKeys;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.security.RoleDocs;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.feedback.v1.AnswerFeedbackRequest;
import vn.motcua.proto.feedback.v1.ClassifyFeedbackRequest;
import vn.motcua.proto.feedback.v1.FeedbackClass;
import vn.motcua.proto.feedback.v1.FeedbackServiceGrpc.FeedbackServiceBlockingStub;
import vn.motcua.proto.feedback.v1.ForwardFeedbackRequest;
import vn.motcua.proto.feedback.v1.GetFeedbackRequest;
import vn.motcua.proto.feedback.v1.ListFeedbackRequest;
import vn.motcua.proto.feedback.v1.ListFeedbackResponse;
import vn.motcua.proto.feedback.v1.ListPublishedFeedbackRequest;
import vn.motcua.proto.feedback.v1.ListPublishedFeedbackResponse;
import vn.motcua.proto.feedback.v1.PublishFeedbackAnswerRequest;
import vn.motcua.proto.feedback.v1.ReactToFeedbackRequest;
import vn.motcua.proto.feedback.v1.Reaction;
import vn.motcua.proto.feedback.v1.SubmitFeedbackRequest;

/**
 * Feedback on administrative regulations (FeedbackService, served by dossier-service): submission by citizens and
 * officers, the TTHC controller's classify/forward/answer/publish actions, reactions and the public answers.
 * POST actions map Idempotency-Key to request_id; bodies are read strictly as JSON (unknown fields, wrong types,
 * unknown choices: a 400 before any call); the values' rules are the service's (FeedbackValidator), whose field
 * violations reach the client under the same JSON names.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FeedbackController {

    static final Map<String, FeedbackClass> CLASSES = Map.of(
            "NOT_ACCEPTED", FeedbackClass.FEEDBACK_CLASS_NOT_ACCEPTED,
            "STAFF_BEHAVIOUR", FeedbackClass.FEEDBACK_CLASS_STAFF_BEHAVIOUR,
            "REGULATION_IN_COMPETENCE", FeedbackClass.FEEDBACK_CLASS_REGULATION_IN_COMPETENCE,
            "REGULATION_OUT_OF_COMPETENCE", FeedbackClass.FEEDBACK_CLASS_REGULATION_OUT_OF_COMPETENCE);
    static final Map<String, Reaction> REACTIONS =
            Map.of("LIKE", Reaction.REACTION_LIKE, "DISLIKE", Reaction.REACTION_DISLIKE);

    private final Downstream downstream;
    private final FeedbackServiceBlockingStub feedback;
    private final JsonMapper json;

    public FeedbackController(Downstream downstream, FeedbackServiceBlockingStub feedback, JsonMapper json) {
        this.downstream = downstream;
        this.feedback = feedback;
        this.json = json;
    }

    /**
     * A citizen (sender from the token) or an officer recording a written or phoned-in feedback. Body {unitCode,
     * title, content, senderName?, senderAddress?, senderContact?, dossierCode?}. Answers 201 with its Location.
     */
    @Post("/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.CITIZEN_OR_OFFICER)
    public HttpResponse<FeedbackJson> submit(
            HttpRequest<?> request,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        JsonBody b = JsonBody.read(
                json,
                body,
                true,
                Set.of("unitCode", "title", "content", "senderName", "senderAddress", "senderContact", "dossierCode"),
                v);
        SubmitFeedbackRequest rpc = SubmitFeedbackRequest.newBuilder()
                .setRequestId(requestId)
                .setUnitCode(b.text("unitCode"))
                .setTitle(b.text("title"))
                .setContent(b.text("content"))
                .setSenderName(b.text("senderName"))
                .setSenderAddress(b.text("senderAddress"))
                .setSenderContact(b.text("senderContact"))
                .setDossierCode(b.text("dossierCode"))
                .build();
        v.throwIfAny();
        FeedbackJson created =
                FeedbackJson.from(call(request, s -> s.submitFeedback(rpc)).getFeedback());
        return HttpResponse.created(created, URI.create("/api/v1/feedback/" + created.id()));
    }

    /** TTHC controller: classify. Body {classification (NOT_ACCEPTED|STAFF_BEHAVIOUR|REGULATION_IN_COMPETENCE|REGULATION_OUT_OF_COMPETENCE), note?}. */
    @Post("/feedback/{id}:classify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.TTHC_CONTROLLER)
    public FeedbackJson classify(
            HttpRequest<?> request,
            @PathVariable String id,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String validId = v.code("id", id, true);
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        JsonBody b = JsonBody.read(json, body, true, Set.of("classification", "note"), v);
        FeedbackClass classification = v.oneOf("classification", b.string("classification"), true, CLASSES);
        String note = b.text("note");
        v.throwIfAny();
        ClassifyFeedbackRequest rpc = ClassifyFeedbackRequest.newBuilder()
                .setRequestId(requestId)
                .setId(validId)
                .setClassification(classification)
                .setNote(note)
                .build();
        return FeedbackJson.from(call(request, s -> s.classifyFeedback(rpc)).getFeedback());
    }

    /** TTHC controller: forward to the competent agency. Body {forwardedTo, note?}. */
    @Post("/feedback/{id}:forward")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.TTHC_CONTROLLER)
    public FeedbackJson forward(
            HttpRequest<?> request,
            @PathVariable String id,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String validId = v.code("id", id, true);
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        JsonBody b = JsonBody.read(json, body, true, Set.of("forwardedTo", "note"), v);
        String to = b.text("forwardedTo");
        String note = b.text("note");
        v.throwIfAny();
        ForwardFeedbackRequest rpc = ForwardFeedbackRequest.newBuilder()
                .setRequestId(requestId)
                .setId(validId)
                .setForwardedTo(to)
                .setNote(note)
                .build();
        return FeedbackJson.from(call(request, s -> s.forwardFeedback(rpc)).getFeedback());
    }

    /** TTHC controller: record the answer (waits for publication). Body {answer}. */
    @Post("/feedback/{id}:answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.TTHC_CONTROLLER)
    public FeedbackJson answer(
            HttpRequest<?> request,
            @PathVariable String id,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String validId = v.code("id", id, true);
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        JsonBody b = JsonBody.read(json, body, true, Set.of("answer"), v);
        String answer = b.text("answer");
        v.throwIfAny();
        AnswerFeedbackRequest rpc = AnswerFeedbackRequest.newBuilder()
                .setRequestId(requestId)
                .setId(validId)
                .setAnswer(answer)
                .build();
        return FeedbackJson.from(call(request, s -> s.answerFeedback(rpc)).getFeedback());
    }

    /** TTHC controller: publish the recorded answer. No body needed. */
    @Post("/feedback/{id}:publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.TTHC_CONTROLLER)
    public FeedbackJson publish(
            HttpRequest<?> request,
            @PathVariable String id,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String validId = v.code("id", id, true);
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        JsonBody.read(json, body, false, Set.of(), v);
        v.throwIfAny();
        PublishFeedbackAnswerRequest rpc = PublishFeedbackAnswerRequest.newBuilder()
                .setRequestId(requestId)
                .setId(validId)
                .build();
        return FeedbackJson.from(
                call(request, s -> s.publishFeedbackAnswer(rpc)).getFeedback());
    }

    /** Citizen: like or dislike a published answer (one reaction each, may change it). Body {reaction: LIKE|DISLIKE}. */
    @Post("/feedback/{id}:react")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.CITIZEN)
    public FeedbackJson.Published react(HttpRequest<?> request, @PathVariable String id, @Nullable @Body String body) {
        Violations v = new Violations();
        String validId = v.code("id", id, true);
        JsonBody b = JsonBody.read(json, body, true, Set.of("reaction"), v);
        Reaction reaction = v.oneOf("reaction", b.string("reaction"), true, REACTIONS);
        v.throwIfAny();
        ReactToFeedbackRequest rpc = ReactToFeedbackRequest.newBuilder()
                .setId(validId)
                .setReaction(reaction)
                .build();
        return FeedbackJson.Published.from(
                call(request, s -> s.reactToFeedback(rpc)).getFeedback());
    }

    /** The sender, or a TTHC controller of the unit (or above): one feedback with the sender's contact. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_FEEDBACK_READERS,
                                            parseValue = true)))
    @Get("/feedback/{id}")
    @Access(AccessPolicy.AUTHENTICATED)
    public FeedbackJson get(HttpRequest<?> request, @PathVariable String id) {
        Violations v = new Violations();
        String validId = v.code("id", id, true);
        v.throwIfAny();
        GetFeedbackRequest rpc = GetFeedbackRequest.newBuilder().setId(validId).build();
        return FeedbackJson.from(call(request, s -> s.getFeedback(rpc)).getFeedback());
    }

    /** TTHC controller: feedback of the unit subtree with deadline states, most urgent first. */
    @Get("/feedback")
    @Access(AccessPolicy.TTHC_CONTROLLER)
    public FeedbackJson.Page list(
            HttpRequest<?> request, @Nullable @QueryValue String pageSize, @Nullable @QueryValue String pageToken) {
        Violations v = new Violations();
        PageRequest page = v.page(pageSize, pageToken);
        v.throwIfAny();
        ListFeedbackRequest rpc = ListFeedbackRequest.newBuilder().setPage(page).build();
        ListFeedbackResponse response = call(request, s -> s.listFeedback(rpc));
        return FeedbackJson.Page.from(
                response.getItemsList(), response.getPage().getNextPageToken());
    }

    /** Anyone: published answers, optionally of one unit; never the sender's contact. */
    @Get("/public/feedback")
    @Access(AccessPolicy.PUBLIC)
    public FeedbackJson.PublishedPage published(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String pageSize,
            @Nullable @QueryValue String pageToken) {
        Violations v = new Violations();
        String unit = v.code("unitCode", unitCode, false);
        PageRequest page = v.page(pageSize, pageToken);
        v.throwIfAny();
        ListPublishedFeedbackRequest rpc = ListPublishedFeedbackRequest.newBuilder()
                .setUnitCode(orEmpty(unit))
                .setPage(page)
                .build();
        ListPublishedFeedbackResponse response = call(request, s -> s.listPublishedFeedback(rpc));
        return new FeedbackJson.PublishedPage(
                response.getItemsList().stream()
                        .map(FeedbackJson.Published::from)
                        .toList(),
                ProtoValues.text(response.getPage().getNextPageToken()));
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private <R> R call(HttpRequest<?> request, Function<FeedbackServiceBlockingStub, R> rpc) {
        return downstream.call(request, feedback, rpc);
    }
}
