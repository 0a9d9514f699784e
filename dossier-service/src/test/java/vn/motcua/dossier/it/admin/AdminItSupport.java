package vn.motcua.dossier.it.admin;

import io.grpc.StatusRuntimeException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import vn.motcua.dossier.it.DossierItSupport;
import vn.motcua.dossier.it.workflow.SettableClock;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.dossier.v1.Applicant;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.DossierWorkflowServiceGrpc;
import vn.motcua.proto.dossier.v1.NewUnit;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;
import vn.motcua.proto.dossier.v1.UnitAdminServiceGrpc;
import vn.motcua.proto.dossier.v1.WorkCalendarServiceGrpc;

/**
 * Shared set-up of the unit and calendar administration ITs: the demo seed (Hải Dương 30 > Tứ Kỳ 298 > communes,
 * 2026 holidays) on a throwaway MariaDB database, the real gRPC server, and a clock pinned to Monday 9 March 2026,
 * 08:00 in Vietnam.
 */
abstract class AdminItSupport extends DossierItSupport {

    /** Monday 2026-03-09 08:00 Asia/Ho_Chi_Minh. */
    static final Instant MONDAY_0800 = Instant.parse("2026-03-09T01:00:00Z");

    static final String BIRTH = "1.001193";

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

    UnitAdminServiceGrpc.UnitAdminServiceBlockingStub units(String token) {
        return authorised(UnitAdminServiceGrpc.newBlockingStub(channel), token);
    }

    WorkCalendarServiceGrpc.WorkCalendarServiceBlockingStub calendar(String token) {
        return authorised(WorkCalendarServiceGrpc.newBlockingStub(channel), token);
    }

    DossierWorkflowServiceGrpc.DossierWorkflowServiceBlockingStub wf(String token) {
        return authorised(DossierWorkflowServiceGrpc.newBlockingStub(channel), token);
    }

    String admin(String unit) {
        return idp.officer("admin." + unit, unit, "unit_admin");
    }

    String desk(String unit) {
        return idp.officer("mc." + unit, unit, "reception_officer");
    }

    static NewUnit.Builder commune(String code, String agency, String name, String parent) {
        return NewUnit.newBuilder()
                .setCode(code)
                .setAgencyCode(agency)
                .setName(name)
                .setLevel(UnitLevel.UNIT_LEVEL_COMMUNE)
                .setParentCode(parent);
    }

    Dossier receive(String unit, String procedure) {
        return ds(desk(unit))
                .receiveDossier(ReceiveDossierRequest.newBuilder()
                        .setProcedureCode(procedure)
                        .setChannel(Channel.CHANNEL_COUNTER)
                        .setApplicant(Applicant.newBuilder()
                                .setFullName("Nguyễn Văn An")
                                .setCitizenId("030090001234")
                                .setPhone("0912345678")
                                .setAddress("Thôn Đông"))
                        .build())
                .getDossier();
    }

    static String reason(StatusRuntimeException e) {
        return GrpcErrors.errorInfo(e) == null ? null : GrpcErrors.errorInfo(e).getReason();
    }

    static String metadata(StatusRuntimeException e, String key) {
        return GrpcErrors.errorInfo(e) == null
                ? null
                : GrpcErrors.errorInfo(e).getMetadataMap().get(key);
    }

    /** Tables a refused administration request must leave untouched. */
    Map<String, Long> footprint() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of(
                "admin_unit",
                "calendar_day_override",
                "unit_work_session",
                "feed_outbox",
                "idempotent_request",
                "dossier")) {
            counts.put(table, count(table));
        }
        counts.put("closed units", longValue("SELECT COUNT(*) FROM admin_unit WHERE valid_to IS NOT NULL"));
        return counts;
    }

    long longValue(String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String stringValue(String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
