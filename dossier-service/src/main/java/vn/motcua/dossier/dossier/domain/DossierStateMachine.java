package vn.motcua.dossier.dossier.domain;

import static vn.motcua.dossier.dossier.domain.DossierEvent.*;
import static vn.motcua.dossier.dossier.domain.DossierState.*;
import static vn.motcua.dossier.dossier.domain.DueEffect.CLOCK_STARTS;
import static vn.motcua.dossier.dossier.domain.DueEffect.EXTENDED_TO_NEW_APPOINTMENT;
import static vn.motcua.dossier.dossier.domain.DueEffect.LIMIT_RESTARTS;
import static vn.motcua.dossier.dossier.domain.DueEffect.PAUSED_TIME_ADDED;
import static vn.motcua.dossier.dossier.domain.HandlingUnitEffect.TO_COMPETENT_UNIT;
import static vn.motcua.dossier.dossier.domain.HandlingUnitEffect.TO_RECEIVING_UNIT;
import static vn.motcua.dossier.dossier.domain.HandlingUnitEffect.UNCHANGED;
import static vn.motcua.dossier.dossier.domain.PauseEffect.ENDS_PAUSE;
import static vn.motcua.dossier.dossier.domain.PauseEffect.STARTS_FINANCIAL_OBLIGATION_PAUSE;
import static vn.motcua.dossier.dossier.domain.PauseEffect.STARTS_SUPPLEMENT_PAUSE;
import static vn.motcua.dossier.dossier.domain.Permit.APPLICANT;
import static vn.motcua.dossier.dossier.domain.Permit.HANDLING_CLERK;
import static vn.motcua.dossier.dossier.domain.Permit.HANDLING_LEADER;
import static vn.motcua.dossier.dossier.domain.Permit.HANDLING_SPECIALIST;
import static vn.motcua.dossier.dossier.domain.Permit.RECEPTION_DESK;
import static vn.motcua.dossier.dossier.domain.TransitionGuard.EXTENSION_IN_TIME;
import static vn.motcua.dossier.dossier.domain.TransitionGuard.EXTENSION_NOT_USED;
import static vn.motcua.dossier.dossier.domain.TransitionGuard.NO_RESULT_ISSUED;
import static vn.motcua.dossier.dossier.domain.TransitionGuard.REGIME_ALLOWS_STOP;
import static vn.motcua.dossier.dossier.domain.TransitionGuard.SUPPLEMENT_WINDOW_OPEN;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The dossier lifecycle (domain.md §4.2–4.3) as one static table of allowed transitions. Pure: no clock, no
 * database, no framework; everything it needs comes in through {@link ActorContext} and {@link DossierFacts}.
 *
 * <p>Each row declares what it does besides moving the state (handling unit, clock, pauses; the result kind follows
 * from the target state, the feed event type and the form from the event), so a request is decided once, here, and
 * the services apply the {@link TransitionDecision.Allowed} they get without asking again.
 *
 * <p>Anything not in the table is illegal. Final states have no rows, so they accept no event.
 */
public final class DossierStateMachine {

    /** A null {@code from} (creation) is a legitimate key, which rules out EnumMap. */
    private record Key(DossierState from, DossierEvent event) {}

    /** States from which the applicant may still withdraw: every non-final state before a result exists. */
    private static final List<DossierState> WITHDRAWABLE =
            List.of(SUBMITTED, PRE_SUPPLEMENT, RECEIVED, IN_PROCESS, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT);

    /** States in which a 2025 stop makes sense: accepted (clock running or paused) and no result yet. */
    private static final List<DossierState> STOPPABLE =
            List.of(RECEIVED, IN_PROCESS, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT);

    private static final List<Transition> TABLE;

