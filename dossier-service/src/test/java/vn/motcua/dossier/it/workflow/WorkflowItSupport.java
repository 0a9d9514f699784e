package vn.motcua.dossier.it.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.it.DossierItSupport;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.platform.testing.FeedPayloads;
import vn.motcua.proto.dossier.v1.AcceptDossierRequest;
import vn.motcua.proto.dossier.v1.Applicant;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.DossierStatus;
import vn.motcua.proto.dossier.v1.DossierWorkflowServiceGrpc;
import vn.motcua.proto.dossier.v1.GetDossierRequest;
import vn.motcua.proto.dossier.v1.IssueResultRequest;
import vn.motcua.proto.dossier.v1.ProcessingStep;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;
import vn.motcua.proto.dossier.v1.RecordProcessingStepRequest;
import vn.motcua.proto.dossier.v1.ReturnResultRequest;
import vn.motcua.proto.dossier.v1.SubmitDossierRequest;
import vn.motcua.proto.dossier.v1.TransferDossierRequest;

/**
 * Shared set-up of the workflow ITs: a throwaway MariaDB database with the demo seed (Tứ Kỳ district, its
 * communes, 2026 holidays), the test identity provider, the real gRPC server, and a clock pinned to Monday
 * 9 March 2026, 08:00 in Vietnam (a working day without holidays around it) that tests move.
 */
abstract class WorkflowItSupport extends DossierItSupport {

    /** Monday 2026-03-09 08:00 Asia/Ho_Chi_Minh. */
    static final Instant MONDAY_0800 = Instant.parse("2026-03-09T01:00:00Z");

    static final String BIRTH = "1.001193"; // 1 working day, online FULL
    static final String MARRIAGE = "1.000894"; // 5 working days, online PARTIAL
    static final String CERTIFY = "2.000815"; // 4 working hours
    static final String CITIZEN_ID = "030090001234";
    static final String OTHER_CITIZEN_ID = "030095005678";
    /** The calendar of March 2026 (no holiday): what the service computes, for expected values. */
    static final DeadlineCalculator MARCH_2026 = new DeadlineCalculator(WorkCalendar.standard(List.of()));

