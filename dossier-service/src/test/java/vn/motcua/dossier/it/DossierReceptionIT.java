package vn.motcua.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.testing.FeedPayloads;
import vn.motcua.proto.dossier.v1.Applicant;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.DossierStatus;
import vn.motcua.proto.dossier.v1.GetDossierRequest;
import vn.motcua.proto.dossier.v1.ListProceduresRequest;
import vn.motcua.proto.dossier.v1.LookupDossierStatusRequest;
import vn.motcua.proto.dossier.v1.LookupDossierStatusResponse;
import vn.motcua.proto.dossier.v1.Procedure;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;
import vn.motcua.proto.dossier.v1.SearchPublicProceduresRequest;

/**
 * The reception slice of dossier-service over real gRPC on a throwaway MariaDB database with the demo seed:
 * scope, legal dossier codes under concurrency, idempotency, public lookup, and bad input that writes nothing.
 */
@MicronautTest(transactional = false)
class DossierReceptionIT extends DossierItSupport {

    private static final String NGOC_SON = "11077";
    private static final String KY_SON = "11080";
    private static final String NGOC_SON_AGENCY = "000.02.24.H30";

    private String receptionist(String unit) {
        return idp.officer("mc." + unit, unit, "reception_officer");
    }

    private static ReceiveDossierRequest.Builder birthRegistration() {
        return ReceiveDossierRequest.newBuilder()
                .setProcedureCode("1.001193")
                .setChannel(Channel.CHANNEL_COUNTER)
                .setApplicant(Applicant.newBuilder()
                        .setFullName("Nguyễn Văn An")
                        .setCitizenId("030090001234")
                        .setPhone("0912345678")
                        .setEmail("an@example.vn")
                        .setAddress("Thôn Đông, xã Ngọc Sơn"));
    }

    @Test
    void officerListsThePublishedProceduresOfTheirUnit() {
        List<Procedure> procedures = ds(receptionist(NGOC_SON))
                .listProcedures(ListProceduresRequest.getDefaultInstance())
                .getProceduresList();
        assertThat(procedures).extracting(Procedure::getCode).contains("1.001193");
        assertThat(procedures)
                .filteredOn(p -> p.getCode().equals("1.001193"))
                .first()
                .satisfies(p -> assertThat(p.getName()).isEqualTo("Đăng ký khai sinh"));
        // district-level procedures are not received at a commune desk
        assertThat(procedures).extracting(Procedure::getCode).doesNotContain("2.000720");
    }

    @Test
    void citizenCannotListOfficerProcedures() {
        assertCode(
                () -> ds(idp.citizen("congdan.an", "030090001234"))
                        .listProcedures(ListProceduresRequest.getDefaultInstance()),
                Status.Code.PERMISSION_DENIED);
    }

    @Test
    void officerCannotListAnotherCommunesProcedures() {
        assertCode(
                () -> ds(receptionist(NGOC_SON))
                        .listProcedures(ListProceduresRequest.newBuilder()
                                .setUnitCode(KY_SON)
                                .build()),
                Status.Code.NOT_FOUND);
    }

    @Test
    void publicSearchIgnoresDiacriticsAndCase() {
        List<Procedure> found = ds(null).searchPublicProcedures(SearchPublicProceduresRequest.newBuilder()
                        .setQuery("CAP giay khai sinh")
                        .build())
                .getProceduresList();
        assertThat(found).extracting(Procedure::getName).containsExactly("Cấp bản sao Giấy khai sinh từ sổ hộ tịch");
    }

    @Test
    void receptionAssignsLegalCodeDueTimeAndFeedEvent() throws SQLException {
        Dossier dossier = ds(receptionist(NGOC_SON))
                .receiveDossier(birthRegistration().build())
                .getDossier();

        String today =
                DateTimeFormatter.ofPattern("yyMMdd").format(Instant.now().atZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        assertThat(dossier.getCode()).matches(NGOC_SON_AGENCY.replace(".", "\\.") + "-" + today + "-\\d{4}");
        assertThat(dossier.getStatus()).isEqualTo(DossierStatus.DOSSIER_STATUS_RECEIVED);
        assertThat(dossier.getStatusLabel()).isEqualTo("Đã tiếp nhận");
        assertThat(dossier.getReceivingUnitCode()).isEqualTo(NGOC_SON);
        assertThat(dossier.getDueAt().getSeconds())
                .isGreaterThan(dossier.getReceivedAt().getSeconds());
        assertThat(dossier.getApplicant().getFullName()).isEqualTo("Nguyễn Văn An");

        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            ResultSet history = s.executeQuery("SELECT event, to_state, actor_unit_code FROM dossier_history"
                    + " WHERE dossier_code = '" + dossier.getCode() + "'");
            assertThat(history.next()).isTrue();
            assertThat(history.getString(1)).isEqualTo("RECEIVE_AT_COUNTER");
            assertThat(history.getString(3)).isEqualTo(NGOC_SON);
            ResultSet event = s.executeQuery("SELECT event_type, unit_code, " + FeedPayloads.COLUMNS
                    + " FROM feed_outbox WHERE aggregate_id = '" + dossier.getCode() + "'");
            assertThat(event.next()).isTrue();
            assertThat(event.getString(1)).isEqualTo("dossier.received");
            assertThat(FeedPayloads.json(event.getString(3), event.getBytes(4)))
                    .contains("\"unitPath\":[\"30\",\"298\",\"11077\"]")
                    .doesNotContain("030090001234")
                    .doesNotContain("Nguyễn");
        }
    }

