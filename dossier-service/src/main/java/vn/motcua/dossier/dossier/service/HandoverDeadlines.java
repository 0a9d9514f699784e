package vn.motcua.dossier.dossier.service;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.repository.DossierRepository.HistoryEntry;

/**
 * Which deadline a hand-over on the control slip (Form 05 of Circular 01/2018, Form 06 of Circular 03/2025) is rated
 * against. Circular 01/2018 Art 13(2) rates the time each unit or person held the dossier against the time budgeted
 * for that step; a history line's {@code stepDueAt} is the deadline of the step it starts. A hand-over therefore
 * ends the step the previous hand-over started; without a budget recorded there, the dossier's due time in force is
 * the only yardstick. A consultation's deadline binds the consulted unit, not the holder, so it is not a step budget.
 */
final class HandoverDeadlines {

    /** The events that move the dossier from one holder to the next (the rows of the control slip). */
    static final Set<DossierEvent> HANDOVERS = EnumSet.of(
            DossierEvent.TRANSFER,
            DossierEvent.ASSIGN,
            DossierEvent.SUBMIT_FOR_APPROVAL,
            DossierEvent.APPROVE,
            DossierEvent.FORWARD_INTER_AGENCY,
            DossierEvent.ISSUE_RESULT,
            DossierEvent.REFUSE);

    private HandoverDeadlines() {}

    static Instant deadlineOfStepEndingAt(List<HistoryEntry> history, HistoryEntry handover) {
        Instant stepDue = null;
        for (HistoryEntry h : history) {
            if (h == handover) {
                break;
            }
            if (HANDOVERS.contains(DossierEvent.valueOf(h.event()))) {
                stepDue = h.stepDueAt();
            }
        }
        return stepDue != null ? stepDue : handover.dueAt();
    }
}
