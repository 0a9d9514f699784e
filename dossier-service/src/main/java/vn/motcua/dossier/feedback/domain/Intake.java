package vn.motcua.dossier.feedback.domain;

/** How a feedback reached the unit (Decree 20/2008 Art 6). */
public enum Intake {
    /** Filed by a signed-in citizen. */
    CITIZEN_ONLINE,
    /** Written or phoned in, and recorded by an officer of the unit. */
    OFFICER_RECORDED
}
