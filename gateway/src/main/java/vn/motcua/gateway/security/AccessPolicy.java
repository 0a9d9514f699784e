package vn.motcua.gateway.security;

import vn.motcua.platform.auth.Caller;

import java.util.function.Predicate;

/**
 * Who may call a route, checked by {@link AuthenticationFilter} before the controller runs. This is a coarse first
 * gate by role only: scope (which unit, whose dossier) is always decided by the service from the same token.
 */
public enum AccessPolicy {
    /** No token needed; a token that is sent anyway is ignored and not forwarded. */
    PUBLIC(caller -> true),
    /** Any valid token; the service decides what the caller may see. */
    AUTHENTICATED(caller -> true),
    /** Public servants of any role. */
    OFFICER(caller -> caller.hasAnyRole(Roles.OFFICERS)),
    /** Công chức Bộ phận Một cửa. */
    RECEPTION_OFFICER(caller -> caller.hasRole(Roles.RECEPTION_OFFICER)),
    /** Client-credentials tokens of machines (e.g. the province's report puller) with report_viewer. */
    REPORT_MACHINE(caller -> MachineCallers.isMachine(caller) && caller.hasRole(Roles.REPORT_VIEWER)),
    /** Fallback for an /api route that declares no policy: nobody, so a forgotten annotation fails closed. */
    NOBODY(caller -> false);

    private final Predicate<Caller> rule;

    AccessPolicy(Predicate<Caller> rule) {
        this.rule = rule;
    }

    public boolean allows(Caller caller) {
        return rule.test(caller);
    }

    public boolean needsToken() {
        return this != PUBLIC;
    }
}
