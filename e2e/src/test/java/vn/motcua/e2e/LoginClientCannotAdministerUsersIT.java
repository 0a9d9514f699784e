package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every API client holds the login client's secret, so it must not be a key to Keycloak's admin API (issue 10,
 * finding 1): the login client has no service account (the client-credentials grant is refused), no person's token
 * from it reaches the admin API, and the gateway's own administration client cannot log anyone in.
 */
class LoginClientCannotAdministerUsersIT extends SystemTest {

    private static final String ADMIN_CLIENT = "motcua-gateway-admin";
    private static final String ADMIN_CLIENT_SECRET = "motcua-gateway-admin-demo-secret";
    private static final List<String> DEMO_USERS = List.of(
            "mc.ngocson",
            "cv.ngocson",
            "ld.ngocson",
            "vt.ngocson",
            "mc.kyson",
            "mc.tuky",
            "ks.tuky",
            "admin.tuky",
            "admin.haiduong",
            "bc.haiduong",
            "congdan.an",
            "congdan.binh");

    @Test
    void theLoginClientsSecretGetsNoClientCredentialsToken() throws Exception {
        HttpResponse<String> grant = tokenRequest(
                platform.tokenUrl(),
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        LOGIN_CLIENT,
                        "client_secret",
                        LOGIN_CLIENT_SECRET));

        assertThat(grant.statusCode()).as(grant.body()).isIn(400, 401);
        assertThat(grant.body()).doesNotContain("access_token");
    }

    @Test
    void noDemoUsersTokenFromTheLoginClientReachesKeycloaksAdminApi() throws Exception {
        for (String user : DEMO_USERS) {
            HttpResponse<String> users = keycloakAdminGet("motcua/users?max=5", token(user));
            assertThat(users.statusCode()).as("%s: %s", user, users.body()).isIn(401, 403);
        }
    }

    @Test
    void theGatewaysAdministrationClientLogsNobodyIn() throws Exception {
        HttpResponse<String> grant = tokenRequest(
                platform.tokenUrl(),
                Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        ADMIN_CLIENT,
                        "client_secret",
                        ADMIN_CLIENT_SECRET,
                        "username",
                        "admin.haiduong",
                        "password",
                        DEMO_PASSWORD));

        assertThat(grant.statusCode()).as(grant.body()).isIn(400, 401);
        assertThat(grant.body()).doesNotContain("access_token");
    }

    @Test
    void onlyTheAdministrationClientHasAServiceAccountWithUserManagement() throws Exception {
        String admin = keycloakAdminToken();
        assertThat(client(admin, LOGIN_CLIENT).path("serviceAccountsEnabled").asBoolean(true))
                .isFalse();
        JsonNode administration = client(admin, ADMIN_CLIENT);
        assertThat(administration.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(administration.path("directAccessGrantsEnabled").asBoolean(true))
                .isFalse();
        assertThat(administration.path("standardFlowEnabled").asBoolean(true)).isFalse();
    }

    private JsonNode client(String admin, String clientId) throws Exception {
        HttpResponse<String> found = keycloakAdminGet("motcua/clients?clientId=" + enc(clientId), admin);
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode clients = json.readTree(found.body());
        assertThat(clients.size()).as("client %s: %s", clientId, found.body()).isEqualTo(1);
        return clients.get(0);
    }
}
