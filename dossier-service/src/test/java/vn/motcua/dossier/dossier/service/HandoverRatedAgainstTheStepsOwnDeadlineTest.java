package vn.motcua.dossier.dossier.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.dossier.repository.DossierRepository.HistoryEntry;

/**
 * Circular 01/2018 Art 13(2): the control slip rates each hand-over against the deadline of the step it ends, not
 * against the whole dossier's due time.
 */
class HandoverRatedAgainstTheStepsOwnDeadlineTest {

    private static final Instant DOSSIER_DUE = Instant.parse("2026-03-16T10:00:00Z");
    private static final Instant SPECIALIST_DUE = Instant.parse("2026-03-11T10:00:00Z");
    private static final Instant CONSULTATION_DUE = Instant.parse("2026-03-13T10:00:00Z");

    @Test
    void theSpecialistsHandOverIsRatedAgainstTheDeadlineTheAssignmentSet() {
        HistoryEntry assign = line("ASSIGN", "2026-03-09T03:00:00Z", SPECIALIST_DUE);
        HistoryEntry consult = line("REQUEST_CONSULTATION", "2026-03-10T03:00:00Z", CONSULTATION_DUE);
        HistoryEntry submit = line("SUBMIT_FOR_APPROVAL", "2026-03-12T03:00:00Z", null);
        List<HistoryEntry> history = List.of(line("TRANSFER", "2026-03-09T02:00:00Z", null), assign, consult, submit);

        assertThat(HandoverDeadlines.deadlineOfStepEndingAt(history, submit)).isEqualTo(SPECIALIST_DUE);
    }

    @Test
    void aStepWithoutABudgetIsRatedAgainstTheDossiersDue() {
        HistoryEntry assign = line("ASSIGN", "2026-03-09T03:00:00Z", null);
        HistoryEntry submit = line("SUBMIT_FOR_APPROVAL", "2026-03-12T03:00:00Z", null);
        assertThat(HandoverDeadlines.deadlineOfStepEndingAt(List.of(assign, submit), submit))
                .isEqualTo(DOSSIER_DUE);
    }

    private static HistoryEntry line(String event, String at, Instant stepDue) {
        return new HistoryEntry(
                "c",
                event,
                "IN_PROCESS",
                "IN_PROCESS",
                "s",
                "u",
                "U1",
                "r",
                null,
                Instant.parse(at),
                null,
                stepDue,
                DOSSIER_DUE);
    }
}