    @Inject
    SettableClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(super.getProperties());
        props.put("motcua.test.settable-clock", "true");
        return props;
    }

    @BeforeEach
    void resetClock() {
        clock.set(MONDAY_0800);
    }

    // ---- stubs and tokens ---------------------------------------------------------------------------------------

    DossierWorkflowServiceGrpc.DossierWorkflowServiceBlockingStub wf(String token) {
        return authorised(DossierWorkflowServiceGrpc.newBlockingStub(channel), token);
    }

    String desk(String unit) {
        return idp.officer("mc." + unit, unit, "reception_officer");
    }

    String specialist(String unit) {
        return idp.officer("cv." + unit, unit, "specialist");
    }

    String leader(String unit) {
        return idp.officer("ld." + unit, unit, "unit_leader");
    }

    String clerk(String unit) {
        return idp.officer("vt." + unit, unit, "clerk");
    }

    String citizen(String citizenId) {
        return idp.citizen("cd." + citizenId, citizenId);
    }

    // ---- driving dossiers ---------------------------------------------------------------------------------------

    Dossier receive(String unit, String procedure) {
        return ds(desk(unit))
                .receiveDossier(ReceiveDossierRequest.newBuilder()
                        .setProcedureCode(procedure)
                        .setChannel(Channel.CHANNEL_COUNTER)
                        .setApplicant(applicant())
                        .build())
                .getDossier();
    }

    Dossier submitOnline(String unit, String procedure) {
        return wf(citizen(CITIZEN_ID))
                .submitDossier(SubmitDossierRequest.newBuilder()
                        .setProcedureCode(procedure)
                        .setUnitCode(unit)
                        .setApplicant(applicant().clearCitizenId())
                        .build())
                .getDossier();
    }

    static Applicant.Builder applicant() {
        return Applicant.newBuilder()
                .setFullName("Nguyễn Văn An")
                .setCitizenId(CITIZEN_ID)
                .setPhone("0912345678")
                .setEmail("an@example.vn")
                .setAddress("Thôn Đông");
    }

    Dossier accept(String unit, String code) {
        return wf(desk(unit))
                .acceptDossier(AcceptDossierRequest.newBuilder().setCode(code).build())
                .getDossier();
    }

    Dossier transfer(String unit, String code) {
        return wf(desk(unit))
                .transferDossier(
                        TransferDossierRequest.newBuilder().setCode(code).build())
                .getDossier();
    }

    Dossier step(String token, String code, ProcessingStep step, String target) {
        RecordProcessingStepRequest.Builder r = RecordProcessingStepRequest.newBuilder()
                .setCode(code)
                .setStep(step)
                .setNote("bước " + step.name());
        if (target != null) {
            r.setTarget(target);
        }
        return wf(token).recordProcessingStep(r.build()).getDossier();
    }

    /** Counter reception through approval: IN_PROCESS, assigned, appraised, submitted and approved. */
    Dossier processedUpToApproval(String unit, String procedure) {
        String code = receive(unit, procedure).getCode();
        transfer(unit, code);
        step(leader(unit), code, ProcessingStep.PROCESSING_STEP_ASSIGN, "cv." + unit);
        step(specialist(unit), code, ProcessingStep.PROCESSING_STEP_APPRAISE, null);
        step(specialist(unit), code, ProcessingStep.PROCESSING_STEP_SUBMIT_FOR_APPROVAL, null);
        return step(leader(unit), code, ProcessingStep.PROCESSING_STEP_APPROVE, null);
    }

    Dossier issue(String unit, String code) {
        return wf(clerk(unit))
                .issueResult(IssueResultRequest.newBuilder()
                        .setCode(code)
                        .setResultNote("Số 12/GKS")
                        .build())
                .getDossier();
    }

    Dossier returnResult(String unit, String code, Channel how) {
        return wf(desk(unit))
                .returnResult(ReturnResultRequest.newBuilder()
                        .setCode(code)
                        .setChannel(how)
                        .build())
                .getDossier();
    }

    DossierStatus statusOf(String code) {
        return ds(desk("298"))
                .getDossier(GetDossierRequest.newBuilder().setCode(code).build())
                .getDossier()
                .getStatus();
    }

    // ---- database -----------------------------------------------------------------------------------------------

    long longValue(String sql, Object... args) {
        return query(sql, args, rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    String stringValue(String sql, Object... args) {
        return query(sql, args, rs -> rs.next() ? rs.getString(1) : null);
    }

    /** A DATETIME(6) column holding UTC wall-clock time. */
    Instant instantValue(String sql, Object... args) {
        return query(sql, args, rs -> {
            if (!rs.next()) {
                return null;
            }
            LocalDateTime value = rs.getObject(1, LocalDateTime.class);
            return value == null ? null : value.toInstant(ZoneOffset.UTC);
        });
    }

    /** Every counted table, to prove that a refused request wrote nothing. */
    Map<String, Long> footprint() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of(
                "dossier", "dossier_history", "feed_outbox", "dossier_pause", "dossier_rating", "idempotent_request")) {
            counts.put(table, count(table));
        }
        counts.put("dossier versions", longValue("SELECT COALESCE(SUM(row_version), 0) FROM dossier"));
        return counts;
    }

    /** Feed events of one dossier, oldest first: event type and payload. */
    List<String[]> events(String code) {
        return query(
                "SELECT event_type, " + FeedPayloads.COLUMNS + " FROM feed_outbox WHERE aggregate_id = ?"
                        + " ORDER BY id",
                new Object[] {code},
                rs -> {
                    List<String[]> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), FeedPayloads.json(rs.getString(2), rs.getBytes(3))});
                    }
                    return rows;
                });
    }

    void execute(String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private <T> T query(String sql, Object[] args, ResultReader<T> reader) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    @FunctionalInterface
    interface ResultReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    // ---- errors and PDFs ----------------------------------------------------------------------------------------

    /** Runs {@code call} from {@code threads} threads at once; the gRPC code each one ended with. */
    static List<Status.Code> concurrently(int threads, Runnable call) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Status.Code>> outcomes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                outcomes.add(pool.submit(() -> {
                    try {
                        call.run();
                        return Status.Code.OK;
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode();
                    }
                }));
            }
            List<Status.Code> codes = new ArrayList<>();
            for (Future<Status.Code> f : outcomes) {
                codes.add(f.get(60, TimeUnit.SECONDS));
            }
            return codes;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }
    }

    /** FAILED_PRECONDITION with reason RULE_VIOLATED and the named rule. */
    static void assertRule(Runnable call, String rule) {
        StatusRuntimeException e = failure(call);
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.errorInfo(e).getReason()).isEqualTo("RULE_VIOLATED");
        assertThat(GrpcErrors.errorInfo(e).getMetadataMap()).containsEntry("rule", rule);
    }

    /** Runs a block of refused calls (which assert their own failure) and checks every table is as it was. */
    void assertWritesNothing(Runnable refusedCalls) {
        Map<String, Long> before = footprint();
        refusedCalls.run();
        assertThat(footprint()).isEqualTo(before);
    }

    /** All text of a PDF, whitespace runs collapsed so that line wrapping does not matter. */
    static String pdfText(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    static com.google.protobuf.Timestamp timestamp(Instant i) {
        return com.google.protobuf.Timestamp.newBuilder()
                .setSeconds(i.getEpochSecond())
                .setNanos(i.getNano())
                .build();
    }
}
