package vn.motcua.gateway.security;

/**
 * Values of the OpenAPI {@code x-acting-roles} extension, as JSON arrays (annotation values must be constants).
 * {@code x-access} and {@code x-roles} are not written here: the served document derives them from each route's
 * {@link Access} (OpenApiDocument).
 */
public final class RoleDocs {

    /*
     * Values of x-acting-roles: the roles that dossier-service lets perform a workflow action (its transition table,
     * with the unit or ownership scope in brackets). The gateway only enforces the broader x-roles; these tell a
     * client which of its users will not be refused with 403 by the service. OpenApiDocumentIT checks that each is
     * admitted by the route's policy.
     */
    /** Reception officer of the receiving unit. */
    public static final String ACTS_RECEPTION = "[\"reception_officer\"]";
    /** Specialist of the handling unit. */
    public static final String ACTS_SPECIALIST = "[\"specialist\"]";
    /** Unit leader of the handling unit. */
    public static final String ACTS_LEADER = "[\"unit_leader\"]";
    /** Clerk (văn thư) of the handling unit. */
    public static final String ACTS_CLERK = "[\"clerk\"]";
    /** Processing steps: ASSIGN, FORWARD_INTER_AGENCY, APPROVE by the leader, the others by the specialist. */
    public static final String ACTS_STEPS = "[\"specialist\", \"unit_leader\"]";
    /** Specialist of the handling unit or reception officer of the receiving unit. */
    public static final String ACTS_SPECIALIST_OR_RECEPTION = "[\"specialist\", \"reception_officer\"]";
    /** The applicant (own dossier) or a reception officer of the receiving unit. */
    public static final String ACTS_APPLICANT_OR_RECEPTION = "[\"citizen\", \"reception_officer\"]";
    /** The applicant, on their own dossiers only. */
    public static final String ACTS_APPLICANT = "[\"citizen\"]";
    /**
     * The applicant, or officers whose unit scope covers the dossier; not report viewers, who read statistics only
     * (a dossier carries personal data).
     */
    public static final String ACTS_READERS = "[\"citizen\", \"reception_officer\", \"specialist\", "
            + "\"unit_leader\", \"clerk\", \"tthc_controller\", \"unit_admin\"]";
    /** Officers in whose unit scope the register is; not report viewers (its rows carry personal data). */
    public static final String ACTS_REGISTER = "[\"reception_officer\", \"specialist\", \"unit_leader\", "
            + "\"clerk\", \"tthc_controller\", \"unit_admin\"]";
    /** Officers with a work queue: reception officer, specialist, unit leader, clerk (each sees its own). */
    public static final String ACTS_INBOX = "[\"reception_officer\", \"specialist\", \"unit_leader\", " + "\"clerk\"]";

    /** The sender of a feedback, or a TTHC controller of its unit (or above). */
    public static final String ACTS_FEEDBACK_READERS = "[\"citizen\", \"tthc_controller\"]";

    /**
     * Payments and receipts: the payer (the citizen of the dossier), and officers of the payment's unit subtree who
     * handle dossiers, and report viewers (payment-service's read rule).
     */
    public static final String ACTS_PAYMENT_READERS =
            "[\"citizen\", \"reception_officer\", \"specialist\", " + "\"unit_leader\", \"clerk\", \"report_viewer\"]";

    /** Reconciliation of a unit's online payments: its reception officers and its leaders, for their own unit. */
    public static final String ACTS_RECONCILERS = "[\"reception_officer\", \"unit_leader\"]";

    /**
     * A dossier's digitization and its documents: the applicant, and officers to whom dossier-service shows the
     * dossier (report viewers read statistics only; digitization-service hides the dossier from them as from anyone
     * outside its scope).
     */
    public static final String ACTS_DIGITIZATION_READERS = "[\"citizen\", \"reception_officer\", \"specialist\", "
            + "\"unit_leader\", \"clerk\", \"tthc_controller\", \"unit_admin\"]";
    /** Uploads: the applicant for their own (online) dossier; the digitizing officers of a dossier they see. */
    public static final String ACTS_UPLOADERS = "[\"citizen\", \"reception_officer\", \"specialist\"]";
    /** Check, confirm, exempt: reception officer or specialist of a dossier they see, while it is not finished. */
    public static final String ACTS_DIGITIZERS = "[\"reception_officer\", \"specialist\"]";
    /** The electronic result: specialist, unit leader or clerk of the handling unit. */
    public static final String ACTS_RESULT_ISSUERS = "[\"specialist\", \"unit_leader\", \"clerk\"]";
    /** A unit's certified-copy register: the officers of that unit. */
    public static final String ACTS_COPY_REGISTER =
            "[\"reception_officer\", \"specialist\", \"unit_leader\", " + "\"clerk\"]";

    /**
     * Directive tasks and campaigns (report-service's rules): a unit's reminder addresses are replaced by a unit
     * admin or unit leader of the unit or above.
     */
    public static final String ACTS_TASK_CONTACTS = "[\"unit_leader\", \"unit_admin\"]";
    /**
     * A campaign report is returned or accepted by a unit leader or specialist of the receiving unit; a campaign is
     * consolidated by one of the issuing unit.
     */
    public static final String ACTS_CAMPAIGN_RECEIVERS = "[\"specialist\", \"unit_leader\"]";

    private RoleDocs() {}
}
