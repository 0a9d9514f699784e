package vn.motcua.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.testing.FeedPayloads;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.dossier.v1.Applicant;
import vn.motcua.proto.dossier.v1.CatalogServiceGrpc;
import vn.motcua.proto.dossier.v1.CatalogueFormat;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.Component;
import vn.motcua.proto.dossier.v1.CreateProcedureDraftRequest;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.ExportCatalogueRequest;
import vn.motcua.proto.dossier.v1.ExportCatalogueResponse;
import vn.motcua.proto.dossier.v1.FeeItem;
import vn.motcua.proto.dossier.v1.GetDossierRequest;
import vn.motcua.proto.dossier.v1.GetProcedureRequest;
import vn.motcua.proto.dossier.v1.GetPublicListingRequest;
import vn.motcua.proto.dossier.v1.GetPublicListingResponse;
import vn.motcua.proto.dossier.v1.ImportCatalogueRequest;
import vn.motcua.proto.dossier.v1.OnlineLevel;
import vn.motcua.proto.dossier.v1.Procedure;
import vn.motcua.proto.dossier.v1.ProcedureDraft;
import vn.motcua.proto.dossier.v1.ProcedureVersion;
import vn.motcua.proto.dossier.v1.PublicationState;
import vn.motcua.proto.dossier.v1.PublishProcedureRequest;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;
import vn.motcua.proto.dossier.v1.ReceivingUnit;
import vn.motcua.proto.dossier.v1.ReviewCatalogueRequest;
import vn.motcua.proto.dossier.v1.ReviewIssue;
import vn.motcua.proto.dossier.v1.ReviewItem;
import vn.motcua.proto.dossier.v1.SearchPublicProceduresRequest;
import vn.motcua.proto.dossier.v1.TimeLimit;
import vn.motcua.proto.dossier.v1.TimeLimitUnit;
import vn.motcua.proto.dossier.v1.WithdrawProcedureRequest;

/**
 * CatalogService over real gRPC on a throwaway MariaDB database with the demo seed (Tứ Kỳ district 298, its
 * communes such as Ngọc Sơn 11077 and Kỳ Sơn 11080): versioning and publication, the public listing, withdrawal,
 * import/export, the review, and refusals that write nothing.
 */
@MicronautTest(transactional = false)
class CatalogManagementIT extends DossierItSupport {

    private static final String TU_KY = "298";
    private static final String NGOC_SON = "11077";
    private static final String KY_SON = "11080";
    private static final String HEADER = "code,name,field,level,time_limit_amount,time_limit_unit,online_level,"
            + "postal_allowed,boundary_free_allowed,requires_paper_result,effective_on,fees,components,receiving_units";

