package vn.motcua.dossier.dossier.domain;

import java.util.Set;

/**
 * Keycloak realm role names (architecture.md §5). Strings, not an enum, because they arrive as strings in the
 * token and an unknown role must simply grant nothing rather than fail to parse.
 */
public final class Roles {
    public static final String CITIZEN = "citizen";
    public static final String RECEPTION_OFFICER = "reception_officer";
    public static final String SPECIALIST = "specialist";
    public static final String UNIT_LEADER = "unit_leader";
    public static final String CLERK = "clerk";
    public static final String TTHC_CONTROLLER = "tthc_controller";
    public static final String UNIT_ADMIN = "unit_admin";
    public static final String REPORT_VIEWER = "report_viewer";

    /** All realm roles for people; the last three never move a dossier. */
    public static final Set<String> ALL = Set.of(CITIZEN, RECEPTION_OFFICER, SPECIALIST, UNIT_LEADER, CLERK,
            TTHC_CONTROLLER, UNIT_ADMIN, REPORT_VIEWER);

    private Roles() {
    }
}
