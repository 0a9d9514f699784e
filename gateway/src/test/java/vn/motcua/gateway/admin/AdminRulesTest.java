package vn.motcua.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who may do what to which account. Tree: province 30 > district 298 > communes 11077, 11080; a district admin of 298
 * (like admin.tuky) and a province admin of 30 (like admin.haiduong).
 */
class AdminRulesTest {

    private final AdminRules.Admin district =
            new AdminRules.Admin("sub-tuky", "admin.tuky", "298", Set.of("298", "11077", "11080"));
    private final AdminRules.Admin province =
            new AdminRules.Admin("sub-haiduong", "admin.haiduong", "30", Set.of("30", "298", "11077", "11080"));

    private static Account account(String id, String unit, String... roles) {
        return new Account(id, "user-" + id, id + "@motcua.local", "A", "B", true, unit, Set.of(roles), false);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"reception_officer", "specialist", "unit_leader", "clerk", "tthc_controller", "report_viewer"})
    void officerRolesMayBeGrantedAtTheOwnUnitAndBelow(String role) {
        assertThat(AdminRules.checkCreate(district, "298", List.of(role))).isEmpty();
        assertThat(AdminRules.checkCreate(district, "11077", List.of(role))).isEmpty();
    }

    @Test
    void unitsAboveBesideOrUnknownAreOutOfScope() {
        assertThat(AdminRules.checkCreate(district, "30", List.of("specialist")))
                .contains(AdminRules.Refusal.UNIT_OUT_OF_SCOPE);
        assertThat(AdminRules.checkCreate(district, "299", List.of("specialist")))
                .contains(AdminRules.Refusal.UNIT_OUT_OF_SCOPE);
        assertThat(AdminRules.checkCreate(district, "99999", List.of("specialist")))
                .contains(AdminRules.Refusal.UNIT_OUT_OF_SCOPE);
        // out of scope wins over the role: the answer does not depend on what was asked for
        assertThat(AdminRules.checkCreate(district, "30", List.of("unit_admin")))
                .contains(AdminRules.Refusal.UNIT_OUT_OF_SCOPE);
    }

    @Test
    void unitAdminOnlyStrictlyBelowTheOwnUnit() {
        assertThat(AdminRules.checkCreate(district, "11077", List.of("unit_admin")))
                .isEmpty();
        assertThat(AdminRules.checkCreate(district, "298", List.of("unit_admin")))
                .contains(AdminRules.Refusal.ROLE_NOT_GRANTABLE);
        assertThat(AdminRules.checkCreate(province, "298", List.of("unit_admin")))
                .isEmpty();
        assertThat(AdminRules.checkCreate(province, "30", List.of("unit_admin")))
                .contains(AdminRules.Refusal.ROLE_NOT_GRANTABLE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "citizen",
                "default-roles-motcua",
                "offline_access",
                "uma_authorization",
                "admin",
                "realm-admin",
                "manage-users",
                "UNIT_ADMIN",
                ""
            })
    void citizenAndEveryOtherRoleAreNeverGrantable(String role) {
        assertThat(AdminRules.checkCreate(province, "11077", List.of(role)))
                .contains(AdminRules.Refusal.ROLE_NOT_GRANTABLE);
        assertThat(AdminRules.canGrant(province, role, "11077")).isFalse();
    }

    @Test
    void anAccountNeedsARole() {
        assertThat(AdminRules.checkCreate(district, "11077", List.of()))
                .contains(AdminRules.Refusal.ROLE_NOT_GRANTABLE);
    }

    @Test
    void manageableAccountsAreOfficersOfTheSubtree() {
        assertThat(AdminRules.canManage(district, account("1", "11077", "specialist")))
                .isTrue();
        assertThat(AdminRules.canManage(district, account("2", "298", "reception_officer")))
                .isTrue();
        assertThat(AdminRules.canManage(district, account("3", "30", "report_viewer")))
                .as("above")
                .isFalse();
        assertThat(AdminRules.canManage(district, account("4", "11111", "clerk")))
                .as("elsewhere")
                .isFalse();
        assertThat(AdminRules.canManage(district, account("5", null, "citizen")))
                .as("citizen")
                .isFalse();
        assertThat(AdminRules.canManage(district, account("6", "11077", "citizen")))
                .as("citizen with unit")
                .isFalse();
        Account machine =
                new Account("7", "service-account-x", null, null, null, true, "11077", Set.of("report_viewer"), true);
        assertThat(AdminRules.canManage(district, machine))
                .as("service account")
                .isFalse();
    }

    @Test
    void administratorsManageAdminsOnlyBelowThemNeverPeersSuperiorsOrThemselves() {
        assertThat(AdminRules.canManage(district, account("a", "11077", "unit_admin")))
                .isTrue();
        assertThat(AdminRules.canManage(district, account("b", "298", "unit_admin")))
                .as("peer")
                .isFalse();
        assertThat(AdminRules.canManage(district, account("c", "30", "unit_admin")))
                .as("superior")
                .isFalse();
        assertThat(AdminRules.canManage(district, account("sub-tuky", "298", "unit_admin")))
                .as("self")
                .isFalse();
        assertThat(AdminRules.canManage(province, account("b", "298", "unit_admin")))
                .isTrue();
    }

    @Test
    void roleChangesReplaceOfficerRolesAndKeepTheOthers() {
        Account officer = account("1", "11077", "reception_officer", "default-roles-motcua");

        AdminRules.RoleDecision decision = AdminRules.changeRoles(district, officer, List.of("specialist", "clerk"));

        assertThat(decision.refusal()).isNull();
        assertThat(decision.change().add()).containsExactlyInAnyOrder("specialist", "clerk");
        assertThat(decision.change().remove()).containsExactly("reception_officer");
    }

    @Test
    void roleChangesFollowTheGrantRules() {
        Account commune = account("1", "11077", "specialist");
        Account districtOfficer = account("2", "298", "specialist");

        assertThat(AdminRules.changeRoles(district, commune, List.of("unit_admin"))
                        .refusal())
                .isNull();
        assertThat(AdminRules.changeRoles(district, districtOfficer, List.of("unit_admin"))
                        .refusal())
                .isEqualTo(AdminRules.Refusal.ROLE_NOT_GRANTABLE);
        assertThat(AdminRules.changeRoles(district, commune, List.of("citizen")).refusal())
                .isEqualTo(AdminRules.Refusal.ROLE_NOT_GRANTABLE);
        assertThat(AdminRules.changeRoles(district, commune, List.of("specialist", "realm-admin"))
                        .refusal())
                .isEqualTo(AdminRules.Refusal.ROLE_NOT_GRANTABLE);
        assertThat(AdminRules.changeRoles(district, commune, List.of()).refusal())
                .isEqualTo(AdminRules.Refusal.ROLE_NOT_GRANTABLE);
        assertThat(AdminRules.changeRoles(district, account("3", "30", "specialist"), List.of("clerk"))
                        .refusal())
                .isEqualTo(AdminRules.Refusal.NOT_MANAGEABLE);
    }

    @Test
    void aCommuneAdminCanBeDemotedOnlyFromAbove() {
        Account communeAdmin = account("1", "11077", "unit_admin");

        AdminRules.RoleDecision decision = AdminRules.changeRoles(district, communeAdmin, List.of("specialist"));

        assertThat(decision.refusal()).isNull();
        assertThat(decision.change().remove()).containsExactly("unit_admin");
        AdminRules.Admin commune = new AdminRules.Admin("sub-x", "admin.x", "11077", Set.of("11077"));
        assertThat(AdminRules.changeRoles(commune, account("9", "11077", "unit_admin"), List.of("specialist"))
                        .refusal())
                .isEqualTo(AdminRules.Refusal.NOT_MANAGEABLE);
    }

    @Test
    void keycloakServerUrlComesFromTheIssuer() {
        assertThat(KeycloakUserDirectory.serverUrlOf("http://127.0.0.1:18480/realms/motcua"))
                .isEqualTo("http://127.0.0.1:18480");
        assertThat(KeycloakUserDirectory.serverUrlOf("https://id.example.vn/auth/realms/motcua"))
                .isEqualTo("https://id.example.vn/auth");
    }
}
