package vn.motcua.dossier.dossier.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Result of {@link DossierStateMachine#decide}. A sealed interface so callers switch exhaustively and cannot read a
 * target state from a rejection by mistake.
 */
public sealed interface TransitionDecision permits TransitionDecision.Allowed, TransitionDecision.Rejected {

    boolean isAllowed();

    /**
     * The transition may happen.
     *
     * @param transition            the table row that matched (target state, feed event type, form)
     * @param handlingUnitCodeAfter the handling unit the service must store after applying it
     */
    record Allowed(Transition transition, String handlingUnitCodeAfter) implements TransitionDecision {
        public Allowed {
            Objects.requireNonNull(transition, "transition");
        }

        public DossierState to() {
            return transition.to();
        }

        public String feedEventType() {
            return transition.feedEventType();
        }

        public DossierForm form() {
            return transition.form();
        }

        /**
         * The dossier after this (non-creating) transition: state, handling unit, clock, finish time and the next
         * revision, as the row declares them.
         *
         * @param newDueAt the new appointment of an extension; unused by other rows
         * @param due      the competent unit's due-time arithmetic for the dossier's procedure
         */
        public Dossier applyTo(Dossier before, Instant now, Instant newDueAt, DueTimes due) {
            if (transition.createsDossier()) {
                throw new IllegalStateException(transition.event() + " creates a dossier; use create");
            }
            return transition
                    .applyTo(before.toBuilder(), now, newDueAt, due)
                    .handlingUnitCode(handlingUnitCodeAfter == null ? before.handlingUnitCode() : handlingUnitCodeAfter)
                    .revision(before.revision() + 1)
                    .build();
        }

        /**
         * The new dossier of a creating transition, from a draft that carries code, procedure, units, channel,
         * applicant, note and, for a desk reception, when it was received.
         */
        public Dossier create(Dossier.Builder draft, Instant now, DueTimes due) {
            if (!transition.createsDossier()) {
                throw new IllegalStateException(transition.event() + " needs an existing dossier; use applyTo");
            }
            if (handlingUnitCodeAfter != null) {
                draft.handlingUnitCode(handlingUnitCodeAfter);
            }
            return transition.applyTo(draft, now, null, due).build();
        }

        @Override
        public boolean isAllowed() {
            return true;
        }
    }

    /**
     * The transition may not happen.
     *
     * @param kind         category, checked in the order of {@link RejectionKind}
     * @param guardFailure the precise reason when {@code kind == GUARD_FAILED}, else null
     * @param from         the state the request was made in (null: no dossier yet)
     * @param event        the event requested
     */
    record Rejected(RejectionKind kind, GuardFailure guardFailure, DossierState from, DossierEvent event)
            implements TransitionDecision {

        public Rejected {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(event, "event");
            if ((kind == RejectionKind.GUARD_FAILED) != (guardFailure != null)) {
                throw new IllegalArgumentException("guardFailure is set exactly when kind is GUARD_FAILED");
            }
        }

        static Rejected of(RejectionKind kind, DossierState from, DossierEvent event) {
            return new Rejected(kind, null, from, event);
        }

        static Rejected guard(GuardFailure failure, DossierState from, DossierEvent event) {
            return new Rejected(RejectionKind.GUARD_FAILED, failure, from, event);
        }

        /**
         * Stable UPPER_SNAKE reason for {@code google.rpc.ErrorInfo.reason}: the guard's own name for guard
         * failures, the kind otherwise. For NOT_FOUND categories the adapter should still send its generic
         * not-found reason to the client and keep this one for logs, so scope leaks nothing.
         */
        public String reasonCode() {
            return guardFailure != null ? guardFailure.name() : kind.name();
        }

        public StatusCategory statusCategory() {
            return guardFailure != null ? guardFailure.status() : kind.status();
        }

        /** English detail for logs and ErrorInfo metadata. */
        public String message() {
            String where = from == null ? "no dossier yet" : "state " + from;
            return switch (kind) {
                case ILLEGAL_TRANSITION -> "event " + event + " is not possible in " + where;
                case ROLE_NOT_ALLOWED -> "no role of the caller may fire " + event + " in " + where;
                case OUT_OF_UNIT -> "dossier unit is outside the caller's units for " + event;
                case GUARD_FAILED -> event + " refused in " + where + ": " + guardFailure;
            };
        }

        @Override
        public boolean isAllowed() {
            return false;
        }
    }
}
