package vn.motcua.dossier.feedback.domain;

/** The classification of Decree 20/2008 Art 9(4). */
public enum FeedbackClass {
    /** Fails the requirements of Art 7 (language, sender identity and contact): refused. */
    NOT_ACCEPTED,
    /** About an official's behaviour: handled under its own procedure by the competent agency, so forwarded. */
    STAFF_BEHAVIOUR,
    /** About a regulation the unit itself may amend or propose to amend: processed and answered here. */
    REGULATION_IN_COMPETENCE,
    /** About a regulation of another agency: forwarded within 5 working days of reception. */
    REGULATION_OUT_OF_COMPETENCE;

    /** The state classification leads to. */
    public FeedbackState stateAfterClassification() {
        return this == NOT_ACCEPTED ? FeedbackState.REJECTED : FeedbackState.PROCESSING;
    }

    /** Processing ends in a forwarding rather than an answer of this unit. */
    public boolean mustBeForwarded() {
        return this == STAFF_BEHAVIOUR || this == REGULATION_OUT_OF_COMPETENCE;
    }

    /** For the informational 766 indicators PETITION_CLASSIFICATION_TTHC / _STAFF. */
    public boolean aboutRegulation() {
        return this == REGULATION_IN_COMPETENCE || this == REGULATION_OUT_OF_COMPETENCE;
    }
}
