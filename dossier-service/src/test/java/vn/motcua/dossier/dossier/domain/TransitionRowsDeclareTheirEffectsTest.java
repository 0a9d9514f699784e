package vn.motcua.dossier.dossier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every row of the table declares what it does, and that is what the services did before the effects moved onto the
 * rows: the switch over events in the old TransitionEffects, the pause checks of WorkflowService and the clock start
 * of ReceptionService. The old rules are written out below as the oracle.
 */
class TransitionRowsDeclareTheirEffectsTest {

    private static final List<Transition> ROWS = new DossierStateMachine().transitions();
    private static final Instant RECEIVED = Instant.parse("2026-03-09T01:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-12T02:00:00Z");
    /** A fake calendar: the limit is five days, a restarted one six, so the two cannot be confused. */
    private static final DueTimes DUE = new DueTimes() {
        @Override
        public Instant dueAt(Instant clockStart) {
            return clockStart.plus(Duration.ofDays(5));
        }

        @Override
        public Instant dueAfterSupplement(Instant supplementReceivedAt) {
            return supplementReceivedAt.plus(Duration.ofDays(6));
        }

        @Override
        public Instant dueAfterPause(Instant due, Instant resumedAt) {
            return due.plus(Duration.ofDays(2));
        }
    };

    @Test
    void everyRowDeclaresTheClockEffectTheServicesUsedToSwitchOn() {
        for (Transition row : ROWS) {
            DueEffect old = switch (row.event()) {
                case ACCEPT -> DueEffect.CLOCK_STARTS;
                case SUPPLEMENT_RECEIVED -> DueEffect.LIMIT_RESTARTS;
                case APOLOGISE_AND_EXTEND -> DueEffect.EXTENDED_TO_NEW_APPOINTMENT;
                // reception at the desk starts the clock, also when it completes a dossier sent back for a
                // supplement before acceptance (issue 16: ND61 Art 17(1)(c))
                case RECEIVE_AT_COUNTER, RECEIVE_BY_POST -> DueEffect.CLOCK_STARTS;
                // issue 16 finding 5: time spent on a financial obligation may not count (land procedures)
                case OBLIGATION_FULFILLED -> DueEffect.PAUSED_TIME_ADDED;
                default -> DueEffect.UNCHANGED;
            };
            assertThat(row.dueEffect()).as(row.from() + " " + row.event()).isEqualTo(old);
        }
    }

    @Test
    void everyRowDeclaresThePauseEffectWorkflowServiceUsedToCheck() {
        for (Transition row : ROWS) {
            boolean finishedAfter = row.to().isFinal()
                    || row.to() == DossierState.RESULT_READY
                    || row.from() == DossierState.RESULT_READY;
            PauseEffect old = switch (row.event()) {
                case REQUEST_SUPPLEMENT -> PauseEffect.STARTS_SUPPLEMENT_PAUSE;
                // issue 16 finding 5: the pause a procedure may declare for financial obligations
                case REQUIRE_FINANCIAL_OBLIGATION -> PauseEffect.STARTS_FINANCIAL_OBLIGATION_PAUSE;
                case SUPPLEMENT_RECEIVED, OBLIGATION_FULFILLED -> PauseEffect.ENDS_PAUSE;
                default -> finishedAfter ? PauseEffect.ENDS_PAUSE : PauseEffect.NONE;
            };
            assertThat(row.pauseEffect()).as(row.from() + " " + row.event()).isEqualTo(old);
        }
    }

    @Test
    void everyRowNamesItsResultKindFeedEventAndForm() {
        for (Transition row : ROWS) {
            assertThat(row.resultKind()).as(row.from() + " " + row.event()).isEqualTo(ResultKind.of(row.to()));
            assertThat(row.finishes()).isEqualTo(row.to().isFinal() || row.to() == DossierState.RESULT_READY);
            assertThat(row.feedEventType()).isEqualTo(row.event().feedEventType());
            assertThat(row.form()).isEqualTo(row.event().form());
        }
    }

    @Test
    void applyingEveryRowToAnExistingDossierChangesWhatTheOldEffectsChanged() {
        for (Transition row : ROWS) {
            if (row.createsDossier()) {
                continue;
            }
            Dossier before = dossier(row.from());
            Instant newDue = before.dueAt().plus(Duration.ofDays(3));
            String handling = row.handlingUnitEffect() == HandlingUnitEffect.TO_COMPETENT_UNIT
                    ? "C"
                    : row.handlingUnitEffect() == HandlingUnitEffect.TO_RECEIVING_UNIT ? "R" : null;
            Dossier after = new TransitionDecision.Allowed(row, handling).applyTo(before, NOW, newDue, DUE);
            assertThat(after).as(row.from() + " " + row.event()).isEqualTo(oldEffects(before, row, handling, newDue));
        }
    }

