package vn.motcua.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.proto.dossier.v1.ListProceduresRequest;
import vn.motcua.proto.dossier.v1.ListUnitsRequest;
import vn.motcua.proto.dossier.v1.SearchPublicProceduresRequest;

@MicronautTest(transactional = false)
class CatalogRoutesIT extends GatewayIT {

    @Test
    void unitsArePublic() {
        Api.Reply reply = api.get("/api/v1/units?under=01");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("units"))
                .isEqualTo(List.of(
                        withNull(
                                Map.of(
                                        "code",
                                        "01",
                                        "name",
                                        "Thành phố Hà Nội",
                                        "level",
                                        "PROVINCE",
                                        "agencyCode",
                                        "H30"),
                                "parentCode"),
                        Map.of(
                                "code",
                                "11077",
                                "name",
                                "Phường Tràng Tiền",
                                "level",
                                "COMMUNE",
                                "agencyCode",
                                "H30.298.11077",
                                "parentCode",
                                "01")));
        var call = services.only();
        assertThat(((ListUnitsRequest) call.request()).getUnderCode()).isEqualTo("01");
        assertThat(call.authorization()).isNull();
    }

    @Test
    void aTokenOnAPublicRouteIsNeitherCheckedNorForwarded() {
        Api.Reply reply = api.get("/api/v1/units", "expired.or.garbage");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(services.only().authorization()).isNull();
    }

    @Test
    void publicSearchPassesItsParameters() {
        Api.Reply reply = api.get("/api/v1/public/procedures?q=c%E1%BA%A5p%20gi%E1%BA%A5y%20khai%20sinh"
                + "&unitCode=11077&pageSize=20&pageToken=abc%3D");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Object> page = reply.json();
        assertThat(page).containsEntry("nextPageToken", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> procedure = ((List<Map<String, Object>>) page.get("procedures")).get(0);
        assertThat(procedure)
                .containsEntry("code", "1.001193")
                .containsEntry("version", 2)
                .containsEntry("level", "COMMUNE")
                .containsEntry("onlineLevel", "FULL")
                .containsEntry("postalAllowed", true)
                .containsEntry("timeLimit", Map.of("amount", 1, "unit", "WORKING_DAYS"))
                .containsEntry("onlineFeeDiscountPercent", 20)
                .containsEntry(
                        "fees",
                        List.of(Map.of(
                                "name",
                                "Lệ phí",
                                "amount",
                                8000,
                                "currencyCode",
                                "VND",
                                "legalBasis",
                                "Nghị quyết mẫu (kiểm thử)")));
        SearchPublicProceduresRequest sent =
                (SearchPublicProceduresRequest) services.only().request();
        assertThat(sent.getQuery()).isEqualTo("cấp giấy khai sinh");
        assertThat(sent.getUnitCode()).isEqualTo("11077");
        assertThat(sent.getPage().getPageSize()).isEqualTo(20);
        assertThat(sent.getPage().getPageToken()).isEqualTo("abc=");
    }

    @Test
    void badQueryParametersAreRefusedBeforeAnyCall() {
        Api.Reply reply = api.get("/api/v1/public/procedures?pageSize=abc&unitCode=%3Cx%3E&q=a%00b");

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors())
                .extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("pageSize", "unitCode", "q");
        assertProblem(api.get("/api/v1/procedures?pageSize=501", officer("clerk")), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void officersListTheirUnitsProcedures() {
        String token = officer("tthc_controller");

        Api.Reply reply = api.get("/api/v1/procedures?unitCode=11077&pageSize=10", token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("nextPageToken", "p2");
        var call = services.only();
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
        ListProceduresRequest sent = (ListProceduresRequest) call.request();
        assertThat(sent.getUnitCode()).isEqualTo("11077");
        assertThat(sent.getPage().getPageSize()).isEqualTo(10);
    }

    @Test
    void officerListNeedsAnOfficer() {
        assertProblem(api.get("/api/v1/procedures"), 401, "TOKEN_MISSING");
        assertProblem(api.get("/api/v1/procedures", citizen()), 403, "ROLE_NOT_ALLOWED");
        assertThat(services.received()).isEmpty();
    }

    private static Map<String, Object> withNull(Map<String, Object> values, String nullKey) {
        Map<String, Object> map = new HashMap<>(values);
        map.put(nullKey, null);
        return map;
    }
}
