package vn.motcua.dossier.feedback.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.feedback.domain.Feedback;
import vn.motcua.dossier.feedback.domain.FeedbackClass;
import vn.motcua.dossier.feedback.domain.Reaction;
import vn.motcua.dossier.feedback.service.FeedbackView;
import vn.motcua.platform.error.DomainException;
import vn.motcua.proto.feedback.v1.FeedbackDeadlineState;
import vn.motcua.proto.feedback.v1.FeedbackState;

/** Domain values to and from the generated feedback messages. */
final class FeedbackMessages {

    private FeedbackMessages() {}

    /** The feedback as the view allows: a PUBLIC view carries no sender data and no linked dossier. */
    static vn.motcua.proto.feedback.v1.Feedback feedback(FeedbackView view) {
        Feedback f = view.feedback();
        vn.motcua.proto.feedback.v1.Feedback.Builder b = vn.motcua.proto.feedback.v1.Feedback.newBuilder()
                .setId(f.id())
                .setUnitCode(f.unitCode())
                .setTitle(f.title())
                .setContent(f.content())
                .setState(state(f.state()))
                .setStateLabel(f.state().labelVi())
                .setReceivedAt(timestamp(f.receivedAt()))
                .setLikes(f.likes())
                .setDislikes(f.dislikes());
        if (view.isFull()) {
            b.setSenderName(f.sender().name());
            setIfPresent(f.sender().address(), b::setSenderAddress);
            setIfPresent(f.sender().contact(), b::setSenderContact);
            setIfPresent(f.dossierCode(), b::setDossierCode);
        }
        if (f.classification() != null) {
            b.setClassification(classification(f.classification()));
        }
        setIfPresent(f.forwardedTo(), b::setForwardedTo);
        setIfPresent(f.answer(), b::setAnswer);
        if (f.stepDueAt() != null) {
            b.setStepDueAt(timestamp(f.stepDueAt()));
        }
        if (f.answeredAt() != null) {
            b.setAnsweredAt(timestamp(f.answeredAt()));
        }
        if (f.publishedAt() != null) {
            b.setPublishedAt(timestamp(f.publishedAt()));
        }
        if (view.deadlineState() != null) {
            b.setDeadlineState(deadlineState(view.deadlineState()));
        }
        return b.build();
    }

    static FeedbackState state(vn.motcua.dossier.feedback.domain.FeedbackState state) {
        return FeedbackState.valueOf("FEEDBACK_STATE_" + state.name());
    }

    static vn.motcua.proto.feedback.v1.FeedbackClass classification(FeedbackClass value) {
        return vn.motcua.proto.feedback.v1.FeedbackClass.valueOf("FEEDBACK_CLASS_" + value.name());
    }

    static vn.motcua.proto.feedback.v1.Reaction reaction(Reaction value) {
        return vn.motcua.proto.feedback.v1.Reaction.valueOf("REACTION_" + value.name());
    }

    static FeedbackDeadlineState deadlineState(DeadlineState state) {
        return switch (state) {
            case IN_TIME -> FeedbackDeadlineState.FEEDBACK_DEADLINE_STATE_IN_TIME;
            case NEAR_DUE -> FeedbackDeadlineState.FEEDBACK_DEADLINE_STATE_NEAR_DUE;
            case OVERDUE -> FeedbackDeadlineState.FEEDBACK_DEADLINE_STATE_OVERDUE;
        };
    }

    /** null for UNSPECIFIED, which the service reports as a missing field. */
    static FeedbackClass classification(vn.motcua.proto.feedback.v1.FeedbackClass value) {
        return switch (value) {
            case FEEDBACK_CLASS_NOT_ACCEPTED -> FeedbackClass.NOT_ACCEPTED;
            case FEEDBACK_CLASS_STAFF_BEHAVIOUR -> FeedbackClass.STAFF_BEHAVIOUR;
            case FEEDBACK_CLASS_REGULATION_IN_COMPETENCE -> FeedbackClass.REGULATION_IN_COMPETENCE;
            case FEEDBACK_CLASS_REGULATION_OUT_OF_COMPETENCE -> FeedbackClass.REGULATION_OUT_OF_COMPETENCE;
            case FEEDBACK_CLASS_UNSPECIFIED -> null;
            case UNRECOGNIZED -> throw DomainException.invalid("classification", "is not a known classification");
        };
    }

    /** null for UNSPECIFIED, which the service reports as a missing field. */
    static Reaction reaction(vn.motcua.proto.feedback.v1.Reaction value) {
        return switch (value) {
            case REACTION_LIKE -> Reaction.LIKE;
            case REACTION_DISLIKE -> Reaction.DISLIKE;
            case REACTION_UNSPECIFIED -> null;
            case UNRECOGNIZED -> throw DomainException.invalid("reaction", "is not a known reaction");
        };
    }

    static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder()
                .setSeconds(i.getEpochSecond())
                .setNanos(i.getNano())
                .build();
    }

    private static void setIfPresent(String value, java.util.function.Consumer<String> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
