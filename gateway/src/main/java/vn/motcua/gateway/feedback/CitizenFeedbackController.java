package vn.motcua.gateway.feedback;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.security.RoleDocs;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.feedback.v1.FeedbackServiceGrpc.FeedbackServiceBlockingStub;
import vn.motcua.proto.feedback.v1.ListMyFeedbackRequest;
import vn.motcua.proto.feedback.v1.ListMyFeedbackResponse;

/**
 * A citizen following the feedback they sent (FeedbackService.ListMyFeedback): the sender is the token's citizen id,
 * never a parameter. The controllers' work list stays GET /api/v1/feedback.
 */
@Controller("/api/v1/citizen")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CitizenFeedbackController {

    private final Downstream downstream;
    private final FeedbackServiceBlockingStub feedback;

    public CitizenFeedbackController(Downstream downstream, FeedbackServiceBlockingStub feedback) {
        this.downstream = downstream;
        this.feedback = feedback;
    }

    /** Citizen: own feedback sent online, newest first, each with its state and answer. Query: pageSize, pageToken. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_APPLICANT,
                                            parseValue = true)))
    @Get("/feedback")
    @Access(AccessPolicy.CITIZEN)
    public FeedbackJson.Page mine(
            HttpRequest<?> request, @Nullable @QueryValue String pageSize, @Nullable @QueryValue String pageToken) {
        Violations v = new Violations();
        PageRequest page = PageRequest.newBuilder()
                .setPageSize(v.pageSize("pageSize", pageSize))
                .setPageToken(v.pageToken("pageToken", pageToken))
                .build();
        v.throwIfAny();
        ListMyFeedbackRequest rpc =
                ListMyFeedbackRequest.newBuilder().setPage(page).build();
        ListMyFeedbackResponse response = downstream.call(request, feedback, s -> s.listMyFeedback(rpc));
        return FeedbackJson.Page.from(
                response.getItemsList(), response.getPage().getNextPageToken());
    }
}
