package vn.motcua.report.campaign.grpc;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.proto.report.v1.CampaignReport;
import vn.motcua.proto.report.v1.CampaignReportChanged;
import vn.motcua.proto.report.v1.CampaignRow;
import vn.motcua.proto.report.v1.CampaignServiceGrpc;
import vn.motcua.proto.report.v1.SaveCampaignDraftRequest;
import vn.motcua.proto.report.v1.SubmitCampaignReportRequest;
import vn.motcua.report.campaign.CampaignWorld;
import vn.motcua.report.campaign.SettableCampaignClock;
import vn.motcua.report.ii06a.GrpcItBase;

/**
 * Campaign reports over real gRPC on a throwaway MariaDB database, the task clock pinned. Province 30 > district 298
 * > communes 11074, 11077, 11080, 11083; 30 > district 297 > commune 10999. Each test makes its own campaign.
 */
abstract class CampaignItBase extends GrpcItBase {

    @Inject
    SettableCampaignClock clock;

    CampaignWorld world;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("motcua.test.campaign-clock", "true");
    }

    @Override
    protected void seedData() {
        seed.unit("30", "Tỉnh Hải Dương", 1, null)
                .unit("298", "Huyện Tứ Kỳ", 2, "30")
                .unit("11074", "Xã Ngọc Sơn", 3, "298")
                .unit("11077", "Xã Tây Kỳ", 3, "298")
                .unit("11080", "Xã Đại Sơn", 3, "298")
                .unit("11083", "Xã Hưng Đạo", 3, "298")
                .unit("297", "Huyện Thanh Hà", 2, "30")
                .unit("10999", "Xã Thanh Xuân", 3, "297");
        world = new CampaignWorld(seed, db);
    }

    CampaignServiceGrpc.CampaignServiceBlockingStub campaign(String token) {
        return CampaignServiceGrpc.newBlockingStub(channel)
                .withInterceptors(new ForwardingClientInterceptor(() -> token))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    String officer(String unit) {
        return idp.officer("officer" + unit, unit, "specialist");
    }

    String leader(String unit) {
        return idp.officer("leader" + unit, unit, "unit_leader");
    }

    static CampaignRow row(String... keyValues) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            cells.put(keyValues[i], keyValues[i + 1]);
        }
        return CampaignRow.newBuilder().putAllCells(cells).build();
    }

    CampaignReport save(String token, String taskId, CampaignRow... rows) {
        return campaign(token)
                .saveCampaignDraft(SaveCampaignDraftRequest.newBuilder()
                        .setTaskId(taskId)
                        .addAllRows(List.of(rows))
                        .build())
                .getReport();
    }

    CampaignReport submit(String token, String taskId, String requestId) {
        return campaign(token)
                .submitCampaignReport(SubmitCampaignReportRequest.newBuilder()
                        .setTaskId(taskId)
                        .setRequestId(requestId)
                        .build())
                .getReport();
    }

    long count(String sql, Object... args) {
        return vn.motcua.report.it.ReportItSupport.queryLong(db, sql, args);
    }

    /** The typed payloads of a report's feed events, in the order written, with their event types. */
    List<Map.Entry<String, CampaignReportChanged>> payloads(String reportId) {
        try (Connection c = db.connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT event_type, aggregate_type, payload_type, payload FROM feed_outbox"
                                + " WHERE aggregate_id = ? ORDER BY id")) {
            ps.setString(1, reportId);
            List<Map.Entry<String, CampaignReportChanged>> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!"campaign_report".equals(rs.getString(2))
                            || !"motcua.report.v1.CampaignReportChanged".equals(rs.getString(3))) {
                        throw new AssertionError("unexpected event " + rs.getString(2) + " " + rs.getString(3));
                    }
                    found.add(Map.entry(rs.getString(1), CampaignReportChanged.parseFrom(rs.getBytes(4))));
                }
            }
            return found;
        } catch (SQLException | com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
