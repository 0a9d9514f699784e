package vn.motcua.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.proto.report.v1.CountDailyReceptionsRequest;

@MicronautTest(transactional = false)
class ReportRoutesIT extends GatewayIT {

    private static final String QUERY = "?unitCode=01&from=2025-03-01&to=2025-03-31";

    @BeforeAll
    void machines() {
        idp.serviceAccount("province-report-puller", Set.of("report_viewer"));
        idp.serviceAccount("backup-job", Set.of("offline_access"));
    }

    @Test
    void officersCountDailyReceptions() {
        String token = idp.officer("province.viewer", "01", "report_viewer");

        Api.Reply reply = api.get("/api/v1/reports/daily-receptions" + QUERY, token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json())
                .isEqualTo(Map.of(
                        "rows",
                        List.of(
                                Map.of("unitCode", "11077", "date", "2025-03-03", "received", 12),
                                Map.of("unitCode", "11077", "date", "2025-03-04", "received", 9))));
        var call = services.only();
        assertThat(call.method()).isEqualTo("CountDailyReceptions");
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
        CountDailyReceptionsRequest sent = (CountDailyReceptionsRequest) call.request();
        assertThat(sent.getUnitCode()).isEqualTo("01");
        assertThat(sent.getFromDate()).isEqualTo("2025-03-01");
        assertThat(sent.getToDate()).isEqualTo("2025-03-31");
    }

    @Test
    void machineClientsUseTheMachineRoute() {
        String token = idp.serviceAccountToken("province-report-puller");

        Api.Reply reply = api.get("/api/v1/machine/reports/daily-receptions" + QUERY, token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(services.only().authorization()).isEqualTo("Bearer " + token);
    }

    @Test
    void peopleAndMachinesWithoutTheRoleAreRefusedOnTheMachineRoute() {
        String path = "/api/v1/machine/reports/daily-receptions" + QUERY;

        assertProblem(api.get(path, idp.officer("province.viewer", "01", "report_viewer")), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get(path, citizen()), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get(path, idp.serviceAccountToken("backup-job")), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get(path), 401, "TOKEN_MISSING");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void citizensAreRefused() {
        assertProblem(api.get("/api/v1/reports/daily-receptions" + QUERY, citizen()), 403, "ROLE_NOT_ALLOWED");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void datesAreRequiredAndOrdered() {
        String token = officer("report_viewer");

        Api.Reply missing = api.get("/api/v1/reports/daily-receptions", token);
        Api.Reply malformed = api.get("/api/v1/reports/daily-receptions?from=2025-3-1&to=2025-02-30", token);
        Api.Reply reversed = api.get("/api/v1/reports/daily-receptions?from=2025-03-31&to=2025-03-01", token);

        assertProblem(missing, 400, "INVALID_FIELD");
        assertThat(missing.errors()).extracting(e -> e.get("field")).containsExactly("from", "to");
        assertThat(malformed.errors()).extracting(e -> e.get("field")).containsExactly("from", "to");
        assertThat(reversed.errors()).extracting(e -> e.get("field")).containsExactly("to");
        assertThat(services.received()).isEmpty();
    }
}