    @Test
    void concurrentReceptionsGetDistinctConsecutiveNumbers() throws Exception {
        String token = receptionist("11083");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> codes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            codes.add(pool.submit(() -> ds(token)
                    .receiveDossier(birthRegistration().build())
                    .getDossier()
                    .getCode()));
        }
        List<Integer> numbers = new ArrayList<>();
        for (Future<String> f : codes) {
            String code = f.get(60, TimeUnit.SECONDS);
            numbers.add(Integer.parseInt(code.substring(code.lastIndexOf('-') + 1)));
        }
        pool.shutdown();
        assertThat(numbers)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 24).boxed().toList());
    }

    @Test
    void sameRequestIdReplaysAndADifferentBodyIsRefused() {
        String token = receptionist(NGOC_SON);
        String requestId = "req-" + UUID.randomUUID();
        Dossier first = ds(token)
                .receiveDossier(birthRegistration().setRequestId(requestId).build())
                .getDossier();
        Dossier again = ds(token)
                .receiveDossier(birthRegistration().setRequestId(requestId).build())
                .getDossier();
        assertThat(again.getCode()).isEqualTo(first.getCode());

        assertThatThrownBy(() -> ds(token)
                        .receiveDossier(birthRegistration()
                                .setRequestId(requestId)
                                .setNote("khác")
                                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
                    assertThat(GrpcErrors.errorInfo(e).getReason()).isEqualTo("REQUEST_ID_REUSED");
                });
    }

    @Test
    void dossierIsVisibleToItsUnitTheDistrictAndTheApplicantOnly() {
        Dossier dossier = ds(receptionist(NGOC_SON))
                .receiveDossier(birthRegistration().build())
                .getDossier();
        GetDossierRequest get =
                GetDossierRequest.newBuilder().setCode(dossier.getCode()).build();

        assertThat(ds(idp.officer("cv", NGOC_SON, "specialist"))
                        .getDossier(get)
                        .getDossier()
                        .getCode())
                .isEqualTo(dossier.getCode());
        assertThat(ds(idp.officer("ld.tuky", "298", "unit_leader"))
                        .getDossier(get)
                        .getDossier()
                        .getCode())
                .isEqualTo(dossier.getCode());
        assertThat(ds(idp.citizen("congdan.an", "030090001234"))
                        .getDossier(get)
                        .getDossier()
                        .getCode())
                .isEqualTo(dossier.getCode());
        assertCode(() -> ds(receptionist(KY_SON)).getDossier(get), Status.Code.NOT_FOUND);
        assertCode(() -> ds(idp.citizen("congdan.binh", "030095005678")).getDossier(get), Status.Code.NOT_FOUND);
        assertCode(() -> ds(null).getDossier(get), Status.Code.UNAUTHENTICATED);
    }

    @Test
    void publicLookupNeedsNoTokenAndShowsNoPersonalData() {
        Dossier dossier = ds(receptionist(NGOC_SON))
                .receiveDossier(birthRegistration().build())
                .getDossier();
        assertThat(dossier.getLookupKey()).as("printed on the receipt").matches("[0-9A-HJKMNP-TV-Z]{8}");
        LookupDossierStatusResponse status = ds(null).lookupDossierStatus(LookupDossierStatusRequest.newBuilder()
                .setCode(dossier.getCode())
                .setLookupKey(dossier.getLookupKey().toLowerCase())
                .build());
        assertThat(status.getStatus()).isEqualTo(DossierStatus.DOSSIER_STATUS_RECEIVED);
        assertThat(status.getReceivingUnitName()).isEqualTo("Xã Ngọc Sơn");
        assertThat(status.toString()).doesNotContain("030090001234").doesNotContain("Nguyễn Văn An");
        assertCode(
                () -> ds(null).lookupDossierStatus(LookupDossierStatusRequest.newBuilder()
                        .setCode("000.02.24.H30-991231-9999")
                        .setLookupKey(dossier.getLookupKey())
                        .build()),
                Status.Code.NOT_FOUND);
    }

    /** ADR 0005: codes are sequential, so the code alone must not open a dossier's status. */
    @Test
    void publicLookupWithoutTheReceiptKeyCannotEnumerateDossiers() {
        Dossier dossier = ds(receptionist(NGOC_SON))
                .receiveDossier(birthRegistration().build())
                .getDossier();
        Dossier next = ds(receptionist(NGOC_SON))
                .receiveDossier(birthRegistration().build())
                .getDossier();
        assertThat(next.getLookupKey()).as("keys are drawn, not derived").isNotEqualTo(dossier.getLookupKey());
        String wrong = dossier.getLookupKey().equals("00000000") ? "11111111" : "00000000";
        StatusRuntimeException wrongKey =
                failure(() -> ds(null).lookupDossierStatus(LookupDossierStatusRequest.newBuilder()
                        .setCode(dossier.getCode())
                        .setLookupKey(wrong)
                        .build()));
        StatusRuntimeException unknown =
                failure(() -> ds(null).lookupDossierStatus(LookupDossierStatusRequest.newBuilder()
                        .setCode("000.02.24.H30-991231-9999")
                        .setLookupKey(wrong)
                        .build()));
        assertThat(wrongKey.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(wrongKey.getStatus().getDescription())
                .as("a wrong key reads like an unknown code")
                .isEqualTo(unknown.getStatus().getDescription());
        assertThat(failure(() -> ds(null).lookupDossierStatus(LookupDossierStatusRequest.newBuilder()
                                .setCode(dossier.getCode())
                                .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(failure(() -> ds(null).lookupDossierStatus(LookupDossierStatusRequest.newBuilder()
                                .setCode(dossier.getCode())
                                .setLookupKey("not a key")
                                .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(failure(() -> ds(null).lookupDossierStatus(LookupDossierStatusRequest.newBuilder()
                                .setCode(next.getCode())
                                .setLookupKey(dossier.getLookupKey())
                                .build()))
                        .getStatus()
                        .getCode())
                .as("one receipt's key opens no other dossier")
                .isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void citizenAndOtherRolesCannotReceive() {
        assertCode(
                () -> ds(idp.citizen("congdan.an", "030090001234"))
                        .receiveDossier(birthRegistration().build()),
                Status.Code.PERMISSION_DENIED);
        assertCode(
                () -> ds(idp.officer("cv", NGOC_SON, "specialist"))
                        .receiveDossier(birthRegistration().build()),
                Status.Code.PERMISSION_DENIED);
    }

    @Test
    void badInputIsRefusedWithFieldsAndWritesNothing() {
        long before = count("dossier") + count("feed_outbox");
        String token = receptionist(NGOC_SON);
        StatusRuntimeException missing = failure(() -> ds(token)
                .receiveDossier(ReceiveDossierRequest.newBuilder()
                        .setProcedureCode("1.001193")
                        .build()));
        assertThat(missing.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.badRequest(missing).getFieldViolationsList())
                .extracting(v -> v.getField())
                .contains("applicant", "channel");

        assertCode(
                () -> ds(token)
                        .receiveDossier(birthRegistration()
                                .setApplicant(Applicant.newBuilder()
                                        .setFullName("A\u0000B")
                                        .setCitizenId("12345"))
                                .build()),
                Status.Code.INVALID_ARGUMENT);
        assertCode(
                () -> ds(token)
                        .receiveDossier(
                                birthRegistration().setProcedureCode("9.999999").build()),
                Status.Code.NOT_FOUND);
        assertCode(
                () -> ds(token)
                        .receiveDossier(birthRegistration()
                                .setProcedureCode("' OR 1=1 --")
                                .build()),
                Status.Code.INVALID_ARGUMENT);
        assertCode(
                () -> ds(token)
                        .receiveDossier(birthRegistration()
                                .setChannel(Channel.CHANNEL_POSTAL)
                                .build()),
                Status.Code.INVALID_ARGUMENT);
        assertCode(
                () -> ds(token)
                        .receiveDossier(birthRegistration()
                                .setApplicant(Applicant.newBuilder().setFullName("x".repeat(5000)))
                                .build()),
                Status.Code.INVALID_ARGUMENT);
        assertThat(count("dossier") + count("feed_outbox")).isEqualTo(before);
    }
}
