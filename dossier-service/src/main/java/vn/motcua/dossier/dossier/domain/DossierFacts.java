package vn.motcua.dossier.dossier.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What the state machine needs to know about a dossier besides its state. Everything that depends on the working
 * calendar arrives precomputed as a boolean, so this package stays a pure function of its inputs and the calendar
 * engine (holidays, make-up days, office hours) stays in {@code calendar}.
 *
 * <p><b>Boundary-free processing (domain.md §11.1).</b> Three unit codes express where the dossier is:
 * <ul>
 *   <li>{@code receivingUnitCode}: the one-stop desk that took the dossier in. Reception-desk events (accept,
 *       reject, transfer, supplement received at the desk, withdraw on paper, stop notice, return) are checked
 *       against it for the whole life of the dossier, because the result comes back there (ND61 Art 19(7)).
 *   <li>{@code competentUnitCode}: the authority that decides. It differs from the receiving unit for a
 *       phi địa giới dossier.
 *   <li>{@code currentHandlingUnitCode}: where processing happens now. Processing events are checked against it.
 *       It is the receiving unit until TRANSFER, which moves it to the competent unit; ISSUE_RESULT hands it back
 *       to the receiving unit. The machine reports the new value in
 *       {@link TransitionDecision.Allowed#handlingUnitCodeAfter()}; the service stores it.
 * </ul>
 * For a brand-new dossier (creation events) the caller passes the receiving unit it is being created at and a
 * null handling unit. Built with {@link #builder()}, so that the four calendar answers are named where they are set.
 *
 * @param applicantCitizenId            CCCD of the applicant, for citizen ownership checks
 * @param regime                        legal regime the dossier is processed under
 * @param receivedAt                    acceptance time (clock start); null before acceptance. Carried for audit and
 *                                      messages: the guards use the precomputed booleans, not this.
 * @param dueAt                         current due date; null before acceptance. Same remark.
 * @param extensionUsed                 an apology/extension (Form 04) has already been issued
 * @param resultIssued                  a decision or result has been issued (numbered and sealed)
 * @param withinSupplementWindow        now is within 3 working days of reception (ND61 Art 19(4))
 * @param atLeastOneWorkingDayBeforeDue now is at least 1 working day before {@code dueAt} (ND61 Art 19(9))
 */
public record DossierFacts(
        String receivingUnitCode,
        String competentUnitCode,
        String currentHandlingUnitCode,
        String applicantCitizenId,
        LegalRegime regime,
        Instant receivedAt,
        Instant dueAt,
        boolean extensionUsed,
        boolean resultIssued,
        boolean withinSupplementWindow,
        boolean atLeastOneWorkingDayBeforeDue) {

    public DossierFacts {
        // The regime changes which events exist; guessing it would silently apply the wrong law.
        Objects.requireNonNull(regime, "regime");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Required: the regime. Unit codes and times may be absent (creation); every calendar answer defaults to no. */
    public static final class Builder {
        private String receivingUnitCode;
        private String competentUnitCode;
        private String currentHandlingUnitCode;
        private String applicantCitizenId;
        private LegalRegime regime;
        private Instant receivedAt;
        private Instant dueAt;
        private boolean extensionUsed;
        private boolean resultIssued;
        private boolean withinSupplementWindow;
        private boolean atLeastOneWorkingDayBeforeDue;

        private Builder() {}

        public Builder receivingUnitCode(String receivingUnitCode) {
            this.receivingUnitCode = receivingUnitCode;
            return this;
        }

        public Builder competentUnitCode(String competentUnitCode) {
            this.competentUnitCode = competentUnitCode;
            return this;
        }

        public Builder currentHandlingUnitCode(String currentHandlingUnitCode) {
            this.currentHandlingUnitCode = currentHandlingUnitCode;
            return this;
        }

        public Builder applicantCitizenId(String applicantCitizenId) {
            this.applicantCitizenId = applicantCitizenId;
            return this;
        }

        public Builder regime(LegalRegime regime) {
            this.regime = regime;
            return this;
        }

        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public Builder dueAt(Instant dueAt) {
            this.dueAt = dueAt;
            return this;
        }

        public Builder extensionUsed(boolean extensionUsed) {
            this.extensionUsed = extensionUsed;
            return this;
        }

        public Builder resultIssued(boolean resultIssued) {
            this.resultIssued = resultIssued;
            return this;
        }

        public Builder withinSupplementWindow(boolean withinSupplementWindow) {
            this.withinSupplementWindow = withinSupplementWindow;
            return this;
        }

        public Builder atLeastOneWorkingDayBeforeDue(boolean atLeastOneWorkingDayBeforeDue) {
            this.atLeastOneWorkingDayBeforeDue = atLeastOneWorkingDayBeforeDue;
            return this;
        }

        /** @throws NullPointerException when the regime is missing */
        public DossierFacts build() {
            return new DossierFacts(
                    receivingUnitCode,
                    competentUnitCode,
                    currentHandlingUnitCode,
                    applicantCitizenId,
                    regime,
                    receivedAt,
                    dueAt,
                    extensionUsed,
                    resultIssued,
                    withinSupplementWindow,
                    atLeastOneWorkingDayBeforeDue);
        }
    }

    /** True when the dossier is received in one unit and decided in another (phi địa giới). */
    public boolean isBoundaryFree() {
        return receivingUnitCode != null && competentUnitCode != null && !receivingUnitCode.equals(competentUnitCode);
    }
}
