package vn.motcua.gateway.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.proto.dossier.v1.GetDossierActionsRequest;
import vn.motcua.proto.dossier.v1.ListInboxRequest;

/**
 * What the console's working day adds to the REST API (issue 17): the inbox's total and search and the leader's
 * "waiting for approval" filter, GET /api/v1/dossiers/{code}/actions (the service's allowed events as REST actions,
 * the issued forms by kind) and the actor's name and roles on timeline entries.
 */
@MicronautTest
class ConsoleWorkDayRoutesIT extends GatewayIT {

    private static final String CODE = "H30.298.11077-250303-0001";

    private String leader() {
        return idp.officer("ld.an", "11077", "unit_leader");
    }

    @Test
    void inboxAnswersItsTotalAndPassesSearchAndApprovalFilter() {
        Api.Reply reply = api.get("/api/v1/inbox?search=Nguy%E1%BB%85n%20V%C4%83n&awaitingApproval=true", leader());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("totalSize", 51);
        ListInboxRequest sent = (ListInboxRequest) services.only().request();
        assertThat(sent.getSearch()).isEqualTo("Nguyễn Văn");
        assertThat(sent.getAwaitingApproval()).isTrue();

        services.reset();
        assertThat(api.get("/api/v1/inbox", leader()).status()).isEqualTo(200);
        ListInboxRequest plain = (ListInboxRequest) services.only().request();
        assertThat(plain.getSearch()).as("no search").isEmpty();
        assertThat(plain.getAwaitingApproval()).isFalse();
    }

    @Test
    void badSearchOrApprovalFlagIsAFieldErrorWithoutACall() {
        Api.Reply reply = api.get("/api/v1/inbox?search=" + "x".repeat(101) + "&awaitingApproval=yes", leader());

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.errors())
                .extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("search", "awaitingApproval");
        assertThat(api.get("/api/v1/inbox?search=%20%20", leader()).status()).isEqualTo(400);
        assertThat(services.received()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void actionsAreTheServicesAllowedEventsAsRestActionsAndTheIssuedForms() {
        String token = leader();
        Api.Reply reply = api.get("/api/v1/dossiers/" + CODE + "/actions", token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("code", CODE).containsEntry("revision", 3);
        assertThat((List<String>) reply.json().get("allowedActions"))
                .as("steps once, an event this gateway does not know left out")
                .containsExactly("steps", "extend", "refuse");
        assertThat((List<String>) reply.json().get("allowedSteps")).containsExactly("ASSIGN", "APPROVE");
        assertThat((List<String>) reply.json().get("issuedForms")).containsExactly("receipt", "control-slip");
        var call = services.only();
        assertThat(((GetDossierActionsRequest) call.request()).getCode()).isEqualTo(CODE);
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void actionsOfAMalformedCodeOrWithoutATokenMakeNoCall() {
        assertThat(api.get("/api/v1/dossiers/bad%20code/actions", leader()).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/dossiers/" + CODE + "/actions").status()).isEqualTo(401);
        assertThat(services.received()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void timelineEntriesCarryTheActorsNameAndRoles() {
        Api.Reply reply = api.get("/api/v1/dossiers/" + CODE + "/timeline", leader());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<Map<String, Object>> entries =
                (List<Map<String, Object>>) reply.json().get("entries");
        assertThat(entries.get(0)).containsEntry("actorName", null).containsEntry("actorRoles", List.of());
        assertThat(entries.get(1))
                .containsEntry("actorName", "Nguyễn Thị Lan")
                .containsEntry("actorRoles", List.of("reception_officer"));
    }
}
