package vn.motcua.dossier.feedback.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.dossier.feedback.domain.FeedbackFixtures.CALCULATOR;
import static vn.motcua.dossier.feedback.domain.FeedbackFixtures.DEADLINES;
import static vn.motcua.dossier.feedback.domain.FeedbackFixtures.received;
import static vn.motcua.dossier.feedback.domain.FeedbackFixtures.vn;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.calendar.DeadlineState;

/**
 * The 2, 5 and 15 working-day limits at their exact edges, across weekends and the 2026 holidays, on the default
 * policy (a working day is 8 working hours walked from the moment of the step; sessions 07:00–11:30, 13:30–17:00).
 * Expected moments are worked out by hand from the calendar, not by the code under test.
 */
class FeedbackDeadlinesTest {

    private static final Duration MICRO = Duration.ofNanos(1_000);

    @Test
    void refusalWithinTwoWorkingDaysSkipsTheWeekend() {
        // Thu 10:00: Thu 5 h + Fri 8 h + Mon 07:00-10:00 3 h = 16 h
        Instant receivedAt = vn("2026-03-12T10:00");
        assertThat(DEADLINES.refuseDue(receivedAt)).isEqualTo(vn("2026-03-16T10:00"));

        Feedback refusedOnTheDot =
                received(receivedAt).classify(FeedbackClass.NOT_ACCEPTED, null, vn("2026-03-16T10:00"), DEADLINES);
        Feedback refusedJustAfter = received(receivedAt)
                .classify(
                        FeedbackClass.NOT_ACCEPTED, null, vn("2026-03-16T10:00").plus(MICRO), DEADLINES);
        assertThat(refusedOnTheDot.state()).isEqualTo(FeedbackState.REJECTED);
        assertThat(refusedOnTheDot.stepDueAt()).isNull();
        assertThat(refusedOnTheDot.timeliness().classifiedInTime()).isTrue();
        assertThat(refusedOnTheDot.handledInTime()).isTrue();
        assertThat(refusedJustAfter.timeliness().classifiedInTime()).isFalse();
        assertThat(refusedJustAfter.handledInTime()).isFalse();
    }

    @Test
    void receptionOnASaturdayCountsFromMondayMorningAndEndsAtClosingTime() {
        assertThat(DEADLINES.refuseDue(vn("2026-03-14T10:00"))).isEqualTo(vn("2026-03-17T17:00"));
    }

    @Test
    void forwardingWithinFiveWorkingDaysSkipsTheHungKingsMonday() {
        // Mon 20/04 09:00 + 5 working days would be Mon 27/04 09:00, a day off: Tue 28/04 09:00
        Instant receivedAt = vn("2026-04-20T09:00");
        Feedback f = received(receivedAt);
        assertThat(f.stepDueAt()).isEqualTo(vn("2026-04-28T09:00"));

        Feedback staff = f.classify(FeedbackClass.STAFF_BEHAVIOUR, null, vn("2026-04-28T09:00"), DEADLINES);
        assertThat(staff.state()).isEqualTo(FeedbackState.PROCESSING);
        assertThat(staff.stepDueAt()).as("still the forwarding deadline").isEqualTo(vn("2026-04-28T09:00"));
        assertThat(staff.timeliness().classifiedInTime()).isTrue();
        assertThat(staff.forward("UBND huyện", null, vn("2026-04-28T09:00"), DEADLINES)
                        .timeliness()
                        .forwardedInTime())
                .isTrue();

        Feedback late = staff.forward("UBND huyện", null, vn("2026-04-28T09:00").plus(MICRO), DEADLINES);
        assertThat(late.state()).as("late, but forwarded all the same").isEqualTo(FeedbackState.FORWARDED);
        assertThat(late.timeliness().forwardedInTime()).isFalse();
        assertThat(late.stepDueAt()).isNull();
        assertThat(late.handledInTime()).isFalse();
    }

    @Test
    void forwardingAcrossNationalDaySkipsThreeDaysOff() {
        // Thu 27/08 08:00: Fri 28, (31/08, 01-02/09 off) Thu 03, Fri 04, Mon 07, Tue 08/09
        assertThat(DEADLINES.forwardDue(vn("2026-08-27T08:00"))).isEqualTo(vn("2026-09-08T08:00"));
    }

    @Test
    void theMakeUpSaturdayIsAWorkingDay() {
        // Fri 21/08 16:00: Fri 1 h + Sat 22/08 (make-up) 8 h + Mon 07:00-11:30, 13:30-16:00 7 h
        assertThat(DEADLINES.publishDue(vn("2026-08-21T16:00"))).isEqualTo(vn("2026-08-24T16:00"));
    }

    @Test
    void answerWithinFifteenWorkingDaysSkipsTheHolidaysOfLateApril() {
        // Mon 20/04 09:00: 21-24 (4), 28-29 (6), 04-08/05 (11), 11-14/05 (15); 27/04, 30/04, 01/05 are off
        Instant receivedAt = vn("2026-04-20T09:00");
        Feedback processing = received(receivedAt)
                .classify(FeedbackClass.REGULATION_IN_COMPETENCE, null, vn("2026-04-21T09:00"), DEADLINES);
        assertThat(processing.stepDueAt()).isEqualTo(vn("2026-05-14T09:00"));

        Feedback onTheDot = processing.answer("Trả lời", vn("2026-05-14T09:00"), DEADLINES);
        assertThat(onTheDot.timeliness().answeredInTime()).isTrue();
        assertThat(processing
                        .answer("Trả lời", vn("2026-05-14T09:00").plus(MICRO), DEADLINES)
                        .timeliness()
                        .answeredInTime())
                .isFalse();
    }

