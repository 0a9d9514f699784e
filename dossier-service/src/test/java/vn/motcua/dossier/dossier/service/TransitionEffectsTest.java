package vn.motcua.dossier.dossier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.domain.DossierStateMachine;
import vn.motcua.dossier.dossier.domain.ResultKind;
import vn.motcua.dossier.dossier.domain.TransitionDecision;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorReason;

/** What each transition does to the stored dossier facts, without a database. */
class TransitionEffectsTest {

    private static final DeadlineCalculator CALENDAR = new DeadlineCalculator(WorkCalendar.standard(List.of()));
    private static final TimeLimit FIVE_DAYS = TimeLimit.workingDays(5);
    /** Monday 2026-03-09 08:00 in Vietnam. */
    private static final Instant MONDAY = Instant.parse("2026-03-09T01:00:00Z");

    private static final Instant THURSDAY = Instant.parse("2026-03-12T02:00:00Z");

    @Test
    void acceptanceStartsTheClock() {
        Dossier submitted = dossier(DossierState.SUBMITTED, null, null, null);
        Dossier accepted = apply(submitted, DossierEvent.ACCEPT, command(DossierEvent.ACCEPT), MONDAY);
        Instant due = CALENDAR.dueAt(MONDAY, FIVE_DAYS);
        assertThat(accepted.state()).isEqualTo(DossierState.RECEIVED);
        assertThat(accepted.receivedAt()).isEqualTo(MONDAY);
        assertThat(accepted.dueAt()).isEqualTo(due);
        assertThat(accepted.originalDueAt()).isEqualTo(due);
        assertThat(accepted.finishedAt()).isNull();
    }

    @Test
    void completedSupplementRestartsTheLimitAndKeepsTheOriginalDue() {
        Instant originalDue = CALENDAR.dueAt(MONDAY, FIVE_DAYS);
        Dossier waiting = dossier(DossierState.SUPPLEMENT_REQUESTED, MONDAY, originalDue, originalDue);
        Dossier resumed =
                apply(waiting, DossierEvent.SUPPLEMENT_RECEIVED, command(DossierEvent.SUPPLEMENT_RECEIVED), THURSDAY);
        assertThat(resumed.state()).isEqualTo(DossierState.IN_PROCESS);
        assertThat(resumed.dueAt())
                .isEqualTo(CALENDAR.dueAt(THURSDAY, FIVE_DAYS))
                .isAfter(originalDue);
        assertThat(resumed.originalDueAt()).isEqualTo(originalDue);
        assertThat(resumed.receivedAt()).isEqualTo(MONDAY);
    }

    // Land procedures: the time the applicant spends on financial obligations (land levy, fees, taxes) is not counted
    // in the time limit (the land law's implementing decree: Decree 43/2014/ND-CP Art 61 under the 2013 Land Law [U];
    // the article under the 2024 Land Law was not read [U]). Unlike a supplement (ND61 Art 19(4) restarts the limit),
    // the due time moves later by the working time the pause covered, and the original appointment with it.
    @Test
    void timeSpentOnAFinancialObligationIsAddedToTheDueTimeWhenTheProcedureExcludesIt() {
        // paid from Monday to Wednesday 08:00: two working days not counted, due Wednesday 18 March, 08:00
        Dossier resumed = obligationMet(MONDAY.plus(Duration.ofDays(2)), MONDAY);
        assertThat(resumed.dueAt()).isEqualTo(CALENDAR.dueAt(MONDAY, TimeLimit.workingDays(7)));
        assertThat(resumed.originalDueAt()).isEqualTo(resumed.dueAt());
        assertThat(resumed.state()).isEqualTo(DossierState.IN_PROCESS);
    }

    @Test
    void withoutAFinancialObligationPauseTheClockRanOnWhileTheApplicantPaid() {
        Instant due = CALENDAR.dueAt(MONDAY, FIVE_DAYS);
        Dossier resumed = obligationMet(MONDAY.plus(Duration.ofDays(2)), null);
        assertThat(resumed.dueAt()).isEqualTo(due);
        assertThat(resumed.originalDueAt()).isEqualTo(due);
    }

    @Test
    void aFinancialObligationRequestedAfterTheDueTimeDoesNotMakeTheDossierOnTime() {
        Instant due = CALENDAR.dueAt(MONDAY, FIVE_DAYS);
        Instant lateRequest = due.plus(Duration.ofDays(1));
        assertThat(obligationMet(lateRequest.plus(Duration.ofDays(1)), lateRequest)
                        .dueAt())
                .isEqualTo(due);
    }

    /**
     * A dossier received on MONDAY with five working days meets its financial obligation at {@code now}.
     *
     * @param pausedSince when the open financial-obligation pause began; null: the procedure counts that time
     */
    private static Dossier obligationMet(Instant now, Instant pausedSince) {
        Instant due = CALENDAR.dueAt(MONDAY, FIVE_DAYS);
        return apply(
                dossier(DossierState.AWAITING_PAYMENT, MONDAY, due, due),
                DossierEvent.OBLIGATION_FULFILLED,
                command(DossierEvent.OBLIGATION_FULFILLED),
                now,
                pausedSince);
    }

