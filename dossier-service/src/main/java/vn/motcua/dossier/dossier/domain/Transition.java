package vn.motcua.dossier.dossier.domain;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.motcua.platform.error.DomainException;

/**
 * One row of the lifecycle table: who may fire it, when, and everything it does. A new verb is one row; the services
 * apply what the row declares (state, handling unit, clock, pauses, result kind, feed event type, form) and never
 * switch on the event themselves.
 *
 * @param from               source state; <b>null means "no dossier yet"</b>: the row creates the dossier
 *                           (online submission, counter or postal reception, or a counter rejection / pre-supplement
 *                           that still gets a record and a code, domain.md §4.2)
 * @param event              what happens
 * @param to                 target state (equal to {@code from} for the T7 internal steps and T11)
 * @param permits            role + scope combinations that may fire it
 * @param guards             business preconditions, checked in order
 * @param handlingUnitEffect how the handling unit moves
 * @param dueEffect          what happens to the clock and the due times
 * @param pauseEffect        whether a processing-time pause starts or ends
 */
public record Transition(
        DossierState from,
        DossierEvent event,
        DossierState to,
        Set<Permit> permits,
        List<TransitionGuard> guards,
        HandlingUnitEffect handlingUnitEffect,
        DueEffect dueEffect,
        PauseEffect pauseEffect) {

    public Transition {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(handlingUnitEffect, "handlingUnitEffect");
        Objects.requireNonNull(dueEffect, "dueEffect");
        Objects.requireNonNull(pauseEffect, "pauseEffect");
        if (ResultKind.of(to) != null && pauseEffect != PauseEffect.ENDS_PAUSE) {
            // the clock must not stay paused on a dossier that has ended
            throw new IllegalArgumentException("a row that ends the dossier ends its pause: " + from + " " + event);
        }
        if (from != null && from.isFinal()) {
            throw new IllegalArgumentException("final state " + from + " cannot have outgoing transitions");
        }
        if (permits == null || permits.isEmpty()) {
            throw new IllegalArgumentException("a transition nobody may fire is dead: " + from + " " + event);
        }
        permits = Set.copyOf(permits);
        guards = guards == null ? List.of() : List.copyOf(guards);
    }

    /**
     * A row that leaves the clock alone and ends an open pause exactly when it ends the dossier; {@link #withDue}
     * and {@link #withPause} declare anything else.
     */
    public Transition(
            DossierState from,
            DossierEvent event,
            DossierState to,
            Set<Permit> permits,
            List<TransitionGuard> guards,
            HandlingUnitEffect handlingUnitEffect) {
        this(
                from,
                event,
                to,
                permits,
                guards,
                handlingUnitEffect,
                DueEffect.UNCHANGED,
                to != null && ResultKind.of(to) != null ? PauseEffect.ENDS_PAUSE : PauseEffect.NONE);
    }

    public Transition withDue(DueEffect effect) {
        return new Transition(from, event, to, permits, guards, handlingUnitEffect, effect, pauseEffect);
    }

    public Transition withPause(PauseEffect effect) {
        return new Transition(from, event, to, permits, guards, handlingUnitEffect, dueEffect, effect);
    }

    /** How the dossier has ended once this row applied (a result issued counts); null while it stays open. */
    public ResultKind resultKind() {
        return ResultKind.of(to);
    }

    /** The row ends processing: finished_at is set, once, when the first such row applies. */
    public boolean finishes() {
        return resultKind() != null;
    }

    /**
     * Applies everything this row does except the handling unit, which the state machine decided from the facts.
     *
     * @param d        the dossier before, or the draft of a new one (whose received_at, if set, is when the clock
     *                 starts: a postal dossier counts from the hand-over)
     * @param newDueAt the new appointment of an extension; unused by other rows
     * @param due      asked only when {@link DueEffect#needsTimeLimit()}
     */
    Dossier.Builder applyTo(Dossier.Builder d, Instant now, Instant newDueAt, DueTimes due) {
        switch (dueEffect) {
            case CLOCK_STARTS -> {
                // a postal dossier counts from the hand-over (QĐ45/2016 Art 7(4)), which the service sets beforehand
                Instant start = d.receivedAt != null ? d.receivedAt : now;
                Instant dueAt = due.dueAt(start);
                d.receivedAt(start).dueAt(dueAt).originalDueAt(dueAt);
            }
            case LIMIT_RESTARTS -> d.dueAt(due.dueAfterSupplement(now));
            case EXTENDED_TO_NEW_APPOINTMENT -> {
                if (d.dueAt == null || !newDueAt.isAfter(d.dueAt)) {
                    throw DomainException.ruleViolated(
                            "NEW_DUE_NOT_LATER", "the new appointment must be after the current one (" + d.dueAt + ")");
                }
                d.dueAt(newDueAt).extensionUsed(true);
            }
            case PAUSED_TIME_ADDED -> {
                // the time spent meeting the obligation does not count: both appointments move by it
                if (d.dueAt != null) {
                    d.dueAt(due.dueAfterPause(d.dueAt, now));
                }
                if (d.originalDueAt != null) {
                    d.originalDueAt(due.dueAfterPause(d.originalDueAt, now));
                }
            }
            case UNCHANGED -> {
                // the clock runs on as it was
            }
        }
        if (d.finishedAt == null && finishes()) {
            d.finishedAt(now);
        }
        return d.state(to);
    }

    public boolean createsDossier() {
        return from == null;
    }

    /** Role names that may fire the row (for menus, docs and the gRPC layer's "available actions"). */
    public Set<String> allowedRoles() {
        Set<String> roles = new LinkedHashSet<>();
        permits.forEach(p -> roles.add(p.role()));
        return Set.copyOf(roles);
    }

    /** Change-feed event type written to the outbox with this transition. */
    public String feedEventType() {
        return event.feedEventType();
    }

    /** Form the transition produces ({@link DossierForm#NONE} if none). */
    public DossierForm form() {
        return event.form();
    }
}