    /** A free port rather than application.yml's 50051, which a service or another test run may hold. */
    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("grpc.server.port", Integer.toString(TestPorts.free()));
    }

    private String controller(String unit) {
        return idp.officer("kstt." + unit, unit, "tthc_controller");
    }

    private CatalogServiceGrpc.CatalogServiceBlockingStub cs(String token) {
        return authorised(CatalogServiceGrpc.newBlockingStub(channel), token);
    }

    private static ProcedureDraft.Builder draft(String code, String name) {
        return ProcedureDraft.newBuilder()
                .setCode(code)
                .setName(name)
                .setField("Giao thông nông thôn")
                .setLevel(UnitLevel.UNIT_LEVEL_COMMUNE)
                .setTimeLimit(TimeLimit.newBuilder().setAmount(3).setUnit(TimeLimitUnit.TIME_LIMIT_UNIT_WORKING_DAYS))
                .addFees(FeeItem.newBuilder()
                        .setName("Lệ phí cấp phép")
                        .setAmount(Money.newBuilder().setAmount(50_000).setCurrencyCode("VND")))
                .setOnlineLevel(OnlineLevel.ONLINE_LEVEL_PARTIAL)
                .setPostalAllowed(true)
                .setRequiresPaperResult(true)
                .addComponents(Component.newBuilder()
                        .setName("Đơn đề nghị cấp phép")
                        .setOriginalRequired(true)
                        .setQuantity(1))
                .addReceivingUnits(
                        ReceivingUnit.newBuilder().setUnitCode(NGOC_SON).setCompetentUnitCode(NGOC_SON))
                .setEffectiveOn("2026-01-01");
    }

    private ProcedureVersion create(String token, ProcedureDraft.Builder draft) {
        return cs(token)
                .createProcedureDraft(
                        CreateProcedureDraftRequest.newBuilder().setDraft(draft).build())
                .getVersion();
    }

    private ProcedureVersion publish(String token, String code, int version, String publishedOn) {
        return cs(token)
                .publishProcedure(PublishProcedureRequest.newBuilder()
                        .setCode(code)
                        .setVersion(version)
                        .setPublicationDecision("1520/QĐ-UBND")
                        .setPublishedOn(publishedOn)
                        .build())
                .getVersion();
    }

    private GetPublicListingResponse listing(String unit) {
        return cs(null).getPublicListing(
                        GetPublicListingRequest.newBuilder().setUnitCode(unit).build());
    }

    private List<Procedure> search(String query) {
        return ds(null).searchPublicProcedures(SearchPublicProceduresRequest.newBuilder()
                        .setQuery(query)
                        .build())
                .getProceduresList();
    }

    private Dossier receive(String code) {
        return ds(idp.officer("mc." + NGOC_SON, NGOC_SON, "reception_officer"))
                .receiveDossier(ReceiveDossierRequest.newBuilder()
                        .setProcedureCode(code)
                        .setChannel(Channel.CHANNEL_COUNTER)
                        .setApplicant(Applicant.newBuilder()
                                .setFullName("Trần Thị Bình")
                                .setCitizenId("030090004321"))
                        .build())
                .getDossier();
    }

    private static String codesAt(GetPublicListingResponse listing, String code) {
        return listing.getAtDeskList().stream()
                .filter(p -> p.getCode().equals(code))
                .map(p -> "v" + p.getVersion())
                .findFirst()
                .orElse("absent");
    }

    @Test
    void draftIsPublishedListedAndFoundThenSupersededWhileDossiersKeepTheirVersion() throws SQLException {
        String district = controller(TU_KY);
        String code = "1.009101";
        ProcedureVersion v1 = create(district, draft(code, "Cấp phép đào đường giao thông nông thôn"));
        assertThat(v1.getState()).isEqualTo(PublicationState.PUBLICATION_STATE_DRAFT);
        assertThat(v1.getProcedure().getVersion()).isEqualTo(1);
        // a draft is neither listed nor public, but its controller sees it
        assertThat(codesAt(listing(NGOC_SON), code)).isEqualTo("absent");
        assertCode(
                () -> cs(null).getProcedure(
                                GetProcedureRequest.newBuilder().setCode(code).build()),
                Status.Code.NOT_FOUND);
        assertCode(
                () -> cs(null).getProcedure(GetProcedureRequest.newBuilder()
                        .setCode(code)
                        .setVersion(1)
                        .build()),
                Status.Code.NOT_FOUND);
        assertThat(cs(district)
                        .getProcedure(GetProcedureRequest.newBuilder()
                                .setCode(code)
                                .setVersion(1)
                                .build())
                        .getVersion()
                        .getState())
                .isEqualTo(PublicationState.PUBLICATION_STATE_DRAFT);

        ProcedureVersion published = publish(district, code, 1, "2025-12-20");
        assertThat(published.getState()).isEqualTo(PublicationState.PUBLICATION_STATE_PUBLISHED);
        assertThat(published.getPublicationDecision()).isEqualTo("1520/QĐ-UBND");
        assertThat(published.getPublishedOn()).isEqualTo("2025-12-20");
        GetPublicListingResponse atNgocSon = listing(NGOC_SON);
        assertThat(atNgocSon.getUnit().getName()).isEqualTo("Xã Ngọc Sơn");
        assertThat(codesAt(atNgocSon, code)).isEqualTo("v1");
        assertThat(atNgocSon.getByPostList()).extracting(Procedure::getCode).contains(code);
        assertThat(atNgocSon.getBoundaryFreeList())
                .extracting(Procedure::getCode)
                .doesNotContain(code);
        assertThat(codesAt(listing(KY_SON), code)).isEqualTo("absent");
        assertThat(search("cap phep dao duong"))
                .extracting(Procedure::getCode, Procedure::getVersion)
                .containsExactly(tuple(code, 1));

        Dossier underV1 = receive(code);
        assertThat(underV1.getProcedureVersion()).isEqualTo(1);

        ProcedureVersion v2 = create(
                district,
                draft(code, "Cấp phép đào đường giao thông nông thôn")
                        .setTimeLimit(
                                TimeLimit.newBuilder().setAmount(2).setUnit(TimeLimitUnit.TIME_LIMIT_UNIT_WORKING_DAYS))
                        .setBoundaryFreeAllowed(true)
                        .setOnlineFeeDiscountPercent(15)
                        .addReceivingUnits(
                                ReceivingUnit.newBuilder().setUnitCode(KY_SON).setCompetentUnitCode(KY_SON)));
        assertThat(v2.getProcedure().getVersion()).isEqualTo(2);
        assertThat(v2.getProcedure().getOnlineFeeDiscountPercent()).isEqualTo(15);
        assertThat(v1.getProcedure().getOnlineFeeDiscountPercent()).isZero();
        // until v2 is published, v1 is what citizens see and dossiers get
        assertThat(codesAt(listing(NGOC_SON), code)).isEqualTo("v1");
        publish(district, code, 2, "2025-12-22");

        assertThat(codesAt(listing(NGOC_SON), code)).isEqualTo("v2");
        assertThat(codesAt(listing(KY_SON), code)).isEqualTo("v2");
        assertThat(listing(NGOC_SON).getBoundaryFreeList())
                .extracting(Procedure::getCode)
                .contains(code);
        assertThat(search("CẤP PHÉP ĐÀO ĐƯỜNG"))
                .extracting(Procedure::getVersion)
                .containsExactly(2);
        assertThat(cs(null).getProcedure(
                                GetProcedureRequest.newBuilder().setCode(code).build())
                        .getVersion()
                        .getProcedure()
                        .getVersion())
                .isEqualTo(2);
        ProcedureVersion old = cs(null).getProcedure(GetProcedureRequest.newBuilder()
                        .setCode(code)
                        .setVersion(1)
                        .build())
                .getVersion();
        assertThat(old.getState()).isEqualTo(PublicationState.PUBLICATION_STATE_PUBLISHED);
        assertThat(old.getProcedure().getTimeLimit().getAmount()).isEqualTo(3);
        assertThat(old.getReceivingUnitsList())
                .extracting(ReceivingUnit::getUnitCode)
                .containsExactly(NGOC_SON);

        Dossier underV2 = receive(code);
        assertThat(underV2.getProcedureVersion()).isEqualTo(2);
        assertThat(ds(idp.officer("mc." + NGOC_SON, NGOC_SON, "reception_officer"))
                        .getDossier(GetDossierRequest.newBuilder()
                                .setCode(underV1.getCode())
                                .build())
                        .getDossier()
                        .getProcedureVersion())
                .isEqualTo(1);

        // a published version is never published (or edited) again
        StatusRuntimeException again = failure(() -> publish(district, code, 1, "2025-12-23"));
        assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);

        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT event_type, unit_code, " + FeedPayloads.COLUMNS
                        + " FROM feed_outbox WHERE aggregate_type = 'procedure' AND aggregate_id = '" + code
                        + "' ORDER BY id")) {
            List<String> payloads = new ArrayList<>();
            while (rs.next()) {
                assertThat(rs.getString(1)).isEqualTo("procedure.published");
                assertThat(rs.getString(2)).isEqualTo(TU_KY);
                payloads.add(FeedPayloads.json(rs.getString(3), rs.getBytes(4)));
            }
            assertThat(payloads).hasSize(2);
            assertThat(payloads.get(1))
                    .contains(
                            "\"version\":2",
                            "\"supersededVersion\":1",
                            "\"publishedOn\":\"2025-12-22\"",
                            "\"unitCode\":\"11080\"",
                            "\"onlineFeeDiscountPercent\":15")
                    .doesNotContain("kstt")
                    .doesNotContain("Lệ phí cấp phép");
        }
    }

    @Test
    void withdrawalHidesTheProcedureWithoutBringingBackTheVersionItSuperseded() throws SQLException {
        String district = controller(TU_KY);
        String code = "1.009102";
        create(district, draft(code, "Xác nhận tình trạng nhà ở nông thôn"));
        publish(district, code, 1, "2025-12-20");
        create(district, draft(code, "Xác nhận tình trạng nhà ở nông thôn"));
        publish(district, code, 2, "2025-12-21");
        String reason = "Bãi bỏ theo Quyết định 99/QĐ-UBND";

        ProcedureVersion withdrawn = cs(district)
                .withdrawProcedure(WithdrawProcedureRequest.newBuilder()
                        .setCode(code)
                        .setReason(reason)
                        .build())
                .getVersion();

        assertThat(withdrawn.getState()).isEqualTo(PublicationState.PUBLICATION_STATE_WITHDRAWN);
        assertThat(withdrawn.getProcedure().getVersion()).isEqualTo(2);
        assertCode(
                () -> cs(null).getProcedure(
                                GetProcedureRequest.newBuilder().setCode(code).build()),
                Status.Code.NOT_FOUND);
        assertThat(cs(null).getProcedure(GetProcedureRequest.newBuilder()
                                .setCode(code)
                                .setVersion(1)
                                .build())
                        .getVersion()
                        .getState())
                .isEqualTo(PublicationState.PUBLICATION_STATE_PUBLISHED);
        assertThat(codesAt(listing(NGOC_SON), code)).isEqualTo("absent");
        assertThat(search("xac nhan tinh trang nha o")).isEmpty();
        assertCode(() -> receive(code), Status.Code.NOT_FOUND);
        assertCode(
                () -> cs(district)
                        .withdrawProcedure(WithdrawProcedureRequest.newBuilder()
                                .setCode(code)
                                .setReason(reason)
                                .build()),
                Status.Code.NOT_FOUND);
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT " + FeedPayloads.COLUMNS + " FROM feed_outbox WHERE aggregate_id = '"
                                + code + "' AND event_type = 'procedure.withdrawn'")) {
            assertThat(rs.next()).isTrue();
            assertThat(FeedPayloads.json(rs.getString(1), rs.getBytes(2)))
                    .contains("\"state\":\"PUBLICATION_STATE_WITHDRAWN\"")
                    .doesNotContain("Bãi bỏ");
        }

        // publishing a new version brings the procedure back
        create(district, draft(code, "Xác nhận tình trạng nhà ở nông thôn"));
        publish(district, code, 3, "2025-12-22");
        assertThat(codesAt(listing(NGOC_SON), code)).isEqualTo("v3");
    }

    @ParameterizedTest
    @EnumSource(
            value = CatalogueFormat.class,
            names = {"CATALOGUE_FORMAT_CSV", "CATALOGUE_FORMAT_XLSX"})
    void anExportImportsBackAsDraftsEqualToThePublishedVersions(CatalogueFormat format) {
        String district = controller(TU_KY);
        String code = format == CatalogueFormat.CATALOGUE_FORMAT_CSV ? "1.009103" : "1.009203";
        create(
                district,
                draft(code, "Chứng thực chữ ký; bản dịch: \"mẫu\" – Đường thủy nội địa")
                        .clearFees()
                        .addFees(FeeItem.newBuilder()
                                .setName("Phí: mỗi chữ ký; mỗi bản")
                                .setAmount(Money.newBuilder().setAmount(10_000))
                                // a test value, not a real instrument; separators make the cell JSON
                                .setLegalBasis("Nghị quyết mẫu; Điều 2: \"kiểm thử\""))
                        .setOnlineFeeDiscountPercent(30)
                        .addComponents(Component.newBuilder()
                                .setName("Bản dịch | bản chính")
                                .setQuantity(2)
                                .setPresentOnly(true))
                        .addReceivingUnits(
                                ReceivingUnit.newBuilder().setUnitCode(KY_SON).setCompetentUnitCode(TU_KY)));
        publish(district, code, 1, "2025-12-20");

        ExportCatalogueResponse export = cs(district)
                .exportCatalogue(
                        ExportCatalogueRequest.newBuilder().setFormat(format).build());
        assertThat(export.getFileName())
                .startsWith("danh-muc-tthc-298-")
                .endsWith(format == CatalogueFormat.CATALOGUE_FORMAT_CSV ? ".csv" : ".xlsx");
        assertThat(export.getContentType())
                .contains(format == CatalogueFormat.CATALOGUE_FORMAT_CSV ? "text/csv" : "spreadsheetml");
        long before = count("procedure_version");

        int created = cs(district)
                .importCatalogue(ImportCatalogueRequest.newBuilder()
                        .setFormat(format)
                        .setContent(export.getContent())
                        .build())
                .getDraftsCreated();

        assertThat(created).isGreaterThanOrEqualTo(6); // the five seeded procedures and ours
        assertThat(count("procedure_version")).isEqualTo(before + created);
        ProcedureVersion original = cs(null).getProcedure(
                        GetProcedureRequest.newBuilder().setCode(code).build())
                .getVersion();
        ProcedureVersion imported = cs(district)
                .getProcedure(GetProcedureRequest.newBuilder()
                        .setCode(code)
                        .setVersion(2)
                        .build())
                .getVersion();
        assertThat(imported.getState()).isEqualTo(PublicationState.PUBLICATION_STATE_DRAFT);
        assertThat(imported.getProcedure())
                .isEqualTo(original.getProcedure().toBuilder().setVersion(2).build());
        assertThat(imported.getProcedure().getName())
                .isEqualTo("Chứng thực chữ ký; bản dịch: \"mẫu\" – Đường thủy nội địa");
        assertThat(imported.getProcedure().getFees(0).getLegalBasis())
                .isEqualTo("Nghị quyết mẫu; Điều 2: \"kiểm thử\"");
        assertThat(imported.getProcedure().getOnlineFeeDiscountPercent()).isEqualTo(30);
        assertThat(imported.getReceivingUnitsList())
                .containsExactlyInAnyOrderElementsOf(original.getReceivingUnitsList());
        assertThat(imported.getEffectiveOn()).isEqualTo(original.getEffectiveOn());
        assertThat(imported.getRequiresPaperResult()).isEqualTo(original.getRequiresPaperResult());
        // a seeded procedure received at all 27 communes comes back whole too
        ProcedureVersion birth = cs(null).getProcedure(
                        GetProcedureRequest.newBuilder().setCode("1.001193").build())
                .getVersion();
        ProcedureVersion birthDraft = cs(district)
                .getProcedure(GetProcedureRequest.newBuilder()
                        .setCode("1.001193")
                        .setVersion(birth.getProcedure().getVersion()
                                + (format == CatalogueFormat.CATALOGUE_FORMAT_CSV ? 1 : 2))
                        .build())
                .getVersion();
        assertThat(birthDraft.getProcedure().getName()).isEqualTo("Đăng ký khai sinh");
        assertThat(birthDraft.getProcedure().getComponentsList())
                .isEqualTo(birth.getProcedure().getComponentsList());
        assertThat(birthDraft.getReceivingUnitsCount())
                .isEqualTo(birth.getReceivingUnitsCount())
                .isEqualTo(27);
    }

    @Test
    void badImportRowsAreRefusedWithTheirRowNumbersAndNothingIsWritten() {
        long before = count("procedure_version") + count("procedure_version_unit") + count("idempotent_request");
        String good = "1.009110,Cấp giấy xác nhận đường nội đồng,Nông nghiệp,COMMUNE,5,WORKING_DAYS,NONE,false,false,"
                + "true,2026-01-01,Lệ phí:0,Đơn đề nghị|true|1|false,11077:11077";
        String csv = String.join(
                "\r\n",
                HEADER,
                good,
                good.replace("1.009110", "1.009111").replace("WORKING_DAYS", "TUẦN"),
                good.replace("1.009110", "1.009112").replace("11077:11077", "99999:11077"),
                good.replace("1.009110", "1.00911"),
                good.replace(",5,", ",0,").replace("1.009110", "1.009113"),
                good);
        StatusRuntimeException refused = failure(() -> cs(controller(TU_KY))
                .importCatalogue(ImportCatalogueRequest.newBuilder()
                        .setFormat(CatalogueFormat.CATALOGUE_FORMAT_CSV)
                        .setRequestId("imp-" + UUID.randomUUID())
                        .setContent(ByteString.copyFrom(csv, StandardCharsets.UTF_8))
                        .build()));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.badRequest(refused).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactlyInAnyOrder(
                        "row 3: time_limit_unit",
                        "row 4: receiving_units[0].unit_code",
                        "row 5: code",
                        "row 6: time_limit_amount",
                        "row 7: code");
        assertThat(count("procedure_version") + count("procedure_version_unit") + count("idempotent_request"))
                .isEqualTo(before);
        assertCode(
                () -> cs(controller(TU_KY))
                        .getProcedure(GetProcedureRequest.newBuilder()
                                .setCode("1.009110")
                                .setVersion(1)
                                .build()),
                Status.Code.NOT_FOUND);
    }

    @Test
    void aWhollyBadOrOversizedFileIsRefusedBriefly() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 500; i++) {
            csv.append("\r\n1.0,,,,,,,,,,,,,");
        }
        StatusRuntimeException refused = failure(() -> cs(controller(TU_KY))
                .importCatalogue(ImportCatalogueRequest.newBuilder()
                        .setFormat(CatalogueFormat.CATALOGUE_FORMAT_CSV)
                        .setContent(ByteString.copyFrom(csv.toString(), StandardCharsets.UTF_8))
                        .build()));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.badRequest(refused).getFieldViolationsList())
                .hasSize(21)
                .last()
                .satisfies(v -> assertThat(v.getField()).isEqualTo("content"));

        StatusRuntimeException tooLarge = failure(() -> cs(controller(TU_KY))
                .importCatalogue(ImportCatalogueRequest.newBuilder()
                        .setFormat(CatalogueFormat.CATALOGUE_FORMAT_XLSX)
                        .setContent(ByteString.copyFrom(new byte[5 * 1024 * 1024 + 1]))
                        .build()));
        assertThat(tooLarge.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.badRequest(tooLarge).getFieldViolations(0).getDescription())
                .contains("5 MB");
    }

    @Test
    void reviewFindsUnpublishedLateAndIncompleteProcedures() {
        String district = controller(TU_KY);
        create(
                district,
                draft("1.009120", "Thủ tục đã có hiệu lực nhưng chưa công bố").setEffectiveOn("2026-01-15"));
        create(district, draft("1.009121", "Thủ tục công bố muộn").setEffectiveOn("2026-01-12"));
        publish(district, "1.009121", 1, "2026-01-09");
        create(
                district,
                draft("1.009122", "Thủ tục thiếu thành phần hồ sơ")
                        .clearComponents()
                        .setEffectiveOn("2026-06-01"));
        publish(district, "1.009122", 1, "2026-01-02");

        List<ReviewItem> items = cs(district)
                .reviewCatalogue(ReviewCatalogueRequest.newBuilder()
                        .setAsOf("2026-06-01")
                        .build())
                .getItemsList();

        assertThat(items)
                .extracting(ReviewItem::getCode, ReviewItem::getIssue)
                .contains(
                        tuple("1.009120", ReviewIssue.REVIEW_ISSUE_IN_EFFECT_NOT_PUBLISHED),
                        tuple("1.009121", ReviewIssue.REVIEW_ISSUE_PUBLISHED_LATE),
                        tuple("1.009122", ReviewIssue.REVIEW_ISSUE_MISSING_COMPONENTS));
        assertThat(items)
                .filteredOn(i -> i.getCode().equals("1.009121"))
                .singleElement()
                .satisfies(i -> assertThat(i.getDetail()).contains("2026-01-05"));
        // the seed was published a month ahead, with components
        assertThat(items)
                .filteredOn(i -> i.getCode().equals("1.001193") || i.getCode().equals("2.000720"))
                .extracting(ReviewItem::getIssue)
                .doesNotContain(ReviewIssue.REVIEW_ISSUE_PUBLISHED_LATE, ReviewIssue.REVIEW_ISSUE_MISSING_COMPONENTS);
        // before 15 January the first one was not yet in effect
        assertThat(cs(district)
                        .reviewCatalogue(ReviewCatalogueRequest.newBuilder()
                                .setAsOf("2026-01-14")
                                .build())
                        .getItemsList())
                .extracting(ReviewItem::getCode)
                .doesNotContain("1.009120");
        // Kỳ Sơn's controller reviews what Kỳ Sơn receives only
        assertThat(cs(controller(KY_SON))
                        .reviewCatalogue(ReviewCatalogueRequest.newBuilder()
                                .setAsOf("2026-06-01")
                                .build())
                        .getItemsList())
                .extracting(ReviewItem::getCode)
                .doesNotContain("1.009120", "1.009121", "1.009122");
        assertCode(
                () -> cs(district)
                        .reviewCatalogue(ReviewCatalogueRequest.newBuilder()
                                .setAsOf("01/06/2026")
                                .build()),
                Status.Code.INVALID_ARGUMENT);
    }

    @Test
    void otherRolesAndOtherUnitsAreDeniedAndNothingIsWritten() {
        String district = controller(TU_KY);
        create(district, draft("1.009130", "Thủ tục của huyện"));
        long before = writes();
        ProcedureDraft.Builder atNgocSon = draft("1.009131", "Thủ tục thử quyền");
        String citizen = idp.citizen("congdan.binh", "030090004321");

        assertCode(() -> create(citizen, atNgocSon), Status.Code.PERMISSION_DENIED);
        assertCode(
                () -> create(idp.officer("mc", NGOC_SON, "reception_officer", "unit_leader"), atNgocSon),
                Status.Code.PERMISSION_DENIED);
        assertCode(() -> create(null, atNgocSon), Status.Code.UNAUTHENTICATED);
        // Kỳ Sơn's controller cannot put a procedure at Ngọc Sơn's desk
        assertCode(() -> create(controller(KY_SON), atNgocSon), Status.Code.PERMISSION_DENIED);
        // nor can a commune controller touch a procedure every commune receives
        assertCode(
                () -> create(controller(NGOC_SON), draft("1.001193", "Đăng ký khai sinh")),
                Status.Code.PERMISSION_DENIED);
        assertCode(
                () -> cs(controller(NGOC_SON))
                        .withdrawProcedure(WithdrawProcedureRequest.newBuilder()
                                .setCode("1.001193")
                                .setReason("thử")
                                .build()),
                Status.Code.PERMISSION_DENIED);
        assertCode(() -> publish(controller(KY_SON), "1.009130", 1, "2025-12-20"), Status.Code.PERMISSION_DENIED);
        assertCode(() -> publish(citizen, "1.009130", 1, "2025-12-20"), Status.Code.PERMISSION_DENIED);
        assertCode(
                () -> cs(citizen)
                        .exportCatalogue(ExportCatalogueRequest.newBuilder()
                                .setFormat(CatalogueFormat.CATALOGUE_FORMAT_CSV)
                                .build()),
                Status.Code.PERMISSION_DENIED);
        assertCode(
                () -> cs(idp.officer("bc", TU_KY, "report_viewer"))
                        .reviewCatalogue(ReviewCatalogueRequest.getDefaultInstance()),
                Status.Code.PERMISSION_DENIED);
        String row = "1.009132,Thủ tục,Đất đai,COMMUNE,5,WORKING_DAYS,NONE,false,false,true,2026-01-01,,,11077";
        assertCode(
                () -> cs(controller(KY_SON))
                        .importCatalogue(ImportCatalogueRequest.newBuilder()
                                .setFormat(CatalogueFormat.CATALOGUE_FORMAT_CSV)
                                .setContent(ByteString.copyFrom(HEADER + "\n" + row, StandardCharsets.UTF_8))
                                .build()),
                Status.Code.PERMISSION_DENIED);
        // the public reads stay open to everyone
        assertThat(cs(citizen)
                        .getProcedure(GetProcedureRequest.newBuilder()
                                .setCode("1.001193")
                                .build())
                        .getVersion()
                        .getProcedure()
                        .getName())
                .isEqualTo("Đăng ký khai sinh");
        assertCode(
                () -> cs(citizen)
                        .getProcedure(GetProcedureRequest.newBuilder()
                                .setCode("1.009130")
                                .setVersion(1)
                                .build()),
                Status.Code.NOT_FOUND);
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void invalidDraftsAndPublicationsAreRefusedFieldByFieldAndWriteNothing() {
        String district = controller(TU_KY);
        long before = writes();
        StatusRuntimeException refused = failure(() -> create(
                district,
                draft("1.00119", "Đ".repeat(501))
                        .setTimeLimit(
                                TimeLimit.newBuilder().setAmount(0).setUnit(TimeLimitUnit.TIME_LIMIT_UNIT_WORKING_DAYS))
                        .setFees(
                                0,
                                FeeItem.newBuilder()
                                        .setName("Phí")
                                        .setAmount(
                                                Money.newBuilder().setAmount(5).setCurrencyCode("USD"))
                                        .setLegalBasis("Đ".repeat(501)))
                        .setOnlineFeeDiscountPercent(101)
                        .setReceivingUnits(
                                0,
                                ReceivingUnit.newBuilder().setUnitCode("99999").setCompetentUnitCode("88888"))
                        .setEffectiveOn("2026-02-30")
                        .clearLevel()));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.badRequest(refused).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField)
                .containsExactlyInAnyOrder(
                        "draft.code",
                        "draft.name",
                        "draft.level",
                        "draft.time_limit.amount",
                        "draft.fees[0].amount.currency_code",
                        "draft.fees[0].legal_basis",
                        "draft.online_fee_discount_percent",
                        "draft.receiving_units[0].unit_code",
                        "draft.receiving_units[0].competent_unit_code",
                        "draft.effective_on");

        create(district, draft("1.009140", "Thủ tục chờ công bố"));
        long afterDraft = writes();
        assertCode(() -> publish(district, "1.009140", 1, "2999-01-01"), Status.Code.INVALID_ARGUMENT);
        assertCode(() -> publish(district, "1.009140", 1, ""), Status.Code.INVALID_ARGUMENT);
        assertCode(() -> publish(district, "1.009140", 7, "2025-12-20"), Status.Code.NOT_FOUND);
        assertCode(
                () -> cs(district)
                        .withdrawProcedure(WithdrawProcedureRequest.newBuilder()
                                .setCode("1.009140")
                                .build()),
                Status.Code.INVALID_ARGUMENT);
        assertCode(
                () -> cs(null).getPublicListing(GetPublicListingRequest.newBuilder()
                        .setUnitCode("99999")
                        .build()),
                Status.Code.NOT_FOUND);
        assertThat(writes()).isEqualTo(afterDraft).isGreaterThan(before);
    }

    @Test
    void theSameRequestIdReplaysAndAnotherBodyIsRefused() {
        String district = controller(TU_KY);
        String requestId = "draft-" + UUID.randomUUID();
        CreateProcedureDraftRequest request = CreateProcedureDraftRequest.newBuilder()
                .setRequestId(requestId)
                .setDraft(draft("1.009150", "Thủ tục thử idempotency"))
                .build();
        ProcedureVersion first = cs(district).createProcedureDraft(request).getVersion();
        ProcedureVersion again = cs(district).createProcedureDraft(request).getVersion();
        assertThat(again).isEqualTo(first);
        assertThat(count("procedure_version WHERE code = '1.009150'")).isEqualTo(1);
        StatusRuntimeException reused = failure(() -> cs(district)
                .createProcedureDraft(request.toBuilder()
                        .setDraft(draft("1.009150", "Tên khác"))
                        .build()));
        assertThat(reused.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    }

    @Test
    void concurrentDraftsOfOneCodeGetDistinctVersionsOrARetryableAbort() throws Exception {
        String district = controller(TU_KY);
        String code = "1.009160";
        create(district, draft(code, "Thủ tục nhiều bản nháp"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.submit(() -> {
                try {
                    return create(district, draft(code, "Thủ tục nhiều bản nháp"))
                            .getProcedure()
                            .getVersion();
                } catch (StatusRuntimeException e) {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                    return 0;
                }
            }));
        }
        List<Integer> versions = new ArrayList<>();
        for (Future<Integer> f : results) {
            int v = f.get(60, TimeUnit.SECONDS);
            if (v > 0) {
                versions.add(v);
            }
        }
        pool.shutdown();
        assertThat(versions)
                .isNotEmpty()
                .doesNotHaveDuplicates()
                .allSatisfy(v -> assertThat(v).isBetween(2, 7));
        assertThat(count("procedure_version WHERE code = '" + code + "'")).isEqualTo(versions.size() + 1);
    }

    private long writes() {
        return count("procedure_version")
                + count("procedure_version_unit")
                + count("procedure_unit")
                + count("feed_outbox")
                + count("idempotent_request");
    }
}
