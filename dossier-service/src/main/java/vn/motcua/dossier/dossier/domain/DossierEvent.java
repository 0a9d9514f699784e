package vn.motcua.dossier.dossier.domain;

/**
 * Everything that can happen to a dossier: the transitions T1–T16 of domain.md §4.3 plus the internal processing
 * steps of T7, which are logged (and fed to reports) but leave the dossier IN_PROCESS.
 *
 * <p>Each event names the change-feed {@code event_type} it emits (architecture.md §6) and the form it produces.
 * They belong to the event, not to a (state, event) pair, because consumers care about what happened, not about
 * the state it happened in: a counter receipt and an online acceptance are both "dossier.received", and the channel
 * travels in the payload.
 */
public enum DossierEvent {
    /** T1: citizen submits online; creates the dossier. */
    SUBMIT_ONLINE("dossier.submitted", DossierForm.NONE),
    /** T2: the one-stop officer accepts an online dossier; the clock starts. */
    ACCEPT("dossier.received", DossierForm.FORM_01_RECEIPT),
    /** T3: incomplete at reception; all reasons at once (ND61 Art 15(3)). Also used at the counter/post. */
    REQUEST_PRE_SUPPLEMENT("dossier.pre_supplement_requested", DossierForm.FORM_02_SUPPLEMENT),
    /** The citizen completes a pre-acceptance supplement online. */
    RESUBMIT("dossier.resubmitted", DossierForm.NONE),
    /** T4: refused at reception (not competent, or refusal reasons). */
    REJECT("dossier.rejected", DossierForm.FORM_03_REFUSAL),
    /** T5: paper dossier received and digitized at the counter. */
    RECEIVE_AT_COUNTER("dossier.received", DossierForm.FORM_01_RECEIPT),
    /** T5, postal: received from the postal officer (QĐ45/2016 Art 7). */
    RECEIVE_BY_POST("dossier.received", DossierForm.FORM_01_RECEIPT),
    /** T6: hand-over to the competent unit (ND61 Art 18). */
    TRANSFER("dossier.transferred", DossierForm.NONE),
    // T7 internal steps: logged with assignee, content and step deadline (ND61 Art 19(3), 19(5)).
    ASSIGN("dossier.assigned", DossierForm.NONE),
    APPRAISE("dossier.appraised", DossierForm.NONE),
    REQUEST_CONSULTATION("dossier.consultation_requested", DossierForm.NONE),
    ANSWER_CONSULTATION("dossier.consultation_answered", DossierForm.NONE),
    FORWARD_INTER_AGENCY("dossier.forwarded_inter_agency", DossierForm.NONE),
    SUBMIT_FOR_APPROVAL("dossier.submitted_for_approval", DossierForm.NONE),
    APPROVE("dossier.approved", DossierForm.NONE),
    /** T8: ineligible after appraisal; only within 3 working days of reception (ND61 Art 19(4)). */
    REQUEST_SUPPLEMENT("dossier.supplement_requested", DossierForm.FORM_02_SUPPLEMENT),
    /** T9: supplement complete; the time limit restarts from zero (ND61 Art 19(4)). */
    SUPPLEMENT_RECEIVED("dossier.supplement_received", DossierForm.NONE),
    /** T10: refused after appraisal, within the time limit (ND61 Art 19(8)). */
    REFUSE("dossier.refused", DossierForm.FORM_03_REFUSAL),
    /** T11: apology and new appointment; once, ≥1 working day before due (ND61 Art 19(9)). */
    APOLOGISE_AND_EXTEND("dossier.deadline_extended", DossierForm.FORM_04_APOLOGY),
    /** T12: taxes or land charges must be paid first. The notice comes from the tax authority, not a one-stop form. */
    REQUIRE_FINANCIAL_OBLIGATION("dossier.financial_obligation_required", DossierForm.NONE),
    OBLIGATION_FULFILLED("dossier.financial_obligation_fulfilled", DossierForm.NONE),
    /** T13: withdrawal at the applicant's request. */
    WITHDRAW("dossier.withdrawn", DossierForm.NONE),
    /** T14: stop processing; REGIME_2025 only (Decree 118 Art 21, Circular 03/2025 Art 7). */
    STOP("dossier.stopped", DossierForm.FORM_STOP_NOTICE),
    /** T15: result numbered, sealed and issued. */
    ISSUE_RESULT("dossier.result_issued", DossierForm.NONE),
    /** T16: result handed to the applicant (counter, post or e-result). */
    RETURN_RESULT("dossier.result_returned", DossierForm.NONE);

    private final String feedEventType;
    private final DossierForm form;

    DossierEvent(String feedEventType, DossierForm form) {
        this.feedEventType = feedEventType;
        this.form = form;
    }

    /** {@code event_type} of the change-feed envelope written to the outbox with this transition. */
    public String feedEventType() {
        return feedEventType;
    }

    /** Form the transition produces; {@link DossierForm#NONE} when it produces none. */
    public DossierForm form() {
        return form;
    }
}