    @Test
    void creatingAtTheDeskStartsTheClockAtTheReceptionTimeAndOnlineCreationDoesNot() {
        Transition post = row(null, DossierEvent.RECEIVE_BY_POST);
        Dossier received = new TransitionDecision.Allowed(post, "R").create(draft().receivedAt(RECEIVED), NOW, DUE);
        assertThat(received.receivedAt()).isEqualTo(RECEIVED);
        assertThat(received.dueAt()).isEqualTo(DUE.dueAt(RECEIVED)).isEqualTo(received.originalDueAt());
        assertThat(received.state()).isEqualTo(DossierState.RECEIVED);
        assertThat(received.handlingUnitCode()).isEqualTo("R");
        assertThat(received.revision()).isZero();

        Transition online = row(null, DossierEvent.SUBMIT_ONLINE);
        Dossier submitted = new TransitionDecision.Allowed(online, "R").create(draft(), NOW, DUE);
        assertThat(submitted.receivedAt()).isNull();
        assertThat(submitted.dueAt()).isNull();
        assertThat(submitted.state()).isEqualTo(DossierState.SUBMITTED);
        assertThat(submitted.revision()).isZero();
    }

    /** The old TransitionEffects.apply, verbatim in substance. */
    private static Dossier oldEffects(Dossier d, Transition row, String handlingAfter, Instant newDueAt) {
        Instant receivedAt = d.receivedAt();
        Instant originalDueAt = d.originalDueAt();
        Instant dueAt = d.dueAt();
        Instant finishedAt = d.finishedAt();
        boolean extensionUsed = d.extensionUsed();
        switch (row.event()) {
            case ACCEPT, RECEIVE_AT_COUNTER, RECEIVE_BY_POST -> {
                // a reception time already set (the postal hand-over, set by the service) is when the clock starts
                receivedAt = receivedAt != null ? receivedAt : NOW;
                dueAt = DUE.dueAt(receivedAt);
                originalDueAt = dueAt;
            }
            case SUPPLEMENT_RECEIVED -> dueAt = DUE.dueAfterSupplement(NOW);
            case OBLIGATION_FULFILLED -> {
                dueAt = DUE.dueAfterPause(dueAt, NOW);
                originalDueAt = DUE.dueAfterPause(originalDueAt, NOW);
            }
            case APOLOGISE_AND_EXTEND -> {
                dueAt = newDueAt;
                extensionUsed = true;
            }
            default -> {}
        }
        if (finishedAt == null && (row.to().isFinal() || row.to() == DossierState.RESULT_READY)) {
            finishedAt = NOW;
        }
        String handling = handlingAfter == null ? d.handlingUnitCode() : handlingAfter;
        return new Dossier(
                d.code(),
                d.procedureCode(),
                d.procedureVersion(),
                d.procedureName(),
                d.receivingUnitCode(),
                d.competentUnitCode(),
                handling,
                row.to(),
                d.channel(),
                d.applicant(),
                d.note(),
                receivedAt,
                originalDueAt,
                dueAt,
                finishedAt,
                extensionUsed,
                d.revision() + 1,
                d.lookupKey(),
                d.regime(),
                d.legalCode(),
                d.submissionReference());
    }

    private static Transition row(DossierState from, DossierEvent event) {
        return ROWS.stream()
                .filter(t -> t.from() == from && t.event() == event)
                .findFirst()
                .orElseThrow();
    }

    private static Dossier.Builder draft() {
        return Dossier.builder()
                .regime(vn.motcua.dossier.dossier.domain.LegalRegime.REGIME_2025)
                .code("c")
                .procedure("1.000894", 1, "Đăng ký kết hôn")
                .receivingUnitCode("R")
                .competentUnitCode("C")
                .handlingUnitCode("R")
                .channel(Channel.COUNTER)
                .applicant(new Applicant("A", "030090001234", null, null, null));
    }

    /** A dossier in {@code state}, received and due, finished already if a result is ready. */
    private static Dossier dossier(DossierState state) {
        return draft().state(state)
                .receivedAt(RECEIVED)
                .originalDueAt(DUE.dueAt(RECEIVED))
                .dueAt(DUE.dueAt(RECEIVED))
                .finishedAt(state == DossierState.RESULT_READY ? RECEIVED : null)
                .revision(4)
                .build();
    }
}
