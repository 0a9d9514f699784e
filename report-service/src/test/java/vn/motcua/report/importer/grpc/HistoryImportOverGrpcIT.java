package vn.motcua.report.importer.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.idempotency.RequestIdempotency;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.report.v1.ImportDossierHistoryRequest;
import vn.motcua.proto.report.v1.ImportDossierHistoryResponse;
import vn.motcua.proto.report.v1.ImportFormat;
import vn.motcua.proto.report.v1.ImportHeader;
import vn.motcua.proto.report.v1.ImportRowError;
import vn.motcua.report.it.RefusingSinkForTests;
import vn.motcua.report.it.ReportItSupport;
import vn.motcua.report.projection.service.ImportedHistoryReplay;

/**
 * Historical import end to end on MariaDB: real gRPC, real tokens, the real adapter, service and tables. The
 * projection's side is the DossierFactSink in the context (a stand-in that writes dossier_fact rows until the
 * projection's own lands; these tests read only what both write).
 * <p>
 * Hierarchy: province 30 > district 298 > communes 11077, 11080; province 30 > district 297 > commune 10999.
 * Limits here: motcua.report.import.max-rows 5000 and max-bytes 8 MiB.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryImportOverGrpcIT implements TestPropertyProvider {

    static final String REFUSED_PROCEDURE = "SINK-REFUSES";
    static final String LIVE_CODE = "H30.LIVE-0001";
    static final String CSV_HEADER = "MaHoSo,MaTTHC,MaDonVi,KenhThucHien,LinhVuc,NgayNopHoSo,NgayTiepNhan,NgayHenTra,"
            + "NgayKetThucXuLy,TrangThaiHoSo,TienTrinh,DuocThanhToanTrucTuyen,TongPhiLePhi\n";

    private final TestDatabase db = TestDatabase.create("report_import");
    private final TestIdentityProvider idp = TestIdentityProvider.start();
    private final int grpcPort = TestPorts.free();
    private final Path spool = tempDirectory();

    @Inject
    ImportedHistoryReplay replay;

    private ManagedChannel channel;
    private ImportClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = ReportItSupport.properties(db, grpcPort);
        props.putAll(idp.authProperties());
        props.put("motcua.report.consume-dossier-feed", "false");
        props.put("motcua.report.import.spool-directory", spool.toString());
        props.put("motcua.report.import.max-rows", "5000");
        props.put("motcua.report.import.max-bytes", Integer.toString(8 * ImportClient.MIB));
        props.put(RefusingSinkForTests.PROPERTY, REFUSED_PROCEDURE);
        return props;
    }

    @BeforeAll
    void unitsAndALiveDossier() throws SQLException {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort)
                .usePlaintext()
                .build();
        client = new ImportClient(channel);
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO unit_ancestor (unit_code, ancestor_code) VALUES ('30','30'),"
                    + " ('298','298'), ('298','30'), ('297','297'), ('297','30'),"
                    + " ('11077','11077'), ('11077','298'), ('11077','30'),"
                    + " ('11080','11080'), ('11080','298'), ('11080','30'),"
                    + " ('10999','10999'), ('10999','297'), ('10999','30')");
            // the unit dimension the closure belongs to, as the unit feed leaves them together
            s.execute("INSERT INTO unit_dim (code, name, level, parent_code) VALUES ('30', 'Tỉnh', 1, NULL),"
                    + " ('298', 'Huyện Tứ Kỳ', 2, '30'), ('297', 'Huyện khác', 2, '30'),"
                    + " ('11077', 'Xã Ngọc Sơn', 3, '298'), ('11080', 'Xã Kỳ Sơn', 3, '298'),"
                    + " ('10999', 'Xã khác', 3, '297')");
            s.execute("INSERT INTO dossier_fact (fact_id, code, unit_code, receiving_unit_code, procedure_code,"
                    + " procedure_version, field_code, channel, state, boundary_free, extension_used, paused_seconds,"
                    + " supplement_requests, timeliness, on_time_766, imported, updated_seq) VALUES ('D-LIVE', '"
                    + LIVE_CODE + "', '11077', '11077', '1.001193', 1, 'Hộ tịch', 'COUNTER', 'IN_PROCESS', FALSE,"
                    + " FALSE, 0, 0, 'OPEN', FALSE, FALSE, 7)");
        }
    }

    @AfterAll
    void cleanUp() throws IOException {
        channel.shutdownNow();
        idp.close();
        db.close();
        try (Stream<Path> files = Files.list(spool)) {
            assertThat(files.toList()).as("spool files left behind").isEmpty();
        }
        Files.deleteIfExists(spool);
    }

    // ---- batches -------------------------------------------------------------------------------------------------

    @Test
    void aBatchWithABadRowLeavesNoTraceWhileTheOtherBatchesApply() {
        StringBuilder file = new StringBuilder(CSV_HEADER);
        for (int i = 1; i <= 2500; i++) {
            // data row i is on line i + 1; the 500th row of the second batch is row 1500, line 1501
            String received = i == 1500 ? "20241301083000" : "20240305083000";
            file.append(csvRow(code("MIX", i), i % 2 == 0 ? "11077" : "11080", received));
        }
        ImportDossierHistoryResponse response =
                client.send(admin298(), header("298", ImportFormat.IMPORT_FORMAT_CSV, "mix-1", 1000), file.toString());

        assertThat(response.getRowsRead()).isEqualTo(2500);
        assertThat(response.getRowsImported()).isEqualTo(1500);
        assertThat(response.getRowsRejected()).isEqualTo(1000);
        assertThat(response.getBatchesApplied()).isEqualTo(2);
        assertThat(response.getBatchesRejected()).isEqualTo(1);
        assertThat(response.getErrorsList()).singleElement().satisfies(e -> {
            assertThat(e.getLine()).isEqualTo(1501);
            assertThat(e.getField()).isEqualTo("NgayTiepNhan");
            assertThat(e.getMessage()).startsWith("not a time: expected yyyyMMddHHmmss");
        });
        assertThat(count("SELECT COUNT(*) FROM import_row WHERE code LIKE 'MIX-%'"))
                .isEqualTo(1500);
        assertThat(count(
                        "SELECT COUNT(*) FROM dossier_fact WHERE code LIKE 'MIX-%' AND imported = TRUE"
                                + " AND import_id = ?",
                        response.getImportId()))
                .isEqualTo(1500);
        assertThat(count(
                        "SELECT COUNT(*) FROM import_row WHERE code BETWEEN ? AND ?",
                        code("MIX", 1001),
                        code("MIX", 2000)))
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM dossier_fact WHERE code BETWEEN ? AND ?",
                        code("MIX", 1001),
                        code("MIX", 2000)))
                .isZero();
        assertThat(strings(
                        "SELECT fact_id FROM dossier_fact WHERE code IN (?, ?, ?)",
                        code("MIX", 1000),
                        code("MIX", 1001),
                        code("MIX", 2001)))
                .containsExactlyInAnyOrder("IMPORT:" + code("MIX", 1000), "IMPORT:" + code("MIX", 2001));
        // the statistics unit is the row's own unit; the receiving unit defaults to it
        assertThat(strings(
                        "SELECT CONCAT(unit_code, '/', receiving_unit_code, '/', state, '/', result_kind)"
                                + " FROM dossier_fact WHERE code = ?",
                        code("MIX", 2)))
                .containsExactly("11077/11077/RESULT_READY/ISSUED");
        assertThat(strings(
                        "SELECT CONCAT(received_at, ' ', finished_at) FROM dossier_fact WHERE code = ?",
                        code("MIX", 2)))
                .containsExactly("2024-03-05 01:30:00.000000 2024-03-07 03:00:00.000000");
    }

    @Test
    void aDossierTheProjectionRefusesRollsItsWholeBatchBack() {
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= 1500; i++) {
            file.append(jsonRow(code("RFS", i), "11077", i == 500 ? REFUSED_PROCEDURE : "1.001193"));
        }
        ImportDossierHistoryResponse response = client.send(
                admin298(), header("298", ImportFormat.IMPORT_FORMAT_JSON_LINES, "refused-1", 1000), file.toString());

        assertThat(response.getBatchesRejected()).isEqualTo(1);
        assertThat(response.getBatchesApplied()).isEqualTo(1);
        assertThat(response.getRowsImported()).isEqualTo(500);
        assertThat(response.getErrorsList()).singleElement().satisfies(e -> {
            assertThat(e.getLine()).isEqualTo(500);
            assertThat(e.getMessage()).startsWith("the projection refused the dossier: ");
        });
        // rows 1 to 499 went through the sink and into import_row before row 500 failed: all rolled back
        assertThat(count(
                        "SELECT COUNT(*) FROM import_row WHERE code BETWEEN ? AND ?",
                        code("RFS", 1),
                        code("RFS", 1000)))
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM dossier_fact WHERE code BETWEEN ? AND ?",
                        code("RFS", 1),
                        code("RFS", 1000)))
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM dossier_fact WHERE code BETWEEN ? AND ?",
                        code("RFS", 1001),
                        code("RFS", 1500)))
                .isEqualTo(500);
    }

    @Test
    void repeatedCodesLiveDossiersAndForeignUnitsRefuseTheirBatchesAtTheirLines() {
        String file = jsonRow("REP-A1", "11077", "1.001193") // line 1   batch 1: applied
                + jsonRow("REP-A2", "11080", "1.001193") // line 2
                + jsonRow("REP-A1", "11080", "1.001193") // line 3   batch 2: the code again
                + jsonRow("REP-A3", "11077", "1.001193") // line 4
                + jsonRow(LIVE_CODE, "11077", "1.001193") // line 5   batch 3: a live dossier's code
                + jsonRow("REP-A4", "11077", "1.001193") // line 6
                + jsonRow("REP-A5", "10999", "1.001193") // line 7   batch 4: a unit of another district
                + jsonRow("REP-A6", "11077", "1.001193") // line 8
                + jsonRow("REP-A7", "11077", "1.001193") // line 9   batch 5: twice in one batch
                + jsonRow("rep-a7", "11077", "1.001193") // line 10  (codes compare case-insensitively)
                + "\n" //                                     line 11  blank: skipped, still counted
                + jsonRow("REP-A8", "11080", "1.001193"); // line 12  batch 6: applied
        ImportDossierHistoryResponse response =
                client.send(admin298(), header("298", ImportFormat.IMPORT_FORMAT_JSON_LINES, "rep-1", 2), file);

        assertThat(response.getRowsRead()).isEqualTo(11);
        assertThat(response.getBatchesApplied()).isEqualTo(2);
        assertThat(response.getBatchesRejected()).isEqualTo(4);
        assertThat(response.getRowsImported()).isEqualTo(3);
        assertThat(response.getRowsRejected()).isEqualTo(8);
        assertThat(errors(response))
                .containsExactly(
                        "3 MaHoSo MaHoSo REP-A1 appears again in this file (first at line 1)",
                        "5 MaHoSo a dossier with code " + LIVE_CODE
                                + " is already handled in MotCua: history cannot overwrite a live dossier",
                        "7 MaDonVi unit 10999 is not 298 nor a unit below it: an import brings only its unit's dossiers",
                        "10 MaHoSo MaHoSo rep-a7 appears again in this file (first at line 9)");
        assertThat(strings("SELECT code FROM import_row WHERE code LIKE 'REP-%' ORDER BY code"))
                .containsExactly("REP-A1", "REP-A2", "REP-A8");
        assertThat(strings("SELECT fact_id FROM dossier_fact WHERE code = ?", LIVE_CODE))
                .containsExactly("D-LIVE");

        // district 297's admin may not rewrite 298's history under its own unit
        ImportDossierHistoryResponse foreign = client.send(
                idp.officer("admin297", "297", "unit_admin"),
                header("10999", ImportFormat.IMPORT_FORMAT_JSON_LINES, "rep-2", 0),
                jsonRow("REP-A1", "10999", "1.001193"));
        assertThat(errors(foreign))
                .containsExactly("1 MaHoSo code REP-A1 was imported earlier for a unit outside 10999: only an import"
                        + " for that unit may correct it");
        assertThat(strings("SELECT unit_code FROM import_row WHERE code = 'REP-A1'"))
                .containsExactly("11077");
    }

    @Test
    void importingACodeAgainReplacesItsEarlierHistory() {
        ImportDossierHistoryResponse first = client.send(
                admin298(),
                header("298", ImportFormat.IMPORT_FORMAT_JSON_LINES, "fix-1", 0),
                "{\"MaHoSo\":\"FIX-1\",\"MaTTHC\":\"1.001193\",\"MaDonVi\":\"11077\",\"KenhThucHien\":2,"
                        + "\"TienTrinh\":[{\"TrangThai\":2,\"ThoiDiem\":\"20240305083000\"},"
                        + "{\"TrangThai\":4,\"ThoiDiem\":\"20240305090000\"}]}\n");
        assertThat(strings("SELECT CONCAT(state, '/', channel) FROM dossier_fact WHERE code = 'FIX-1'"))
                .containsExactly("IN_PROCESS/ONLINE");

        ImportDossierHistoryResponse second = client.send(
                admin298(),
                header("298", ImportFormat.IMPORT_FORMAT_CSV, "fix-2", 0),
                CSV_HEADER + csvRow("FIX-1", "11080", "20240305083000"));

        assertThat(second.getImportId()).isNotEqualTo(first.getImportId());
        assertThat(strings("SELECT CONCAT(state, '/', unit_code, '/', import_id) FROM dossier_fact"
                        + " WHERE fact_id = 'IMPORT:FIX-1'"))
                .containsExactly("RESULT_READY/11080/" + second.getImportId());
        assertThat(strings("SELECT import_id FROM import_row WHERE code = 'FIX-1'"))
                .containsExactly(second.getImportId());
    }

    // ---- idempotency ---------------------------------------------------------------------------------------------

    @Test
    void aRepeatOfTheRequestAnswersTheFirstOutcomeWithoutApplyingAgain() throws SQLException {
        String file = CSV_HEADER
                + csvRow("IDEM-1", "11077", "20240305083000")
                + csvRow("IDEM-2", "11077", "2024-03-05T08:30:00+07:00")
                + csvRow("IDEM-3", "11077", "bad");
        ImportHeader header = header("298", ImportFormat.IMPORT_FORMAT_CSV, "idem-1", 2);
        ImportDossierHistoryResponse first = client.send(admin298(), header, file);
        assertThat(first.getBatchesApplied()).as(first.toString()).isEqualTo(1);
        assertThat(first.getErrorsCount()).isEqualTo(1);
        execute("DELETE FROM dossier_fact WHERE code = 'IDEM-2'");

        ImportDossierHistoryResponse again = client.send(admin298(), header, file);

        assertThat(again).isEqualTo(first);
        assertThat(count("SELECT COUNT(*) FROM dossier_fact WHERE code = 'IDEM-2'"))
                .as("not applied again")
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM import_run WHERE request_id = 'idem-1'"))
                .isEqualTo(1);

        StatusRuntimeException otherFile = catchThrowableOfType(
                StatusRuntimeException.class, () -> client.send(admin298(), header, file + "\n\n"));
        assertThat(reason(otherFile)).isEqualTo("ALREADY_EXISTS/REQUEST_ID_REUSED");
        StatusRuntimeException otherBatches = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client.send(admin298(), header("298", ImportFormat.IMPORT_FORMAT_CSV, "idem-1", 3), file));
        assertThat(reason(otherBatches)).isEqualTo("ALREADY_EXISTS/REQUEST_ID_REUSED");

        // request ids are per caller: another admin's same id is another import
        ImportDossierHistoryResponse someoneElse =
                client.send(idp.officer("admin298b", "298", "unit_admin"), header, file);
        assertThat(someoneElse.getImportId()).isNotEqualTo(first.getImportId());
        assertThat(count("SELECT COUNT(*) FROM dossier_fact WHERE code = 'IDEM-2'"))
                .isEqualTo(1);
    }

    @Test
    void aRunThatDiedIsRunAgainByItsRepeatWhileOneStillBeatingIsNot() throws Exception {
        String file =
                CSV_HEADER + csvRow("DIED-1", "11077", "20240305083000") + csvRow("DIED-2", "11077", "20240305083000");
        ImportHeader header = header("298", ImportFormat.IMPORT_FORMAT_CSV, "died-1", 0);
        String subject = UUID.nameUUIDFromBytes("admin298".getBytes(StandardCharsets.UTF_8))
                .toString();
        String fingerprint = RequestIdempotency.fingerprint(
                "298",
                "CSV",
                1000,
                HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(file.getBytes(StandardCharsets.UTF_8))));
        // a run that applied the first row, then its process died ten minutes and more ago
        execute("INSERT INTO import_run (import_id, caller_subject, request_id, unit_code, import_format, batch_size,"
                + " fingerprint, content_bytes, run_state, started_at, heartbeat_at) VALUES ('IMP-DIED', '" + subject
                + "', 'died-1', '298', 'CSV', 1000, '" + fingerprint + "', 1, 'RUNNING', '2020-01-01 00:00:00',"
                + " '2020-01-01 00:00:00')");
        execute("INSERT INTO import_row (code, import_id, line_no, unit_code, receiving_unit_code, procedure_code,"
                + " field_code, channel, status_code, refused, status_history, supplement_requests, paused_seconds,"
                + " online_payment, fee_total, components_digitized, reuses_data, from_warehouse, vneid_verified,"
                + " imported_at) VALUES ('DIED-1', 'IMP-DIED', 2, '11077', '11077', '1.001193', '', 'COUNTER', 4,"
                + " FALSE, '', 0, 0, 0, 0, FALSE, FALSE, FALSE, FALSE, '2020-01-01 00:00:00')");

        ImportDossierHistoryResponse resumed = client.send(admin298(), header, file);

        assertThat(resumed.getImportId()).isEqualTo("IMP-DIED");
        assertThat(resumed.getRowsImported()).isEqualTo(2);
        assertThat(resumed.getErrorsList())
                .as("its own earlier row is no repeat")
                .isEmpty();
        assertThat(strings("SELECT CONCAT(code, ' ', status_code, ' ', import_id) FROM import_row"
                        + " WHERE code LIKE 'DIED-%' ORDER BY code"))
                .containsExactly("DIED-1 9 IMP-DIED", "DIED-2 9 IMP-DIED");
        assertThat(strings("SELECT run_state FROM import_run WHERE import_id = 'IMP-DIED'"))
                .containsExactly("DONE");

        // a run still beating is not run twice
        execute("INSERT INTO import_run (import_id, caller_subject, request_id, unit_code, import_format, batch_size,"
                + " fingerprint, content_bytes, run_state, started_at, heartbeat_at) VALUES ('IMP-BUSY', '" + subject
                + "', 'busy-1', '298', 'CSV', 1000, '" + fingerprint + "', 1, 'RUNNING', UTC_TIMESTAMP(6),"
                + " UTC_TIMESTAMP(6))");
        StatusRuntimeException busy = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client.send(admin298(), header("298", ImportFormat.IMPORT_FORMAT_CSV, "busy-1", 0), file));
        assertThat(reason(busy)).isEqualTo("ABORTED/CONCURRENT_UPDATE");
    }

    // ---- replay --------------------------------------------------------------------------------------------------

    @Test
    void aRebuildThatClearedTheProjectionGetsEveryImportedFactBackUnchanged() {
        client.send(
                admin298(),
                header("298", ImportFormat.IMPORT_FORMAT_JSON_LINES, "replay-1", 0),
                jsonRow("RPL-1", "11077", "1.001193") + jsonRow("RPL-2", "11080", "1.001193"));
        String columns = "CONCAT_WS('|', fact_id, code, unit_code, receiving_unit_code, procedure_code, channel, state,"
                + " result_kind, legal_regime, boundary_free, extension_used, submitted_at, received_at,"
                + " original_due_at, due_at, finished_at, paused_seconds, supplement_requests, import_id)";
        List<String> before =
                strings("SELECT " + columns + " FROM dossier_fact WHERE imported = TRUE ORDER BY fact_id");
        long stored = count("SELECT COUNT(*) FROM import_row");
        assertThat(before).hasSize((int) stored).isNotEmpty();

        execute("DELETE FROM dossier_fact WHERE imported = TRUE");
        long replayed = replay.replayAll();

        assertThat(replayed).isEqualTo(stored);
        assertThat(strings("SELECT " + columns + " FROM dossier_fact WHERE imported = TRUE ORDER BY fact_id"))
                .isEqualTo(before);
        assertThat(strings("SELECT fact_id FROM dossier_fact WHERE imported = FALSE"))
                .containsExactly("D-LIVE");
    }

    // ---- access --------------------------------------------------------------------------------------------------

    @Test
    void anImportForAUnitOutsideTheCallersSubtreeOrWithoutUnitAdminIsRefusedAndWritesNothing() {
        long runs = count("SELECT COUNT(*) FROM import_run");
        String file = jsonRow("ACC-1", "11077", "1.001193");

        StatusRuntimeException foreign = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client.send(
                        idp.officer("admin297", "297", "unit_admin"),
                        header("298", ImportFormat.IMPORT_FORMAT_JSON_LINES, "acc-1", 0),
                        file));
        assertThat(reason(foreign)).isEqualTo("NOT_FOUND/NOT_FOUND");
        StatusRuntimeException commune = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client.send(
                        idp.officer("admin11080", "11080", "unit_admin"),
                        header("298", ImportFormat.IMPORT_FORMAT_JSON_LINES, "acc-2", 0),
                        file));
        assertThat(reason(commune)).isEqualTo("NOT_FOUND/NOT_FOUND");
        StatusRuntimeException viewer = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client.send(
                        idp.officer("viewer298", "298", "report_viewer", "unit_leader"),
                        header("298", ImportFormat.IMPORT_FORMAT_JSON_LINES, "acc-3", 0),
                        file));
        assertThat(reason(viewer)).isEqualTo("PERMISSION_DENIED/ROLE_NOT_ALLOWED");
        StatusRuntimeException citizen = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client.send(
                        idp.citizen("dan", "001099000001"),
                        header("298", ImportFormat.IMPORT_FORMAT_JSON_LINES, "acc-4", 0),
                        file));
        assertThat(citizen.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

        assertThat(count("SELECT COUNT(*) FROM import_run")).isEqualTo(runs);
        assertThat(count("SELECT COUNT(*) FROM import_row WHERE code = 'ACC-1'"))
                .isZero();

        // the province's admin reaches every commune below it
        ImportDossierHistoryResponse province = client.send(
                idp.officer("admin30", "30", "unit_admin"),
                header("30", ImportFormat.IMPORT_FORMAT_JSON_LINES, "acc-5", 0),
                file + jsonRow("ACC-2", "10999", "1.001193"));
        assertThat(province.getRowsImported()).isEqualTo(2);
    }

    // ---- a file refused as a whole -------------------------------------------------------------------------------

    @Test
    void aStreamOutOfOrderIsRefusedBeforeAnythingIsRead() {
        ImportDossierHistoryRequest headerMessage = ImportDossierHistoryRequest.newBuilder()
                .setHeader(header("298", ImportFormat.IMPORT_FORMAT_CSV, "proto-1", 0))
                .build();
        ImportDossierHistoryRequest chunk = ImportClient.chunk(ByteString.copyFromUtf8(CSV_HEADER));

        assertThat(refusal(List.of(chunk, headerMessage)))
                .isEqualTo("INVALID_ARGUMENT header: the first message must be the header");
        assertThat(refusal(List.of(headerMessage, chunk, headerMessage)))
                .isEqualTo("INVALID_ARGUMENT header: only the first message is a header");
        assertThat(refusal(List.of())).isEqualTo("INVALID_ARGUMENT header: the stream ended before the header");
        assertThat(refusal(List.of(headerMessage))).isEqualTo("INVALID_ARGUMENT chunk: the file is empty");
        assertThat(refusal(List.of(
                        headerMessage, ImportClient.chunk(ByteString.copyFrom(new byte[ImportClient.MIB + 1])))))
                .isEqualTo("INVALID_ARGUMENT chunk: a chunk carries at most 1 MiB");
        assertThat(refusal(List.of(ImportDossierHistoryRequest.newBuilder()
                        .setHeader(ImportHeader.newBuilder().setUnitCode("298").setBatchSize(10_001))
                        .build())))
                .isEqualTo("INVALID_ARGUMENT header.format: required: IMPORT_FORMAT_JSON_LINES or IMPORT_FORMAT_CSV;"
                        + " header.request_id: required: a repeat with the same id answers the first import's result;"
                        + " header.batch_size: between 1 and 10000 (0 means 1000)");
        assertThat(count("SELECT COUNT(*) FROM import_run WHERE request_id LIKE 'proto-%'"))
                .isZero();
    }

    @Test
    void aFileUnusableAsAWholeIsRefusedWithItsLineAndWritesNothing() {
        StringBuilder longRow = new StringBuilder(CSV_HEADER);
        StringBuilder badUtf8 = new StringBuilder();
        for (int i = 1; i <= 2000; i++) {
            longRow.append(csvRow(code("WHOLE", i), "11077", "20240305083000"));
            badUtf8.append(jsonRow(code("WHOLE", i), "11077", "1.001193"));
        }
        longRow.append("WHOLE-X,1.001193,11077,1,\"").append("x".repeat(70_000)).append("\",,,,,4,,,\n");
        assertThat(refusal(
                        "whole-1",
                        ImportFormat.IMPORT_FORMAT_CSV,
                        longRow.toString().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("INVALID_ARGUMENT chunk: line 2002: the row is longer than 65536 bytes (64 KiB)");

        byte[] json = badUtf8.toString().getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[json.length + 20];
        System.arraycopy(json, 0, broken, 0, json.length);
        byte[] tail = "{\"MaHoSo\":\"\u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(tail, 0, broken, json.length, tail.length);
        assertThat(refusal(
                        "whole-2",
                        ImportFormat.IMPORT_FORMAT_JSON_LINES,
                        java.util.Arrays.copyOf(broken, json.length + tail.length)))
                .isEqualTo("INVALID_ARGUMENT chunk: line 2001: the bytes are not valid UTF-8 text");

        assertThat(refusal("whole-3", ImportFormat.IMPORT_FORMAT_CSV, "\uFEFF".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("INVALID_ARGUMENT chunk: the file is empty: a CSV import starts with a header row");
        assertThat(refusal("whole-4", ImportFormat.IMPORT_FORMAT_CSV, CSV_HEADER.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("INVALID_ARGUMENT chunk: the file is empty: it has no dossier rows");
        assertThat(refusal(
                        "whole-5", ImportFormat.IMPORT_FORMAT_CSV, "MaHoSo;MaTTHC\n".getBytes(StandardCharsets.UTF_8)))
                .startsWith("INVALID_ARGUMENT chunk: line 1: header row: unknown column(s) MaHoSo;MaTTHC");

        assertThat(count("SELECT COUNT(*) FROM import_row WHERE code LIKE 'WHOLE-%'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM import_run WHERE request_id LIKE 'whole-%'"))
                .isZero();
    }

    @Test
    void aFileOverTheRowOrByteLimitIsRefusedAndWritesNothing() {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 5001; i++) {
            rows.append(jsonRow(code("LIM", i), "11077", "1.001193"));
        }
        StatusRuntimeException tooMany = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client.send(
                        admin298(), header("298", ImportFormat.IMPORT_FORMAT_JSON_LINES, "lim-1", 0), rows.toString()));
        assertThat(reason(tooMany)).isEqualTo("OUT_OF_RANGE/INVALID_FIELD");
        assertThat(tooMany.getStatus().getDescription()).contains("max-rows (5000)");

        StatusRuntimeException tooBig = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client.send(
                        admin298(),
                        header("298", ImportFormat.IMPORT_FORMAT_JSON_LINES, "lim-2", 0),
                        new byte[8 * ImportClient.MIB + 1]));
        assertThat(reason(tooBig)).isEqualTo("OUT_OF_RANGE/INVALID_FIELD");
        assertThat(tooBig.getStatus().getDescription()).contains("max-bytes (8388608 bytes)");

        assertThat(count("SELECT COUNT(*) FROM import_row WHERE code LIKE 'LIM-%'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM import_run WHERE request_id LIKE 'lim-%'"))
                .isZero();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private String admin298() {
        return idp.officer("admin298", "298", "unit_admin");
    }

    private static ImportHeader header(String unit, ImportFormat format, String requestId, int batchSize) {
        return ImportClient.header(unit, format, requestId, batchSize);
    }

    static String code(String prefix, int i) {
        return String.format("%s-%05d", prefix, i);
    }

    /** A returned-result CSV row with the history compact column, a fee paid online and a quoted field label. */
    static String csvRow(String code, String unit, String received) {
        return code + ",1.001193," + unit + ",1,\"Chứng thực, hộ tịch\",20240305080000," + received
                + ",20240308170000,20240307100000,9,2@20240305083000|4@20240305090000|9@20240307100000,1,50000\n";
    }

    static String jsonRow(String code, String unit, String procedure) {
        return "{\"MaHoSo\":\"" + code + "\",\"MaTTHC\":\"" + procedure + "\",\"MaDonVi\":\"" + unit + "\","
                + "\"KenhThucHien\":2,\"LinhVuc\":\"Hộ tịch\",\"NgayNopHoSo\":\"2024-03-05T08:00:00+07:00\","
                + "\"NgayTiepNhan\":\"2024-03-05T08:30:00+07:00\",\"NgayHenTra\":\"20240308170000\","
                + "\"TienTrinh\":[{\"TrangThai\":2,\"ThoiDiem\":\"20240305083000\"},"
                + "{\"TrangThai\":9,\"ThoiDiem\":\"20240309100000\"}],"
                + "\"DuocThanhToanTrucTuyen\":0,\"DanhSachPhiLePhi\":[{\"Gia\":8000}]}\n";
    }

    private String refusal(List<ImportDossierHistoryRequest> messages) {
        Iterator<ImportDossierHistoryRequest> it = new ArrayList<>(messages).iterator();
        StatusRuntimeException e =
                catchThrowableOfType(StatusRuntimeException.class, () -> client.send(admin298(), it));
        assertThat(e).as("the import should be refused").isNotNull();
        BadRequest bad = GrpcErrors.badRequest(e);
        return e.getStatus().getCode() + " "
                + String.join(
                        "; ",
                        bad.getFieldViolationsList().stream()
                                .map(v -> v.getField() + ": " + v.getDescription())
                                .toList());
    }

    private String refusal(String requestId, ImportFormat format, byte[] file) {
        StatusRuntimeException e = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> client.send(admin298(), header("298", format, requestId, 1000), file));
        assertThat(e).as("the import should be refused").isNotNull();
        BadRequest bad = GrpcErrors.badRequest(e);
        return e.getStatus().getCode() + " " + bad.getFieldViolations(0).getField() + ": "
                + bad.getFieldViolations(0).getDescription();
    }

    private static String reason(StatusRuntimeException e) {
        assertThat(e).as("the import should be refused").isNotNull();
        ErrorInfo info = GrpcErrors.errorInfo(e);
        return e.getStatus().getCode() + "/" + (info == null ? "" : info.getReason());
    }

    private static List<String> errors(ImportDossierHistoryResponse response) {
        return response.getErrorsList().stream()
                .map((ImportRowError e) -> e.getLine() + " " + e.getField() + " " + e.getMessage())
                .toList();
    }

    private long count(String sql, Object... args) {
        return ReportItSupport.queryLong(db, sql, args);
    }

    private List<String> strings(String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void execute(String sql) {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("import-spool-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