    static {
        List<Transition> t = new ArrayList<>();
        // ---- creation: no dossier yet (from == null); the dossier starts at the receiving desk ----------------
        t.add(row(null, SUBMIT_ONLINE, SUBMITTED, Set.of(APPLICANT), List.of(), TO_RECEIVING_UNIT));
        t.add(row(null, RECEIVE_AT_COUNTER, RECEIVED, Set.of(RECEPTION_DESK), List.of(), TO_RECEIVING_UNIT)
                .withDue(CLOCK_STARTS));
        t.add(row(null, RECEIVE_BY_POST, RECEIVED, Set.of(RECEPTION_DESK), List.of(), TO_RECEIVING_UNIT)
                .withDue(CLOCK_STARTS));
        t.add(row(null, REQUEST_PRE_SUPPLEMENT, PRE_SUPPLEMENT, Set.of(RECEPTION_DESK), List.of(), TO_RECEIVING_UNIT));
        t.add(row(null, REJECT, REJECTED, Set.of(RECEPTION_DESK), List.of(), TO_RECEIVING_UNIT));

        // ---- reception desk ----------------------------------------------------------------------------------
        t.add(row(SUBMITTED, ACCEPT, RECEIVED, Set.of(RECEPTION_DESK)).withDue(CLOCK_STARTS));
        t.add(row(SUBMITTED, REQUEST_PRE_SUPPLEMENT, PRE_SUPPLEMENT, Set.of(RECEPTION_DESK)));
        t.add(row(SUBMITTED, REJECT, REJECTED, Set.of(RECEPTION_DESK)));
        t.add(row(PRE_SUPPLEMENT, RESUBMIT, SUBMITTED, Set.of(APPLICANT)));
        // The applicant may bring the missing papers to the counter or post them instead of going online.
        // The clock starts only now that the dossier is complete (ND61 Art 17(1)(c); by post, when the supplement is
        // handed over, QĐ45/2016 Art 7(4)).
        t.add(row(PRE_SUPPLEMENT, RECEIVE_AT_COUNTER, RECEIVED, Set.of(RECEPTION_DESK))
                .withDue(CLOCK_STARTS));
        t.add(row(PRE_SUPPLEMENT, RECEIVE_BY_POST, RECEIVED, Set.of(RECEPTION_DESK))
                .withDue(CLOCK_STARTS));
        t.add(row(RECEIVED, TRANSFER, IN_PROCESS, Set.of(RECEPTION_DESK), List.of(), TO_COMPETENT_UNIT));

        // ---- processing at the handling unit (T7 steps keep IN_PROCESS) ---------------------------------------
        t.add(row(IN_PROCESS, ASSIGN, IN_PROCESS, Set.of(HANDLING_LEADER)));
        t.add(row(IN_PROCESS, APPRAISE, IN_PROCESS, Set.of(HANDLING_SPECIALIST)));
        t.add(row(IN_PROCESS, REQUEST_CONSULTATION, IN_PROCESS, Set.of(HANDLING_SPECIALIST)));
        // The lead unit's specialist records the answer; a consulted unit's own workflow is a step entity, not this.
        t.add(row(IN_PROCESS, ANSWER_CONSULTATION, IN_PROCESS, Set.of(HANDLING_SPECIALIST)));
        // Sending the dossier on to the next liên thông agency is a unit decision, like assigning.
        t.add(row(IN_PROCESS, FORWARD_INTER_AGENCY, IN_PROCESS, Set.of(HANDLING_LEADER)));
        // The specialist's draft (result or refusal) goes up through this step; the leader then decides.
        t.add(row(IN_PROCESS, SUBMIT_FOR_APPROVAL, IN_PROCESS, Set.of(HANDLING_SPECIALIST)));
        t.add(row(IN_PROCESS, APPROVE, IN_PROCESS, Set.of(HANDLING_LEADER)));
        t.add(row(
                        IN_PROCESS,
                        REQUEST_SUPPLEMENT,
                        SUPPLEMENT_REQUESTED,
                        Set.of(HANDLING_SPECIALIST),
                        List.of(SUPPLEMENT_WINDOW_OPEN),
                        UNCHANGED)
                .withPause(STARTS_SUPPLEMENT_PAUSE));
        // The supplement comes in at the desk, or online from the applicant.
        t.add(row(SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, IN_PROCESS, Set.of(RECEPTION_DESK, APPLICANT))
                .withDue(LIMIT_RESTARTS)
                .withPause(ENDS_PAUSE));
        // Refusal after appraisal (ND61 Art 19(8)); also while waiting on the applicant, so a dossier whose
        // supplement or payment never comes has an exit (the open pause ends with it).
        for (DossierState s : List.of(IN_PROCESS, SUPPLEMENT_REQUESTED, AWAITING_PAYMENT)) {
            t.add(row(s, REFUSE, REFUSED, Set.of(HANDLING_LEADER)));
        }
        t.add(row(
                        IN_PROCESS,
                        APOLOGISE_AND_EXTEND,
                        IN_PROCESS,
                        Set.of(HANDLING_LEADER),
                        List.of(EXTENSION_NOT_USED, EXTENSION_IN_TIME),
                        UNCHANGED)
                .withDue(EXTENDED_TO_NEW_APPOINTMENT));
        // Where the procedure version says the time spent on financial obligations does not count (land procedures:
        // the land law's implementing decree), the clock stops until the obligation is met and the due times move
        // by the paused working time; elsewhere the clock runs on (the service reads the procedure, ADR 0004).
        t.add(row(IN_PROCESS, REQUIRE_FINANCIAL_OBLIGATION, AWAITING_PAYMENT, Set.of(HANDLING_SPECIALIST))
                .withPause(STARTS_FINANCIAL_OBLIGATION_PAUSE));
        // Proof of payment reaches either the specialist (e-receipt) or the desk (paper tax receipt).
        t.add(row(AWAITING_PAYMENT, OBLIGATION_FULFILLED, IN_PROCESS, Set.of(HANDLING_SPECIALIST, RECEPTION_DESK))
                .withDue(PAUSED_TIME_ADDED)
                .withPause(ENDS_PAUSE));
        // The result goes back to the receiving desk, which returns it (ND61 Art 19(7), §11.1).
        t.add(row(IN_PROCESS, ISSUE_RESULT, RESULT_READY, Set.of(HANDLING_CLERK), List.of(), TO_RECEIVING_UNIT));
        t.add(row(RESULT_READY, RETURN_RESULT, RETURNED, Set.of(RECEPTION_DESK)));

        // ---- ending early ------------------------------------------------------------------------------------
        // Withdrawal: the applicant online, or the desk on the applicant's written request. Not from RESULT_READY:
        // once a result exists there is nothing to withdraw (the same rule Circular 03/2025 Art 7 sets for STOP).
        for (DossierState s : WITHDRAWABLE) {
            t.add(row(s, WITHDRAW, WITHDRAWN, Set.of(APPLICANT, RECEPTION_DESK), List.of(NO_RESULT_ISSUED), UNCHANGED));
        }
        // Stop (2025 only) is the applicant's request (Circular 03/2025 Art 7): made online by the applicant
        // (7(2)), or filed directly or by post and recorded by the receiving desk, which issues the notice (7(1)).
        // No unit stops a dossier on its own initiative: the circular lists no such ground (StopGround).
        for (DossierState s : STOPPABLE) {
            t.add(row(
                    s,
                    STOP,
                    STOPPED,
                    Set.of(APPLICANT, RECEPTION_DESK),
                    List.of(REGIME_ALLOWS_STOP, NO_RESULT_ISSUED),
                    UNCHANGED));
        }
        TABLE = Collections.unmodifiableList(t);
    }

