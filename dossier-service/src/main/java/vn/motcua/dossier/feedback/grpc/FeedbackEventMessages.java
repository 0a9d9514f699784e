package vn.motcua.dossier.feedback.grpc;

import static vn.motcua.dossier.feedback.grpc.FeedbackMessages.classification;
import static vn.motcua.dossier.feedback.grpc.FeedbackMessages.reaction;
import static vn.motcua.dossier.feedback.grpc.FeedbackMessages.state;
import static vn.motcua.dossier.feedback.grpc.FeedbackMessages.timestamp;

import com.google.protobuf.Timestamp;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import vn.motcua.dossier.feedback.domain.Feedback;
import vn.motcua.dossier.feedback.domain.FeedbackEvent;
import vn.motcua.dossier.feedback.domain.FeedbackState;
import vn.motcua.dossier.feedback.domain.Reaction;
import vn.motcua.dossier.feedback.service.FeedbackFeed;
import vn.motcua.proto.feedback.v1.FeedbackChanged;

/** The feedback feed's payload, {@code motcua.feedback.v1.FeedbackChanged}; absent values are left unset. */
@Singleton
public class FeedbackEventMessages implements FeedbackFeed.Encoder {

    @Override
    public FeedbackChanged changed(
            FeedbackEvent event,
            FeedbackState from,
            Feedback f,
            List<String> unitPath,
            Reaction reaction,
            Reaction previous) {
        FeedbackChanged.Builder b = FeedbackChanged.newBuilder()
                .setId(f.id())
                .setEvent(event.name())
                .setUnitCode(f.unitCode())
                .addAllUnitPath(unitPath)
                .setIntake(f.intake().name())
                .setState(state(f.state()))
                .setLikes(f.likes())
                .setDislikes(f.dislikes())
                .setDissatisfied(f.dislikes() > f.likes());
        if (f.dossierCode() != null) {
            b.setDossierCode(f.dossierCode());
        }
        if (from != null) {
            b.setFromState(state(from));
        }
        if (f.classification() != null) {
            b.setClassification(classification(f.classification()))
                    .setAboutRegulation(f.classification().aboutRegulation());
        }
        setIfPresent(f.receivedAt(), b::setReceivedAt);
        setIfPresent(f.classifiedAt(), b::setClassifiedAt);
        setIfPresent(f.forwardedAt(), b::setForwardedAt);
        setIfPresent(f.answeredAt(), b::setAnsweredAt);
        setIfPresent(f.publishedAt(), b::setPublishedAt);
        setIfPresent(f.stepDueAt(), b::setStepDueAt);
        setIfPresent(f.timeliness().classifiedInTime(), b::setClassifiedInTime);
        setIfPresent(f.timeliness().forwardedInTime(), b::setForwardedInTime);
        setIfPresent(f.timeliness().answeredInTime(), b::setAnsweredInTime);
        setIfPresent(f.timeliness().publishedInTime(), b::setPublishedInTime);
        setIfPresent(f.handledInTime(), b::setHandledInTime);
        if (reaction != null) {
            b.setReaction(reaction(reaction));
        }
        if (previous != null) {
            b.setPreviousReaction(reaction(previous));
        }
        return b.build();
    }

    private static void setIfPresent(Instant instant, Consumer<Timestamp> set) {
        if (instant != null) {
            set.accept(timestamp(instant));
        }
    }

    private static void setIfPresent(Boolean value, Consumer<Boolean> set) {
        if (value != null) {
            set.accept(value);
        }
    }
}
