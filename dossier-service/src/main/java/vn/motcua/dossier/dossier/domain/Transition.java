package vn.motcua.dossier.dossier.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the lifecycle table.
 *
 * @param from               source state; <b>null means "no dossier yet"</b>: the row creates the dossier
 *                           (online submission, counter or postal reception, or a counter rejection / pre-supplement
 *                           that still gets a record and a code, domain.md §4.2)
 * @param event              what happens
 * @param to                 target state (equal to {@code from} for the T7 internal steps and T11)
 * @param permits            role + scope combinations that may fire it
 * @param guards             business preconditions, checked in order
 * @param handlingUnitEffect how the handling unit moves
 */
public record Transition(
        DossierState from,
        DossierEvent event,
        DossierState to,
        Set<Permit> permits,
        List<TransitionGuard> guards,
        HandlingUnitEffect handlingUnitEffect) {

    public Transition {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(handlingUnitEffect, "handlingUnitEffect");
        if (from != null && from.isFinal()) {
            throw new IllegalArgumentException("final state " + from + " cannot have outgoing transitions");
        }
        if (permits == null || permits.isEmpty()) {
            throw new IllegalArgumentException("a transition nobody may fire is dead: " + from + " " + event);
        }
        permits = Set.copyOf(permits);
        guards = guards == null ? List.of() : List.copyOf(guards);
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