    private static final Map<Key, Transition> INDEX = index(TABLE);

    private static Transition row(DossierState from, DossierEvent event, DossierState to, Set<Permit> permits) {
        return row(from, event, to, permits, List.of(), UNCHANGED);
    }

    private static Transition row(
            DossierState from,
            DossierEvent event,
            DossierState to,
            Set<Permit> permits,
            List<TransitionGuard> guards,
            HandlingUnitEffect effect) {
        return new Transition(from, event, to, permits, guards, effect);
    }

    private static Map<Key, Transition> index(List<Transition> table) {
        Map<Key, Transition> index = new HashMap<>();
        for (Transition tr : table) {
            if (index.put(new Key(tr.from(), tr.event()), tr) != null) {
                // Two rows for one (state, event) would make the outcome depend on table order.
                throw new IllegalStateException("duplicate row " + tr.from() + " " + tr.event());
            }
        }
        return Map.copyOf(index);
    }

    /** The whole table, in declaration order. */
    public List<Transition> transitions() {
        return TABLE;
    }

    /** Rows leaving {@code from} (null: creation rows), e.g. to build the list of actions a screen offers. */
    public List<Transition> transitionsFrom(DossierState from) {
        return TABLE.stream().filter(tr -> tr.from() == from).toList();
    }