    @Test
    void extensionNeedsALaterAppointmentAndIsMarkedUsed() {
        Instant due = CALENDAR.dueAt(MONDAY, FIVE_DAYS);
        Dossier inProcess = dossier(DossierState.IN_PROCESS, MONDAY, due, due);
        TransitionCommand same =
                new TransitionCommand(null, "c", DossierEvent.APOLOGISE_AND_EXTEND, "late", null, null, due, null);
        assertThatThrownBy(() -> apply(inProcess, DossierEvent.APOLOGISE_AND_EXTEND, same, MONDAY))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ErrorReason.RULE_VIOLATED);
                    assertThat(e.metadata()).containsEntry("rule", "NEW_DUE_NOT_LATER");
                });
        Instant later = due.plus(Duration.ofDays(3));
        Dossier extended = apply(
                inProcess,
                DossierEvent.APOLOGISE_AND_EXTEND,
                new TransitionCommand(null, "c", DossierEvent.APOLOGISE_AND_EXTEND, "late", null, null, later, null),
                MONDAY);
        assertThat(extended.dueAt()).isEqualTo(later);
        assertThat(extended.originalDueAt()).isEqualTo(due);
        assertThat(extended.extensionUsed()).isTrue();
        assertThat(extended.state()).isEqualTo(DossierState.IN_PROCESS);
    }

    @Test
    void issuingFinishesTheDossierAndReturningKeepsThatMoment() {
        Instant due = CALENDAR.dueAt(MONDAY, FIVE_DAYS);
        Dossier inProcess = dossier(DossierState.IN_PROCESS, MONDAY, due, due);
        Dossier ready = apply(inProcess, DossierEvent.ISSUE_RESULT, command(DossierEvent.ISSUE_RESULT), THURSDAY);
        assertThat(ready.finishedAt()).isEqualTo(THURSDAY);
        assertThat(ready.handlingUnitCode())
                .as("the result goes back to the desk")
                .isEqualTo("R");
        assertThat(ResultKind.of(ready.state())).isEqualTo(ResultKind.ISSUED);
        Dossier returned = apply(
                ready,
                DossierEvent.RETURN_RESULT,
                new TransitionCommand(null, "c", DossierEvent.RETURN_RESULT, null, null, null, null, Channel.COUNTER),
                THURSDAY.plusSeconds(3600));
        assertThat(returned.finishedAt()).isEqualTo(THURSDAY);
        assertThat(returned.state()).isEqualTo(DossierState.RETURNED);
    }

    @Test
    void everyEndingSetsTheFinishOnce() {
        Instant due = CALENDAR.dueAt(MONDAY, FIVE_DAYS);
        for (DossierEvent ending : List.of(DossierEvent.REFUSE, DossierEvent.WITHDRAW)) {
            Dossier ended =
                    apply(dossier(DossierState.IN_PROCESS, MONDAY, due, due), ending, command(ending), THURSDAY);
            assertThat(ended.finishedAt()).as(ending.name()).isEqualTo(THURSDAY);
            assertThat(ResultKind.of(ended.state())).isNotNull();
        }
        Dossier transferred = apply(
                dossier(DossierState.RECEIVED, MONDAY, due, due),
                DossierEvent.TRANSFER,
                command(DossierEvent.TRANSFER),
                MONDAY);
        assertThat(transferred.finishedAt()).isNull();
        assertThat(transferred.handlingUnitCode()).isEqualTo("C");
    }

    @Test
    void validatorAsksForWhatTheLawRequires() {
        UnitTree units = new UnitTree(List.of());
        assertThatThrownBy(() -> WorkflowCommandValidator.validate(command(DossierEvent.REFUSE), units))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .contains("reason", "code"));
        assertThatThrownBy(() -> WorkflowCommandValidator.validate(
                        new TransitionCommand(
                                null,
                                "000.02.24.H30-260309-0001",
                                DossierEvent.RETURN_RESULT,
                                null,
                                null,
                                null,
                                null,
                                null),
                        units))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("channel"));
        assertThatThrownBy(() -> WorkflowCommandValidator.validate(
                        new TransitionCommand(
                                null,
                                "000.02.24.H30-260309-0001",
                                DossierEvent.REQUEST_CONSULTATION,
                                null,
                                "99999",
                                null,
                                null,
                                null),
                        units))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("target"));
    }

    private static TransitionCommand command(DossierEvent event) {
        return TransitionCommand.of(null, "c", event, null);
    }

    /** Receiving unit R, competent unit C; handling C once transferred. */
    private static Dossier dossier(DossierState state, Instant received, Instant originalDue, Instant due) {
        String handling = state == DossierState.SUBMITTED || state == DossierState.RECEIVED ? "R" : "C";
        return Dossier.builder()
                .regime(vn.motcua.dossier.dossier.domain.LegalRegime.REGIME_2025)
                .code("c")
                .procedure("1.000894", 1, "Đăng ký kết hôn")
                .receivingUnitCode("R")
                .competentUnitCode("C")
                .handlingUnitCode(handling)
                .state(state)
                .channel(Channel.COUNTER)
                .applicant(new Applicant("A", "030090001234", null, null, null))
                .receivedAt(received)
                .originalDueAt(originalDue)
                .dueAt(due)
                .build();
    }

    private static Dossier apply(Dossier d, DossierEvent event, TransitionCommand command, Instant now) {
        return apply(d, event, command, now, null);
    }

    /** @param pausedSince when the open financial-obligation pause began; null: none is open */
    private static Dossier apply(
            Dossier d, DossierEvent event, TransitionCommand command, Instant now, Instant pausedSince) {
        var row = new DossierStateMachine()
                .transitionsFrom(d.state()).stream()
                        .filter(t -> t.event() == event)
                        .findFirst()
                        .orElseThrow();
        String handling = switch (row.handlingUnitEffect()) {
            case UNCHANGED -> d.handlingUnitCode();
            case TO_RECEIVING_UNIT -> d.receivingUnitCode();
            case TO_COMPETENT_UNIT -> d.competentUnitCode();
        };
        return new TransitionDecision.Allowed(row, handling)
                .applyTo(
                        d,
                        now,
                        command.newDueAt(),
                        new ProcedureDueTimes(() -> CALENDAR, () -> FIVE_DAYS, () -> pausedSince));
    }
}
