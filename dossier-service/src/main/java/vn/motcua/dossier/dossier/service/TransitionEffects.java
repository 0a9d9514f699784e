package vn.motcua.dossier.dossier.service;

import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.domain.TransitionDecision;
import vn.motcua.platform.error.DomainException;

import java.time.Instant;
import java.util.Objects;

/**
 * What an allowed transition does to the dossier's stored facts. Pure: the clock, the calendar and the procedure's
 * time limit come in as arguments.
 * <ul>
 *   <li>ACCEPT: the clock starts; received_at := now, due := original due := due time of the procedure limit.
 *   <li>SUPPLEMENT_RECEIVED: the limit restarts from the supplement date (ND61 Art 19(4)); original due is kept.
 *   <li>APOLOGISE_AND_EXTEND: due := the new appointment, which must be later; extension used; original kept.
 *   <li>Every ending (refused, rejected, withdrawn, stopped) and the issued result set finished_at, once.
 *   <li>The handling unit moves as the state machine decided (transfer, result back to the desk).
 * </ul>
 */
final class TransitionEffects {

    private TransitionEffects() {
    }

    /**
     * @param limit the procedure's time limit; needed by ACCEPT and SUPPLEMENT_RECEIVED only
     */
    static Dossier apply(Dossier d, TransitionDecision.Allowed allowed, TransitionCommand command, Instant now,
                         DeadlineCalculator calendar, TimeLimit limit) {
        Instant receivedAt = d.receivedAt();
        Instant originalDueAt = d.originalDueAt();
        Instant dueAt = d.dueAt();
        Instant finishedAt = d.finishedAt();
        boolean extensionUsed = d.extensionUsed();
        switch (command.event()) {
            case ACCEPT -> {
                receivedAt = now;
                dueAt = calendar.dueAt(now, Objects.requireNonNull(limit, "limit"));
                originalDueAt = dueAt;
            }
            case SUPPLEMENT_RECEIVED -> dueAt = calendar.dueAfterSupplement(now, Objects.requireNonNull(limit, "limit"));
            case APOLOGISE_AND_EXTEND -> {
                if (dueAt == null || !command.newDueAt().isAfter(dueAt)) {
                    throw DomainException.ruleViolated("NEW_DUE_NOT_LATER",
                            "the new appointment must be after the current one (" + dueAt + ")");
                }
                dueAt = command.newDueAt();
                extensionUsed = true;
            }
            default -> {
                // the other events change the state and the handling unit only
            }
        }
        DossierState to = allowed.to();
        if (finishedAt == null && (to.isFinal() || to == DossierState.RESULT_READY)) {
            finishedAt = now;
        }
        String handling = allowed.handlingUnitCodeAfter() == null ? d.handlingUnitCode()
                : allowed.handlingUnitCodeAfter();
        return new Dossier(d.code(), d.procedureCode(), d.procedureVersion(), d.procedureName(),
                d.receivingUnitCode(), d.competentUnitCode(), handling, to, d.channel(), d.applicant(), d.note(),
                receivedAt, originalDueAt, dueAt, finishedAt, extensionUsed, d.revision() + 1);
    }

    static boolean needsTimeLimit(TransitionCommand command) {
        return switch (command.event()) {
            case ACCEPT, SUPPLEMENT_RECEIVED -> true;
            default -> false;
        };
    }
}
