package vn.motcua.gateway.admin;

import io.micronaut.core.annotation.Nullable;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.motcua.platform.auth.Roles;

/**
 * What a unit administrator may do to accounts: pure decisions, no I/O.
 * <ul>
 *   <li>Scope: the administrator's own unit and every unit below it (the subtree from dossier-service's unit tree).
 *   A unit outside the scope (above, beside, unknown) is {@link Refusal#UNIT_OUT_OF_SCOPE}.</li>
 *   <li>Grantable roles: the officer roles (reception_officer, specialist, unit_leader, clerk, tthc_controller,
 *   report_viewer) anywhere in the scope; unit_admin only for units strictly below the administrator's own; never
 *   citizen nor any other realm role. Taking a role away follows the same rule as granting it.</li>
 *   <li>Manageable accounts: people (not service accounts) whose unit_code is in the scope and who are not citizens;
 *   an account holding unit_admin only if its unit is strictly below (so no administrator manages a peer, a superior or
 *   themselves). Accounts that are not manageable are answered as not found.</li>
 * </ul>
 */
public final class AdminRules {

    public enum Refusal {
        UNIT_OUT_OF_SCOPE,
        ROLE_NOT_GRANTABLE,
        NOT_MANAGEABLE
    }

    /**
     * The administrator as the decisions see them.
     *
     * @param scope unit codes the administrator administers: their own unit and every unit below it
     */
    public record Admin(String subject, String username, String unitCode, Set<String> scope) {

        public Admin {
            scope = Set.copyOf(scope);
        }

        public boolean inScope(@Nullable String unit) {
            return unit != null && scope.contains(unit);
        }

        public boolean strictlyBelow(@Nullable String unit) {
            return inScope(unit) && !unit.equals(unitCode);
        }
    }

    private AdminRules() {}

    public static boolean canGrant(Admin admin, String role, @Nullable String unit) {
        if (!Roles.OFFICERS.contains(role) || !admin.inScope(unit)) {
            return false;
        }
        return !Roles.UNIT_ADMIN.equals(role) || admin.strictlyBelow(unit);
    }

    /** Why an account with these roles may not be created at that unit, if it may not. */
    public static Optional<Refusal> checkCreate(Admin admin, String unit, Collection<String> roles) {
        if (!admin.inScope(unit)) {
            return Optional.of(Refusal.UNIT_OUT_OF_SCOPE);
        }
        if (roles.isEmpty() || roles.stream().anyMatch(role -> !canGrant(admin, role, unit))) {
            return Optional.of(Refusal.ROLE_NOT_GRANTABLE);
        }
        return Optional.empty();
    }

    public static boolean canManage(Admin admin, Account account) {
        if (account.serviceAccount()
                || account.id().equals(admin.subject())
                || !admin.inScope(account.unitCode())
                || account.roles().contains(Roles.CITIZEN)) {
            return false;
        }
        return !account.roles().contains(Roles.UNIT_ADMIN) || admin.strictlyBelow(account.unitCode());
    }

    /** The role changes that turn the account's officer roles into {@code wanted}. */
    public record RoleChange(Set<String> add, Set<String> remove) {

        public RoleChange {
            add = Set.copyOf(add);
            remove = Set.copyOf(remove);
        }
    }

    /**
     * Replaces the account's officer roles with {@code wanted}; roles outside the officer set (default roles,
     * offline_access) are left alone. Refused when the account is not manageable or any role added or removed is not
     * grantable at the account's unit.
     */
    public static RoleDecision changeRoles(Admin admin, Account account, Collection<String> wanted) {
        if (!canManage(admin, account)) {
            return RoleDecision.refused(Refusal.NOT_MANAGEABLE);
        }
        Set<String> target = Set.copyOf(wanted);
        Set<String> current = new HashSet<>(account.roles());
        current.retainAll(Roles.OFFICERS);
        Set<String> add = new HashSet<>(target);
        add.removeAll(current);
        Set<String> remove = new HashSet<>(current);
        remove.removeAll(target);
        boolean allowed = target.stream().allMatch(Roles.OFFICERS::contains)
                && !target.isEmpty()
                && add.stream().allMatch(role -> canGrant(admin, role, account.unitCode()))
                && remove.stream().allMatch(role -> canGrant(admin, role, account.unitCode()));
        return allowed
                ? RoleDecision.allowed(new RoleChange(add, remove))
                : RoleDecision.refused(Refusal.ROLE_NOT_GRANTABLE);
    }

    /** Either a role change to apply or the refusal. */
    public record RoleDecision(
            @Nullable RoleChange change, @Nullable Refusal refusal) {

        static RoleDecision allowed(RoleChange change) {
            return new RoleDecision(change, null);
        }

        static RoleDecision refused(Refusal refusal) {
            return new RoleDecision(null, refusal);
        }
    }

    /** The officer roles among an account's roles, sorted, for answers and audit lines. */
    public static List<String> officerRoles(Collection<String> roles) {
        return roles.stream().filter(Roles.OFFICERS::contains).sorted().toList();
    }
}
