package vn.motcua.dossier.dossier.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.domain.LegalRegime;

/**
 * A land dossier waiting for the applicant's financial obligation has its clock stopped (the land law's implementing
 * decree does not count that time, ADR 0004): the inbox shows no deadline state for it, as for a supplement pause,
 * instead of warning that it is overdue. Where the procedure counts that time the warning stays.
 */
class InboxShowsNoDeadlineWhileTheClockIsPausedTest {

    private static final DeadlineCalculator CALENDAR = new DeadlineCalculator(WorkCalendar.standard(List.of()));
    /** Monday 2026-03-09 08:00 in Vietnam. */
    private static final Instant MONDAY = Instant.parse("2026-03-09T01:00:00Z");

    private final Instant due = CALENDAR.dueAt(MONDAY, TimeLimit.workingDays(5));
    private final Dossier paying = Dossier.builder()
            .regime(LegalRegime.REGIME_2025)
            .code("c")
            .procedure("1.003003", 1, "Đăng ký đất đai")
            .receivingUnitCode("R")
            .competentUnitCode("C")
            .handlingUnitCode("C")
            .state(DossierState.AWAITING_PAYMENT)
            .channel(Channel.COUNTER)
            .applicant(new Applicant("A", "030090001234", null, null, null))
            .receivedAt(MONDAY)
            .originalDueAt(due)
            .dueAt(due)
            .build();
    private final Instant weekLater = due.plus(Duration.ofDays(7));

    @Test
    void aDossierWhoseClockIsPausedHasNoDeadlineState() {
        assertThat(InboxService.deadlineState(paying, true, weekLater, CALENDAR))
                .isNull();
    }

    @Test
    void aDossierWhoseClockRunsWhileTheApplicantPaysIsOverdue() {
        assertThat(InboxService.deadlineState(paying, false, weekLater, CALENDAR))
                .isEqualTo(DeadlineState.OVERDUE);
    }
}
