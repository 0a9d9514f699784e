package vn.motcua.gateway.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.FakeServices;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.dossier.v1.CatalogueFormat;
import vn.motcua.proto.dossier.v1.CreateProcedureDraftRequest;
import vn.motcua.proto.dossier.v1.ExportCatalogueRequest;
import vn.motcua.proto.dossier.v1.GetProcedureRequest;
import vn.motcua.proto.dossier.v1.GetPublicListingRequest;
import vn.motcua.proto.dossier.v1.ImportCatalogueRequest;
import vn.motcua.proto.dossier.v1.OnlineLevel;
import vn.motcua.proto.dossier.v1.ProcedureDraft;
import vn.motcua.proto.dossier.v1.PublishProcedureRequest;
import vn.motcua.proto.dossier.v1.ReviewCatalogueRequest;
import vn.motcua.proto.dossier.v1.TimeLimitUnit;
import vn.motcua.proto.dossier.v1.WithdrawProcedureRequest;

/** Catalogue management over CatalogService: mapping, forwarded token, strict validation and the TTHC role. */
@MicronautTest(transactional = false)
class CatalogManagementRoutesIT extends GatewayIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String DRAFT = """
            {"code":"1.001193","name":"Đăng ký khai sinh","field":"Hộ tịch","level":"COMMUNE",
             "timeLimit":{"amount":1,"unit":"WORKING_DAYS"},"fees":[{"name":"Lệ phí","amount":8000,"legalBasis":"Nghị quyết mẫu (kiểm thử)"},{"name":"Phí","amount":2000}],
             "onlineLevel":"FULL","postalAllowed":true,"requiresPaperResult":true,"financialObligationPausesClock":true,
             "onlineFeeDiscountPercent":50,
             "components":[{"name":"Tờ khai","originalRequired":true,"quantity":1}],
             "receivingUnits":[{"unitCode":"11077","competentUnitCode":"11077"}],"effectiveOn":"2025-03-15"}""";

    private String controller() {
        return idp.officer("ks.an", "11077", "tthc_controller");
    }

    private FakeServices.Received onlyCall(String method, String token) {
        FakeServices.Received call = services.only();
        assertThat(call.method()).isEqualTo(method);
        assertThat(call.authorization()).isEqualTo(token == null ? null : "Bearer " + token);
        return call;
    }

    private Api.Reply postRaw(String path, String token, String contentType, byte[] body) {
        return api.send(api.request(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .header("Idempotency-Key", "imp-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    @Test
    @SuppressWarnings("unchecked")
    void createDraftMapsTheWholeBody() {
        String token = controller();
        Api.Reply reply = api.postJson("/api/v1/catalog/procedures", token, DRAFT, "Idempotency-Key", "d-1");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("Location")).isEqualTo("/api/v1/public/procedures/1.001193?version=3");
        assertThat(reply.json())
                .containsEntry("state", "DRAFT")
                .containsEntry("effectiveOn", "2025-03-15")
                .containsEntry("publishedOn", null)
                .containsEntry("requiresPaperResult", true);
        assertThat((Map<String, Object>) reply.json().get("procedure")).containsEntry("version", 3);
        CreateProcedureDraftRequest sent = (CreateProcedureDraftRequest)
                onlyCall("CreateProcedureDraft", token).request();
        assertThat(sent.getRequestId()).isEqualTo("d-1");
        ProcedureDraft d = sent.getDraft();
        assertThat(d.getCode()).isEqualTo("1.001193");
        assertThat(d.getName()).isEqualTo("Đăng ký khai sinh");
        assertThat(d.getLevel()).isEqualTo(UnitLevel.UNIT_LEVEL_COMMUNE);
        assertThat(d.getTimeLimit().getAmount()).isEqualTo(1);
        assertThat(d.getTimeLimit().getUnit()).isEqualTo(TimeLimitUnit.TIME_LIMIT_UNIT_WORKING_DAYS);
        assertThat(d.getFees(0).getAmount().getAmount()).isEqualTo(8000);
        // absent: the service's default (đồng)
        assertThat(d.getFees(0).getAmount().getCurrencyCode()).isEmpty();
        assertThat(d.getFees(0).getLegalBasis()).isEqualTo("Nghị quyết mẫu (kiểm thử)");
        assertThat(d.getFees(1).getLegalBasis()).as("absent: none").isEmpty();
        assertThat(d.getOnlineFeeDiscountPercent()).isEqualTo(50);
        assertThat(d.getOnlineLevel()).isEqualTo(OnlineLevel.ONLINE_LEVEL_FULL);
        assertThat(d.getPostalAllowed()).isTrue();
        assertThat(d.getBoundaryFreeAllowed()).isFalse();
        assertThat(d.getRequiresPaperResult()).isTrue();
        // issue 16: a land procedure does not count the time spent on financial obligations
        assertThat(d.getFinancialObligationPausesClock()).isTrue();
        assertThat(d.getComponents(0).getName()).isEqualTo("Tờ khai");
        assertThat(d.getComponents(0).getQuantity()).isEqualTo(1);
        assertThat(d.getReceivingUnits(0).getCompetentUnitCode()).isEqualTo("11077");
        assertThat(d.getEffectiveOn()).isEqualTo("2025-03-15");
    }

    @Test
    void createDraftShapeProblemsAreListedWithoutACall() {
        // code, names, amounts, dates and what is required are the service's rules (DraftRules): ServiceFieldRulesIT
        Api.Reply reply = api.postJson("/api/v1/catalog/procedures", controller(), """
                {"code":1,"level":"CITY","timeLimit":{"amount":"1"},"fees":[{"amount":1.5,"x":1,"legalBasis":7}],
                 "onlineFeeDiscountPercent":12.5,"components":"no","effectiveOn":"15/03/2025","extra":true}""");

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors())
                .extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder(
                        "code",
                        "level",
                        "timeLimit.amount",
                        "fees[0].amount",
                        "fees[0].x",
                        "fees[0].legalBasis",
                        "onlineFeeDiscountPercent",
                        "components",
                        "extra");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void onlyTthcControllersManageTheCatalogue() {
        String specialist = idp.officer("cv.an", "11077", "specialist");
        assertProblem(api.postJson("/api/v1/catalog/procedures", specialist, DRAFT), 403, "ROLE_NOT_ALLOWED");
        assertProblem(
                api.postJson("/api/v1/catalog/procedures/1.001193:withdraw", citizen(), "{\"reason\":\"x\"}"),
                403,
                "ROLE_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/catalog/review", specialist), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get("/api/v1/catalog:export", receptionOfficer()), 403, "ROLE_NOT_ALLOWED");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void publishMapsPathAndBody() {
        String token = controller();
        Api.Reply reply = api.postJson(
                "/api/v1/catalog/procedures/1.001193/versions/3:publish",
                token,
                "{\"publicationDecision\":\"1520/QĐ-UBND\",\"publishedOn\":\"2025-03-01\"}",
                "Idempotency-Key",
                "p-1");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json())
                .containsEntry("state", "PUBLISHED")
                .containsEntry("publicationDecision", "1520/QĐ-UBND");
        PublishProcedureRequest sent =
                (PublishProcedureRequest) onlyCall("PublishProcedure", token).request();
        assertThat(sent.getRequestId()).isEqualTo("p-1");
        assertThat(sent.getCode()).isEqualTo("1.001193");
        assertThat(sent.getVersion()).isEqualTo(3);
        assertThat(sent.getPublicationDecision()).isEqualTo("1520/QĐ-UBND");
        assertThat(sent.getPublishedOn()).isEqualTo("2025-03-01");

        services.reset();
        // the version is parsed here; the decision and the date are the service's to judge
        Api.Reply bad =
                api.postJson("/api/v1/catalog/procedures/1.001193/versions/0:publish", token, "{\"publishedOn\":2025}");
        assertProblem(bad, 400, "INVALID_FIELD");
        assertThat(bad.errors()).extracting(e -> e.get("field")).containsExactlyInAnyOrder("version", "publishedOn");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void withdrawMapsTheReason() {
        String token = controller();
        Api.Reply reply = api.postJson(
                "/api/v1/catalog/procedures/1.001193:withdraw",
                token,
                "{\"reason\":\"Bãi bỏ theo QĐ 12\"}",
                "Idempotency-Key",
                "w-1");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("state", "WITHDRAWN");
        WithdrawProcedureRequest sent =
                (WithdrawProcedureRequest) onlyCall("WithdrawProcedure", token).request();
        assertThat(sent.getRequestId()).isEqualTo("w-1");
        assertThat(sent.getCode()).isEqualTo("1.001193");
        assertThat(sent.getReason()).isEqualTo("Bãi bỏ theo QĐ 12");

        services.reset();
        assertProblem(
                api.postJson("/api/v1/catalog/procedures/1.001193:withdraw", token, "{\"reason\":[]}"),
                400,
                "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void publicProcedureNeedsNoTokenAndTakesAVersion() {
        Api.Reply reply = api.get("/api/v1/public/procedures/1.001193?version=2");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat((Map<String, Object>) reply.json().get("procedure"))
                .containsEntry("code", "1.001193")
                .containsEntry("version", 2)
                .containsEntry("financialObligationPausesClock", false)
                .containsEntry("onlineFeeDiscountPercent", 20)
                .containsEntry(
                        "fees",
                        List.of(Map.of(
                                "name", "Lệ phí",
                                "amount", 8000,
                                "currencyCode", "VND",
                                "legalBasis", "Nghị quyết mẫu (kiểm thử)")));
        GetProcedureRequest sent =
                (GetProcedureRequest) onlyCall("GetProcedure", null).request();
        assertThat(sent.getCode()).isEqualTo("1.001193");
        assertThat(sent.getVersion()).isEqualTo(2);

        services.reset();
        api.get("/api/v1/public/procedures/1.001193");
        assertThat(((GetProcedureRequest) services.only().request()).getVersion())
                .isZero();

        services.reset();
        assertProblem(api.get("/api/v1/public/procedures/1.001193?version=abc"), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void publicListingOfAUnit() {
        Api.Reply reply = api.get("/api/v1/public/units/11077/listing");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat((Map<String, Object>) reply.json().get("unit")).containsEntry("code", "11077");
        assertThat((List<?>) reply.json().get("atDesk")).hasSize(1);
        assertThat((List<?>) reply.json().get("byPost")).hasSize(1);
        assertThat((List<?>) reply.json().get("boundaryFree")).isEmpty();
        assertThat(((GetPublicListingRequest) onlyCall("GetPublicListing", null).request()).getUnitCode())
                .isEqualTo("11077");

        services.reset();
        assertProblem(api.get("/api/v1/public/units/11077%3Bx/listing"), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void importSendsTheRawFileWithItsFormat() {
        String token = controller();
        byte[] csv = "code,name\n1.001193,Đăng ký khai sinh\n".getBytes(StandardCharsets.UTF_8);
        Api.Reply reply = postRaw("/api/v1/catalog:import", token, "text/csv", csv);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("draftsCreated", 2);
        ImportCatalogueRequest sent =
                (ImportCatalogueRequest) onlyCall("ImportCatalogue", token).request();
        assertThat(sent.getRequestId()).isEqualTo("imp-1");
        assertThat(sent.getFormat()).isEqualTo(CatalogueFormat.CATALOGUE_FORMAT_CSV);
        assertThat(sent.getContent().toByteArray()).isEqualTo(csv);

        services.reset();
        byte[] xlsx = {0x50, 0x4b, 0x03, 0x04, (byte) 0xff, 0x00};
        assertThat(postRaw("/api/v1/catalog:import", token, XLSX, xlsx).status())
                .isEqualTo(200);
        ImportCatalogueRequest binary = (ImportCatalogueRequest) services.only().request();
        assertThat(binary.getFormat()).isEqualTo(CatalogueFormat.CATALOGUE_FORMAT_XLSX);
        assertThat(binary.getContent().toByteArray()).isEqualTo(xlsx);
    }

    @Test
    void importRefusesOtherTypesAndEmptyFilesWithoutACall() {
        String token = controller();
        assertThat(postRaw("/api/v1/catalog:import", token, "application/json", "{}".getBytes())
                        .status())
                .isEqualTo(415);
        assertProblem(postRaw("/api/v1/catalog:import", token, "text/csv", new byte[0]), 400, "MALFORMED_REQUEST");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void exportIsAFileDownload() throws Exception {
        String token = controller();
        HttpResponse<byte[]> reply = java.net.http.HttpClient.newHttpClient()
                .send(
                        api.request("/api/v1/catalog:export?format=xlsx")
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type").orElseThrow()).startsWith(XLSX);
        assertThat(reply.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"tthc-2025-03-03.xlsx\"");
        assertThat(reply.body()).isEqualTo(FakeServices.EXPORT);
        ExportCatalogueRequest sent =
                (ExportCatalogueRequest) onlyCall("ExportCatalogue", token).request();
        assertThat(sent.getFormat()).isEqualTo(CatalogueFormat.CATALOGUE_FORMAT_XLSX);

        services.reset();
        Api.Reply csv = api.get("/api/v1/catalog:export", token);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(((ExportCatalogueRequest) services.only().request()).getFormat())
                .isEqualTo(CatalogueFormat.CATALOGUE_FORMAT_CSV);

        services.reset();
        assertProblem(api.get("/api/v1/catalog:export?format=pdf", token), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void reviewAsOfADate() {
        String token = controller();
        Api.Reply reply = api.get("/api/v1/catalog/review?asOf=2025-03-03", token);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Object> item = ((List<Map<String, Object>>) reply.json().get("items")).get(0);
        assertThat(item).containsEntry("issue", "PUBLISHED_LATE").containsEntry("code", "1.001193");
        assertThat(((ReviewCatalogueRequest) onlyCall("ReviewCatalogue", token).request()).getAsOf())
                .isEqualTo("2025-03-03");

        services.reset();
        assertProblem(api.get("/api/v1/catalog/review?asOf=yesterday", token), 400, "INVALID_FIELD");
        assertThat(services.received()).isEmpty();
    }
}
