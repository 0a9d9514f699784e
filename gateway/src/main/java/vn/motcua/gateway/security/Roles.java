package vn.motcua.gateway.security;

import java.util.Set;

/** Keycloak realm roles (architecture §5) that the gateway checks before calling a service. */
public final class Roles {

    public static final String CITIZEN = "citizen";
    public static final String RECEPTION_OFFICER = "reception_officer";
    public static final String REPORT_VIEWER = "report_viewer";

    /** Every role of a public servant; a citizen has none of them. */
    public static final Set<String> OFFICERS = Set.of(RECEPTION_OFFICER, "specialist", "unit_leader", "clerk",
            "tthc_controller", "unit_admin", REPORT_VIEWER);

    private Roles() {
    }
}
