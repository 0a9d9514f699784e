package vn.motcua.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;

class AccessPolicyTest {

    private static Caller caller(String username, String clientId, String... roles) {
        return new Caller("sub", username, Set.of(roles), null, null, clientId, "token");
    }

    @Test
    void officersAreEveryStaffRoleButNotCitizens() {
        for (String role : Roles.OFFICERS) {
            assertThat(AccessPolicy.OFFICER.allows(caller("u", "motcua-web", role)))
                    .as(role)
                    .isTrue();
        }
        assertThat(AccessPolicy.OFFICER.allows(caller("u", "motcua-web", "citizen")))
                .isFalse();
        assertThat(AccessPolicy.OFFICER.allows(caller("u", "motcua-web"))).isFalse();
    }

    @Test
    void citizenRoutesNeedTheCitizenRole() {
        assertThat(AccessPolicy.CITIZEN.allows(caller("u", "motcua-web", "citizen")))
                .isTrue();
        for (String role : Roles.OFFICERS) {
            assertThat(AccessPolicy.CITIZEN.allows(caller("u", "motcua-web", role)))
                    .as(role)
                    .isFalse();
        }
        assertThat(AccessPolicy.CITIZEN.documentedRoles()).containsExactly("citizen");
    }

    @Test
    void receptionNeedsTheReceptionRole() {
        assertThat(AccessPolicy.RECEPTION_OFFICER.allows(caller("u", "motcua-web", "reception_officer")))
                .isTrue();
        assertThat(AccessPolicy.RECEPTION_OFFICER.allows(caller("u", "motcua-web", "specialist", "clerk")))
                .isFalse();
    }

    @Test
    void machineRouteNeedsAServiceAccountWithReportViewer() {
        assertThat(AccessPolicy.REPORT_MACHINE.allows(
                        caller("service-account-province-puller", "province-puller", "report_viewer")))
                .isTrue();
        assertThat(AccessPolicy.REPORT_MACHINE.allows(
                        caller("service-account-province-puller", "Province-Puller", "report_viewer")))
                .isTrue();
        // a person with the role, a person whose name merely looks like a service account, a machine without the role
        assertThat(AccessPolicy.REPORT_MACHINE.allows(caller("province.viewer", "motcua-web", "report_viewer")))
                .isFalse();
        assertThat(AccessPolicy.REPORT_MACHINE.allows(
                        caller("service-account-province-puller", "motcua-web", "report_viewer")))
                .isFalse();
        assertThat(AccessPolicy.REPORT_MACHINE.allows(caller("service-account-backup", "backup")))
                .isFalse();
        assertThat(AccessPolicy.REPORT_MACHINE.allows(caller(null, null, "report_viewer")))
                .isFalse();
    }

    @Test
    void reportReadersAreOfficersInPersonAndThePullerIsNotOne() {
        for (String role : Roles.OFFICERS) {
            assertThat(AccessPolicy.REPORT_READER.allows(caller("u", "motcua-web", role)))
                    .as(role)
                    .isTrue();
        }
        assertThat(AccessPolicy.REPORT_READER.allows(caller("u", "motcua-web", "citizen")))
                .isFalse();
        // the puller reads on its machine routes only
        assertThat(AccessPolicy.REPORT_READER.allows(
                        caller("service-account-province-puller", "province-puller", "report_viewer")))
                .isFalse();
        assertThat(AccessPolicy.REPORT_READER.documentedRoles()).containsExactlyElementsOf(Roles.OFFICER_LIST);
    }

    @Test
    void submittingAReportIsALeadersInPerson() {
        assertThat(AccessPolicy.UNIT_LEADER.allows(caller("ld.ngocson", "motcua-web", "unit_leader")))
                .isTrue();
        for (String role : Roles.OFFICERS) {
            if (!role.equals("unit_leader")) {
                assertThat(AccessPolicy.UNIT_LEADER.allows(caller("u", "motcua-web", role)))
                        .as(role)
                        .isFalse();
            }
        }
        assertThat(AccessPolicy.UNIT_LEADER.allows(caller("service-account-bot", "bot", "unit_leader")))
                .isFalse();
        assertThat(AccessPolicy.UNIT_LEADER.documentedRoles()).containsExactly("unit_leader");
    }

    @Test
    void onlyPublicNeedsNoTokenAndNobodyAllowsNoOne() {
        assertThat(AccessPolicy.PUBLIC.needsToken()).isFalse();
        assertThat(AccessPolicy.AUTHENTICATED.needsToken()).isTrue();
        assertThat(AccessPolicy.NOBODY.allows(caller("admin", "x", "unit_admin", "reception_officer")))
                .isFalse();
    }

    @Test
    void catalogueAndFeedbackControllersArePeopleWithTheTthcRole() {
        assertThat(AccessPolicy.TTHC_CONTROLLER.allows(caller("ks.an", "motcua-web", "tthc_controller")))
                .isTrue();
        assertThat(AccessPolicy.TTHC_CONTROLLER.allows(caller("u", "motcua-web", "specialist", "unit_leader")))
                .isFalse();
        assertThat(AccessPolicy.TTHC_CONTROLLER.allows(caller("service-account-sync", "sync", "tthc_controller")))
                .isFalse();
        assertThat(AccessPolicy.TTHC_CONTROLLER.documentedRoles()).containsExactly("tthc_controller");
    }

    @Test
    void feedbackSendersAreCitizensOrOfficersButNotMachines() {
        assertThat(AccessPolicy.CITIZEN_OR_OFFICER.allows(caller("u", "motcua-web", "citizen")))
                .isTrue();
        for (String role : Roles.OFFICERS) {
            assertThat(AccessPolicy.CITIZEN_OR_OFFICER.allows(caller("u", "motcua-web", role)))
                    .as(role)
                    .isTrue();
        }
        assertThat(AccessPolicy.CITIZEN_OR_OFFICER.allows(caller("u", "motcua-web")))
                .isFalse();
        assertThat(AccessPolicy.CITIZEN_OR_OFFICER.allows(caller("service-account-x", "x", "report_viewer")))
                .isFalse();
    }
}
