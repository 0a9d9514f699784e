package vn.motcua.gateway.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.proto.feedback.v1.Feedback;

/**
 * A feedback on administrative regulations. state RECEIVED, REJECTED, PROCESSING, FORWARDED, ANSWERED or
 * PUBLISHED; classification NOT_ACCEPTED, STAFF_BEHAVIOUR, REGULATION_IN_COMPETENCE or
 * REGULATION_OUT_OF_COMPETENCE; deadlineState IN_TIME, NEAR_DUE or OVERDUE; instants ISO-8601 UTC.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FeedbackJson(
        String id,
        String unitCode,
        String title,
        String content,
        @Nullable String senderName,
        @Nullable String senderAddress,
        @Nullable String senderContact,
        @Nullable String dossierCode,
        @Nullable String state,
        @Nullable String stateLabel,
        @Nullable String classification,
        @Nullable String forwardedTo,
        @Nullable String answer,
        @Nullable String receivedAt,
        @Nullable String stepDueAt,
        @Nullable String answeredAt,
        @Nullable String publishedAt,
        int likes,
        int dislikes,
        @Nullable String deadlineState) {

    static FeedbackJson from(Feedback f) {
        return new FeedbackJson(
                f.getId(),
                f.getUnitCode(),
                f.getTitle(),
                f.getContent(),
                ProtoValues.text(f.getSenderName()),
                ProtoValues.text(f.getSenderAddress()),
                ProtoValues.text(f.getSenderContact()),
                ProtoValues.text(f.getDossierCode()),
                ProtoValues.enumName(f.getState(), "FEEDBACK_STATE_"),
                ProtoValues.text(f.getStateLabel()),
                ProtoValues.enumName(f.getClassification(), "FEEDBACK_CLASS_"),
                ProtoValues.text(f.getForwardedTo()),
                ProtoValues.text(f.getAnswer()),
                ProtoValues.instant(f.hasReceivedAt(), f.getReceivedAt()),
                ProtoValues.instant(f.hasStepDueAt(), f.getStepDueAt()),
                ProtoValues.instant(f.hasAnsweredAt(), f.getAnsweredAt()),
                ProtoValues.instant(f.hasPublishedAt(), f.getPublishedAt()),
                f.getLikes(),
                f.getDislikes(),
                ProtoValues.enumName(f.getDeadlineState(), "FEEDBACK_DEADLINE_STATE_"));
    }

    /** A published answer as anyone sees it: never the sender's name, address or contact. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Published(
            String id,
            String unitCode,
            String title,
            String content,
            @Nullable String classification,
            @Nullable String answer,
            @Nullable String receivedAt,
            @Nullable String publishedAt,
            int likes,
            int dislikes) {

        static Published from(Feedback f) {
            return new Published(
                    f.getId(),
                    f.getUnitCode(),
                    f.getTitle(),
                    f.getContent(),
                    ProtoValues.enumName(f.getClassification(), "FEEDBACK_CLASS_"),
                    ProtoValues.text(f.getAnswer()),
                    ProtoValues.instant(f.hasReceivedAt(), f.getReceivedAt()),
                    ProtoValues.instant(f.hasPublishedAt(), f.getPublishedAt()),
                    f.getLikes(),
                    f.getDislikes());
        }
    }

    /** One page; nextPageToken is null on the last page. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<FeedbackJson> items, @Nullable String nextPageToken) {

        static Page from(List<Feedback> items, String nextPageToken) {
            return new Page(items.stream().map(FeedbackJson::from).toList(), ProtoValues.text(nextPageToken));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PublishedPage(
            List<Published> items, @Nullable String nextPageToken) {}
}