    @Test
    void aProvinceWithATenDayAnswerLimitGetsAnEarlierDeadline() {
        FeedbackDeadlines tenDays = new FeedbackDeadlines(CALCULATOR, 10);
        // Mon 20/04 09:00: day 7 is Mon 04/05, day 10 Thu 07/05
        assertThat(tenDays.answerDue(vn("2026-04-20T09:00"))).isEqualTo(vn("2026-05-07T09:00"));
        assertThatThrownBy(() -> new FeedbackDeadlines(CALCULATOR, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeedbackDeadlines(CALCULATOR, 61)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publicationWithinTwoWorkingDaysOfTheAnswerSkipsTet() {
        // Fri 13/02 15:00: Fri 2 h, (16-20/02 Tết) Mon 23/02 8 h, Tue 24/02 07:00-11:30, 13:30-15:00 6 h
        Feedback processing = received(vn("2026-02-02T08:00"))
                .classify(FeedbackClass.REGULATION_IN_COMPETENCE, null, vn("2026-02-03T08:00"), DEADLINES);
        Feedback answered = processing.answer("Trả lời", vn("2026-02-13T15:00"), DEADLINES);
        assertThat(answered.state()).isEqualTo(FeedbackState.ANSWERED);
        assertThat(answered.stepDueAt()).isEqualTo(vn("2026-02-24T15:00"));

        Feedback published = answered.publish(vn("2026-02-24T15:00"), DEADLINES);
        assertThat(published.stepDueAt()).isNull();
        assertThat(published.timeliness()).isEqualTo(new Timeliness(true, null, true, true));
        assertThat(published.handledInTime()).isTrue();
        Feedback publishedLate = answered.publish(vn("2026-02-24T15:00").plus(MICRO), DEADLINES);
        assertThat(publishedLate.timeliness().publishedInTime()).isFalse();
        assertThat(publishedLate.handledInTime()).isFalse();
    }

    @Test
    void deadlineStateIsNearDueWithinOneWorkingDayAndOverdueAfter() {
        Feedback f = received(vn("2026-04-20T09:00")); // due Tue 28/04 09:00
        assertThat(f.handledInTime()).isNull();
        // Fri 24/04 09:00: Fri 09:00-11:30, 13:30-17:00 6 h + (weekend, 27/04 off) Tue 07:00-09:00 2 h = 8 h left
        assertThat(DEADLINES.stateAt(vn("2026-04-24T09:00"), f)).isEqualTo(DeadlineState.NEAR_DUE);
        assertThat(DEADLINES.stateAt(vn("2026-04-24T09:00").minus(MICRO), f)).isEqualTo(DeadlineState.IN_TIME);
        assertThat(DEADLINES.stateAt(vn("2026-04-28T09:00"), f)).isEqualTo(DeadlineState.NEAR_DUE);
        assertThat(DEADLINES.stateAt(vn("2026-04-28T09:00").plus(MICRO), f)).isEqualTo(DeadlineState.OVERDUE);
    }

    @Test
    void handledFeedbackIsJudgedByItsStepsNotByTheClock() {
        Feedback refused = received(vn("2026-03-12T10:00"))
                .classify(FeedbackClass.NOT_ACCEPTED, null, vn("2026-03-12T11:00"), DEADLINES);
        assertThat(DEADLINES.stateAt(vn("2027-01-01T00:00"), refused)).isEqualTo(DeadlineState.IN_TIME);
        Feedback refusedLate = received(vn("2026-03-12T10:00"))
                .classify(FeedbackClass.NOT_ACCEPTED, null, vn("2026-03-20T11:00"), DEADLINES);
        assertThat(DEADLINES.stateAt(vn("2026-03-20T11:00"), refusedLate)).isEqualTo(DeadlineState.OVERDUE);
    }

    @Test
    void reactionsCountOncePerCitizenAndMayChange() {
        Feedback f = FeedbackFixtures.inState(FeedbackState.PUBLISHED, null);
        Feedback liked = f.react(null, Reaction.LIKE);
        Feedback disliked = liked.react(null, Reaction.DISLIKE);
        Feedback changed = disliked.react(Reaction.LIKE, Reaction.DISLIKE);
        assertThat(new int[] {liked.likes(), liked.dislikes()}).containsExactly(1, 0);
        assertThat(new int[] {disliked.likes(), disliked.dislikes()}).containsExactly(1, 1);
        assertThat(new int[] {changed.likes(), changed.dislikes()}).containsExactly(0, 2);
        assertThat(changed.react(Reaction.DISLIKE, Reaction.DISLIKE)).isEqualTo(changed);
        assertThat(changed.state()).isEqualTo(FeedbackState.PUBLISHED);
    }
}
