package vn.motcua.dossier.feedback.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import vn.motcua.dossier.feedback.service.FeedbackQueryService;
import vn.motcua.dossier.feedback.service.FeedbackService;
import vn.motcua.dossier.feedback.service.FeedbackView;
import vn.motcua.dossier.feedback.service.SubmitFeedbackCommand;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.paging.Page;
import vn.motcua.proto.common.v1.PageInfo;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.feedback.v1.AnswerFeedbackRequest;
import vn.motcua.proto.feedback.v1.AnswerFeedbackResponse;
import vn.motcua.proto.feedback.v1.ClassifyFeedbackRequest;
import vn.motcua.proto.feedback.v1.ClassifyFeedbackResponse;
import vn.motcua.proto.feedback.v1.FeedbackServiceGrpc;
import vn.motcua.proto.feedback.v1.ForwardFeedbackRequest;
import vn.motcua.proto.feedback.v1.ForwardFeedbackResponse;
import vn.motcua.proto.feedback.v1.GetFeedbackRequest;
import vn.motcua.proto.feedback.v1.GetFeedbackResponse;
import vn.motcua.proto.feedback.v1.ListFeedbackRequest;
import vn.motcua.proto.feedback.v1.ListFeedbackResponse;
import vn.motcua.proto.feedback.v1.ListMyFeedbackRequest;
import vn.motcua.proto.feedback.v1.ListMyFeedbackResponse;
import vn.motcua.proto.feedback.v1.ListPublishedFeedbackRequest;
import vn.motcua.proto.feedback.v1.ListPublishedFeedbackResponse;
import vn.motcua.proto.feedback.v1.PublishFeedbackAnswerRequest;
import vn.motcua.proto.feedback.v1.PublishFeedbackAnswerResponse;
import vn.motcua.proto.feedback.v1.ReactToFeedbackRequest;
import vn.motcua.proto.feedback.v1.ReactToFeedbackResponse;
import vn.motcua.proto.feedback.v1.SubmitFeedbackRequest;
import vn.motcua.proto.feedback.v1.SubmitFeedbackResponse;

/**
 * motcua.feedback.v1.FeedbackService: the only feedback class that touches generated proto classes. Errors are
 * domain exceptions, mapped to gRPC status by the platform interceptor.
 */
@Singleton
public class FeedbackGrpcEndpoint extends FeedbackServiceGrpc.FeedbackServiceImplBase {

    private final FeedbackService commands;
    private final FeedbackQueryService queries;

    public FeedbackGrpcEndpoint(FeedbackService commands, FeedbackQueryService queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Override
    public void submitFeedback(SubmitFeedbackRequest r, StreamObserver<SubmitFeedbackResponse> observer) {
        FeedbackView view = commands.submit(
                CallContext.requireCaller(),
                new SubmitFeedbackCommand(
                        r.getRequestId(),
                        r.getUnitCode(),
                        r.getTitle(),
                        r.getContent(),
                        r.getSenderName(),
                        r.getSenderAddress(),
                        r.getSenderContact(),
                        r.getDossierCode()));
        reply(
                observer,
                SubmitFeedbackResponse.newBuilder()
                        .setFeedback(FeedbackMessages.feedback(view))
                        .build());
    }

    @Override
    public void classifyFeedback(ClassifyFeedbackRequest r, StreamObserver<ClassifyFeedbackResponse> observer) {
        FeedbackView view = commands.classify(
                CallContext.requireCaller(),
                r.getRequestId(),
                r.getId(),
                FeedbackMessages.classification(r.getClassification()),
                r.getNote());
        reply(
                observer,
                ClassifyFeedbackResponse.newBuilder()
                        .setFeedback(FeedbackMessages.feedback(view))
                        .build());
    }

    @Override
    public void forwardFeedback(ForwardFeedbackRequest r, StreamObserver<ForwardFeedbackResponse> observer) {
        FeedbackView view = commands.forward(
                CallContext.requireCaller(), r.getRequestId(), r.getId(), r.getForwardedTo(), r.getNote());
        reply(
                observer,
                ForwardFeedbackResponse.newBuilder()
                        .setFeedback(FeedbackMessages.feedback(view))
                        .build());
    }

    @Override
    public void answerFeedback(AnswerFeedbackRequest r, StreamObserver<AnswerFeedbackResponse> observer) {
        FeedbackView view = commands.answer(CallContext.requireCaller(), r.getRequestId(), r.getId(), r.getAnswer());
        reply(
                observer,
                AnswerFeedbackResponse.newBuilder()
                        .setFeedback(FeedbackMessages.feedback(view))
                        .build());
    }

    @Override
    public void publishFeedbackAnswer(
            PublishFeedbackAnswerRequest r, StreamObserver<PublishFeedbackAnswerResponse> observer) {
        FeedbackView view = commands.publish(CallContext.requireCaller(), r.getRequestId(), r.getId());
        reply(
                observer,
                PublishFeedbackAnswerResponse.newBuilder()
                        .setFeedback(FeedbackMessages.feedback(view))
                        .build());
    }

    @Override
    public void reactToFeedback(ReactToFeedbackRequest r, StreamObserver<ReactToFeedbackResponse> observer) {
        FeedbackView view =
                commands.react(CallContext.requireCaller(), r.getId(), FeedbackMessages.reaction(r.getReaction()));
        reply(
                observer,
                ReactToFeedbackResponse.newBuilder()
                        .setFeedback(FeedbackMessages.feedback(view))
                        .build());
    }

    @Override
    public void getFeedback(GetFeedbackRequest r, StreamObserver<GetFeedbackResponse> observer) {
        FeedbackView view = queries.get(CallContext.requireCaller(), r.getId());
        reply(
                observer,
                GetFeedbackResponse.newBuilder()
                        .setFeedback(FeedbackMessages.feedback(view))
                        .build());
    }

    @Override
    public void listFeedback(ListFeedbackRequest r, StreamObserver<ListFeedbackResponse> observer) {
        Page<FeedbackView> page = queries.list(CallContext.requireCaller(), page(r.getPage()));
        ListFeedbackResponse.Builder response =
                ListFeedbackResponse.newBuilder().setPage(PageInfo.newBuilder().setNextPageToken(page.nextToken()));
        page.items().forEach(v -> response.addItems(FeedbackMessages.feedback(v)));
        reply(observer, response.build());
    }

    @Override
    public void listPublishedFeedback(
            ListPublishedFeedbackRequest r, StreamObserver<ListPublishedFeedbackResponse> observer) {
        Page<FeedbackView> page = queries.listPublished(r.getUnitCode(), page(r.getPage()));
        ListPublishedFeedbackResponse.Builder response = ListPublishedFeedbackResponse.newBuilder()
                .setPage(PageInfo.newBuilder().setNextPageToken(page.nextToken()));
        page.items().forEach(v -> response.addItems(FeedbackMessages.feedback(v)));
        reply(observer, response.build());
    }

    @Override
    public void listMyFeedback(ListMyFeedbackRequest r, StreamObserver<ListMyFeedbackResponse> observer) {
        Page<FeedbackView> page = queries.listMine(CallContext.requireCaller(), page(r.getPage()));
        ListMyFeedbackResponse.Builder response = ListMyFeedbackResponse.newBuilder()
                .setPage(PageInfo.newBuilder().setNextPageToken(page.nextToken()));
        page.items().forEach(v -> response.addItems(FeedbackMessages.feedback(v)));
        reply(observer, response.build());
    }

    private static Page.Request page(PageRequest page) {
        return Page.Request.of(page.getPageSize(), page.getPageToken());
    }

    private static <T> void reply(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }
}
