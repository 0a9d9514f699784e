package vn.motcua.platform.auth;

import java.util.List;
import java.util.Set;

/**
 * Keycloak realm role names (architecture.md §5): the one list that the gateway and every service use. Strings, not
 * an enum, because they arrive as strings in the token and an unknown role must simply grant nothing rather than
 * fail to parse. What a role may do is each service's own rule; this class only names them.
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

    /** Every role of a public servant, in a stable order (documentation, OpenAPI); a citizen has none of them. */
    public static final List<String> OFFICER_LIST =
            List.of(RECEPTION_OFFICER, SPECIALIST, UNIT_LEADER, CLERK, TTHC_CONTROLLER, UNIT_ADMIN, REPORT_VIEWER);

    /** Every role of a public servant; a citizen has none of them. */
    public static final Set<String> OFFICERS = Set.copyOf(OFFICER_LIST);

    /** A citizen or any public servant, in a stable order. */
    public static final List<String> PERSON_LIST = List.of(
            CITIZEN, RECEPTION_OFFICER, SPECIALIST, UNIT_LEADER, CLERK, TTHC_CONTROLLER, UNIT_ADMIN, REPORT_VIEWER);

    /** Every realm role a person can hold. */
    public static final Set<String> ALL = Set.copyOf(PERSON_LIST);

    private Roles() {}
}