    /**
     * Events the platform fires by itself, with nobody acting: the proof of payment arriving from payment-service
     * (its {@code payment.paid} event) meets the financial obligation exactly as the e-receipt shown to the
     * specialist or the desk would. Nothing else may happen to a dossier without a person deciding it.
     */
    private static final Set<DossierEvent> SYSTEM_EVENTS = EnumSet.of(OBLIGATION_FULFILLED);

    /** Whether {@link #decideForSystem} may ever allow the event. */
    public static boolean firedBySystem(DossierEvent event) {
        return SYSTEM_EVENTS.contains(event);
    }

    /**
     * Decides a transition the platform fires by itself (see {@link #SYSTEM_EVENTS}): the row must exist from
     * {@code from} (ILLEGAL_TRANSITION otherwise), the event must be one the system may fire (ROLE_NOT_ALLOWED
     * otherwise), and the row's guards must hold. No permit is consulted: there is no person and no unit.
     */
    public TransitionDecision decideForSystem(DossierState from, DossierEvent event, DossierFacts facts) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(facts, "facts");
        Transition tr = INDEX.get(new Key(from, event));
        if (tr == null) {
            return TransitionDecision.Rejected.of(RejectionKind.ILLEGAL_TRANSITION, from, event);
        }
        if (!SYSTEM_EVENTS.contains(event)) {
            return TransitionDecision.Rejected.of(RejectionKind.ROLE_NOT_ALLOWED, from, event);
        }
        for (TransitionGuard g : tr.guards()) {
            GuardFailure failure = g.check(facts);
            if (failure != null) {
                return TransitionDecision.Rejected.guard(failure, from, event);
            }
        }
        return new TransitionDecision.Allowed(tr, tr.handlingUnitEffect().apply(facts));
    }

    /**
     * Decides whether {@code actor} may fire {@code event} on a dossier in state {@code from}.
     * Checks, in order: the row exists (ILLEGAL_TRANSITION), the actor holds a permitted role (ROLE_NOT_ALLOWED),
     * a held permit's scope admits the actor (OUT_OF_UNIT for officers, NOT_OWN_DOSSIER for citizens), then the
     * row's guards (GUARD_FAILED).
     *
     * @param from null when no dossier exists yet (creation events)
     */
    public TransitionDecision decide(DossierState from, DossierEvent event, ActorContext actor, DossierFacts facts) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(facts, "facts");

        Transition tr = INDEX.get(new Key(from, event));
        if (tr == null) {
            return TransitionDecision.Rejected.of(RejectionKind.ILLEGAL_TRANSITION, from, event);
        }

        boolean holdsRole = false;
        boolean officerOutOfScope = false;
        boolean inScope = false;
        for (Permit p : tr.permits()) {
            if (!actor.hasRole(p.role())) {
                continue;
            }
            holdsRole = true;
            if (p.scope().admits(actor, facts)) {
                inScope = true;
                break;
            }
            officerOutOfScope |= p.scope() != ActorScope.OWN_DOSSIER;
        }
        if (!holdsRole) {
            return TransitionDecision.Rejected.of(RejectionKind.ROLE_NOT_ALLOWED, from, event);
        }
        if (!inScope) {
            // An actor holding both kinds of permit (rare) gets the officer answer; both map to NOT_FOUND anyway.
            return officerOutOfScope
                    ? TransitionDecision.Rejected.of(RejectionKind.OUT_OF_UNIT, from, event)
                    : TransitionDecision.Rejected.guard(GuardFailure.NOT_OWN_DOSSIER, from, event);
        }

        for (TransitionGuard g : tr.guards()) {
            GuardFailure failure = g.check(facts);
            if (failure != null) {
                return TransitionDecision.Rejected.guard(failure, from, event);
            }
        }
        return new TransitionDecision.Allowed(tr, tr.handlingUnitEffect().apply(facts));
    }
}
