package vn.motcua.gateway.security;

/**
 * Values of the OpenAPI {@code x-roles} extension, as JSON arrays (annotation values must be constants). They repeat
 * {@link AccessPolicy#documentedRoles()}; OpenApiDocumentIT fails when a route's document and policy disagree.
 */
public final class RoleDocs {

    public static final String PUBLIC = "[\"anonymous\"]";
    public static final String AUTHENTICATED = "[\"authenticated\"]";
    public static final String OFFICER = "[\"reception_officer\", \"specialist\", \"unit_leader\", \"clerk\", "
            + "\"tthc_controller\", \"unit_admin\", \"report_viewer\"]";
    public static final String RECEPTION_OFFICER = "[\"reception_officer\"]";
    public static final String REPORT_MACHINE = "[\"report_viewer\"]";
    public static final String UNIT_ADMIN = "[\"unit_admin\"]";

    private RoleDocs() {
    }
}
