package vn.motcua.dossier.feedback.service;

import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.feedback.domain.Feedback;
import vn.motcua.dossier.feedback.domain.FeedbackAccess;

/**
 * A feedback as one caller may see it.
 *
 * @param view          PUBLIC hides the sender's name, address and contact and the linked dossier
 * @param deadlineState null on public listings
 */
public record FeedbackView(Feedback feedback, FeedbackAccess.View view, DeadlineState deadlineState) {

    public boolean isFull() {
        return view == FeedbackAccess.View.FULL;
    }
}
