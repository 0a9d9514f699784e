package vn.motcua.gateway.security;

import java.util.List;
import java.util.Set;

/** Keycloak realm roles (architecture §5) that the gateway checks before calling a service. */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String RECEPTION_OFFICER = "reception_officer";
    public static final String SPECIALIST = "specialist";
    public static final String UNIT_LEADER = "unit_leader";
    public static final String CLERK = "clerk";
    public static final String TTHC_CONTROLLER = "tthc_controller";
    public static final String UNIT_ADMIN = "unit_admin";
    public static final String REPORT_VIEWER = "report_viewer";

    /** Every role of a public servant, in a stable order for documentation; a citizen has none of them. */
    public static final List<String> OFFICER_LIST = List.of(RECEPTION_OFFICER, SPECIALIST, UNIT_LEADER, CLERK,
            TTHC_CONTROLLER, UNIT_ADMIN, REPORT_VIEWER);

    /** A citizen or any public servant, for documentation. */
    public static final List<String> CITIZEN_OR_OFFICER_LIST = List.of(CITIZEN, RECEPTION_OFFICER, SPECIALIST,
            UNIT_LEADER, CLERK, TTHC_CONTROLLER, UNIT_ADMIN, REPORT_VIEWER);

    /** Every role of a public servant; a citizen has none of them. */
    public static final Set<String> OFFICERS = Set.copyOf(OFFICER_LIST);

    private Roles() {
    }
}
