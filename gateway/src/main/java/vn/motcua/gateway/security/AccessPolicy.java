package vn.motcua.gateway.security;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;

/**
 * Who may call a route, checked by {@link AuthenticationFilter} before the controller runs. This is a coarse first
 * gate by role only: scope (which unit, whose dossier) is always decided by the service from the same token.
 * <p>
 * The served OpenAPI document states each route's policy as {@code x-access} ({@link #documentedName()}) and
 * {@code x-roles} ({@link #documentedRoles()}), derived from the route's {@link Access} (OpenApiDocument).
 */
public enum AccessPolicy {
    /** No token needed; a token that is sent anyway is ignored and not forwarded. */
    PUBLIC(caller -> true, List.of("anonymous")),
    /** Any valid token; the service decides what the caller may see. */
    AUTHENTICATED(caller -> true, List.of("authenticated")),
    /** Public servants of any role. */
    OFFICER(caller -> caller.hasAnyRole(Roles.OFFICERS), Roles.OFFICER_LIST),
    /** A citizen (công dân) signed in with their own account; the service matches dossiers to the token's citizen_id. */
    CITIZEN(caller -> caller.hasRole(Roles.CITIZEN), List.of(Roles.CITIZEN)),
    /** Công chức Bộ phận Một cửa. */
    RECEPTION_OFFICER(caller -> caller.hasRole(Roles.RECEPTION_OFFICER), List.of(Roles.RECEPTION_OFFICER)),
    /** Client-credentials tokens of machines (e.g. the province's report puller) with report_viewer. */
    REPORT_MACHINE(
            caller -> MachineCallers.isMachine(caller) && caller.hasRole(Roles.REPORT_VIEWER),
            List.of(Roles.REPORT_VIEWER)),
    /** Cán bộ kiểm soát TTHC: the procedure catalogue and feedback on regulations; a person, never a machine. */
    TTHC_CONTROLLER(
            caller -> caller.hasRole(Roles.TTHC_CONTROLLER) && !MachineCallers.isMachine(caller),
            List.of(Roles.TTHC_CONTROLLER)),
    /** A person signed in as a citizen or as a public servant of any role (not a machine). */
    CITIZEN_OR_OFFICER(
            caller -> (caller.hasRole(Roles.CITIZEN) || caller.hasAnyRole(Roles.OFFICERS))
                    && !MachineCallers.isMachine(caller),
            Roles.PERSON_LIST),
    /** Account administrators of a unit's subtree; a person with a unit, never a machine. */
    UNIT_ADMIN(
            caller ->
                    caller.hasRole(Roles.UNIT_ADMIN) && caller.unit().isPresent() && !MachineCallers.isMachine(caller),
            List.of(Roles.UNIT_ADMIN)),
    /**
     * Who may upload a document or attach one to a dossier's component: the applicant (their own dossier) and the
     * officers who digitize (reception officer, specialist); a person, never a machine. Refused here so a file of
     * hundreds of megabytes is not streamed to the service only to be refused there.
     */
    DOCUMENT_UPLOADER(
            caller -> (caller.hasRole(Roles.CITIZEN)
                            || caller.hasRole(Roles.RECEPTION_OFFICER)
                            || caller.hasRole(Roles.SPECIALIST))
                    && !MachineCallers.isMachine(caller),
            List.of(Roles.CITIZEN, Roles.RECEPTION_OFFICER, Roles.SPECIALIST)),
    /** Officers who check a scan against the original, confirm or exempt it: reception officer, specialist. */
    DIGITIZER(
            caller -> (caller.hasRole(Roles.RECEPTION_OFFICER) || caller.hasRole(Roles.SPECIALIST))
                    && !MachineCallers.isMachine(caller),
            List.of(Roles.RECEPTION_OFFICER, Roles.SPECIALIST)),
    /** Officers who attach a dossier's signed electronic result: specialist, unit leader, clerk. */
    RESULT_ISSUER(
            caller -> (caller.hasRole(Roles.SPECIALIST)
                            || caller.hasRole(Roles.UNIT_LEADER)
                            || caller.hasRole(Roles.CLERK))
                    && !MachineCallers.isMachine(caller),
            List.of(Roles.SPECIALIST, Roles.UNIT_LEADER, Roles.CLERK)),
    /**
     * Readers of statistics (report-service): public servants of any role, report viewers included; a person, never
     * a machine, whose routes are the separate {@code /api/v1/machine/reports/...} ones ({@link #REPORT_MACHINE}), so
     * the two audiences are governed apart. Which units a reader sees is the service's rule (the caller's subtree).
     */
    REPORT_READER(caller -> caller.hasAnyRole(Roles.OFFICERS) && !MachineCallers.isMachine(caller), Roles.OFFICER_LIST),
    /**
     * Lãnh đạo đơn vị: freezes (submits) a unit's period report, a correction with its reason; a person, never a
     * machine. That the unit is the leader's own is report-service's rule.
     */
    UNIT_LEADER(
            caller -> caller.hasRole(Roles.UNIT_LEADER) && !MachineCallers.isMachine(caller),
            List.of(Roles.UNIT_LEADER)),
    /** Fallback for an /api route that declares no policy: nobody, so a forgotten annotation fails closed. */
    NOBODY(caller -> false, List.of());

    private final Predicate<Caller> rule;
    private final List<String> documentedRoles;

    AccessPolicy(Predicate<Caller> rule, List<String> documentedRoles) {
        this.rule = rule;
        this.documentedRoles = documentedRoles;
    }

    public boolean allows(Caller caller) {
        return rule.test(caller);
    }

    public boolean needsToken() {
        return this != PUBLIC;
    }

    /** The value of the route's {@code x-access} in the OpenAPI document, e.g. {@code reception_officer}. */
    public String documentedName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value of the route's {@code x-roles} in the OpenAPI document. */
    public List<String> documentedRoles() {
        return documentedRoles;
    }
}
