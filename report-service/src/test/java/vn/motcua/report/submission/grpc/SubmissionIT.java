package vn.motcua.report.submission.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.report.v1.Consolidation;
import vn.motcua.proto.report.v1.GetConsolidationRequest;
import vn.motcua.proto.report.v1.GetSubmissionRequest;
import vn.motcua.proto.report.v1.ListSubmissionsRequest;
import vn.motcua.proto.report.v1.Period;
import vn.motcua.proto.report.v1.ReportDiffEntry;
import vn.motcua.proto.report.v1.ReportKind;
import vn.motcua.proto.report.v1.ReportSubmission;
import vn.motcua.proto.report.v1.SubmitReportRequest;
import vn.motcua.report.ii06a.GrpcItBase;
import vn.motcua.report.it.ReportItSupport;
import vn.motcua.report.submission.RacingSubmissionRepository;
import vn.motcua.report.submission.SettableSubmissionClock;

/**
 * Frozen, versioned submissions over gRPC. Province 30 > district 298 > communes 11077, 11080; 30 > district 297 >
 * commune 10999. Each test uses its own period so the figures of one do not move another's.
 */
@MicronautTest(transactional = false)
class SubmissionIT extends GrpcItBase {

    @Inject
    SettableSubmissionClock clock;

    @Inject
    RacingSubmissionRepository race;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("motcua.test.submission-clock", "true", "motcua.test.submission-race", "true");
    }

    @Override
    protected void seedData() {
        seed.unit("30", "Tỉnh Hải Dương", 1, null)
                .unit("298", "Huyện Tứ Kỳ", 2, "30")
                .unit("11077", "Xã Tây Kỳ", 3, "298")
                .unit("11080", "Xã Đại Sơn", 3, "298")
                .unit("297", "Huyện Thanh Hà", 2, "30")
                .unit("10999", "Xã Thanh Xuân", 3, "297");
        // Q1: one dossier resolved early in 11077
        seed.dossier("11077", "Hộ tịch")
                .received("2026-02-10")
                .due("2026-02-20")
                .finished("2026-02-18", "EARLY")
                .add();
        // August: 11077 one on time, 298 itself one early online, 11080 nothing
        seed.dossier("11077", "Hộ tịch")
                .received("2026-08-05")
                .due("2026-08-10")
                .finished("2026-08-06", "ON_TIME")
                .add();
        seed.dossier("298", "Đất đai")
                .online()
                .received("2026-08-07")
                .due("2026-08-20")
                .finished("2026-08-12", "EARLY")
                .add();
    }

    private ReportSubmission submit(String token, String unit, Period period, String reason) {
        return as(token)
                .submitReport(SubmitReportRequest.newBuilder()
                        .setUnitCode(unit)
                        .setKind(ReportKind.REPORT_KIND_II06A)
                        .setPeriod(period)
                        .setReason(reason)
                        .build())
                .getSubmission();
    }

    private ReportSubmission get(String token, String id) {
        return as(token)
                .getSubmission(
                        GetSubmissionRequest.newBuilder().setSubmissionId(id).build())
                .getSubmission();
    }

    private Consolidation consolidation(String token, String unit, Period period) {
        return as(token)
                .getConsolidation(GetConsolidationRequest.newBuilder()
                        .setUnitCode(unit)
                        .setKind(ReportKind.REPORT_KIND_II06A)
                        .setPeriod(period)
                        .build())
                .getConsolidation();
    }

    private long versionsInDatabase(String unit, String from) {
        return ReportItSupport.queryLong(
                db, "SELECT COUNT(*) FROM report_submission WHERE unit_code = ? AND period_from = ?", unit, from);
    }

    @Test
    void aCorrectionIsVersionTwoWithWhoWhenWhyAndADiffWhileVersionOneStaysFrozen() {
        String leader = idp.officer("leader11077", "11077", "unit_leader");
        clock.set("2026-04-02T03:00:00Z"); // 10:00 on 02/04, before the 03/04 16:00 deadline
        ReportSubmission v1 = submit(leader, "", quarter(2026, 1), "");
        assertThat(v1.getVersion()).isEqualTo(1);
        assertThat(v1.getSubmittedBy()).isEqualTo("leader11077");
        assertThat(v1.getLate()).isFalse();
        assertThat(v1.getDiffList()).isEmpty();
        assertThat(v1.getSourcesList()).isEmpty();
        assertThat(v1.getIi06A().getTotal()).isEqualTo(counts(0, 1, 0, 1, 0, 0, 0, 0));

        // a dossier resolved late in March is found afterwards
        seed.dossier("11077", "Hộ tịch")
                .online()
                .received("2026-03-01")
                .due("2026-03-10")
                .finished("2026-03-20", "LATE")
                .add();
        clock.set("2026-04-06T02:00:00Z");
        ReportSubmission v2 = submit(leader, "11077", quarter(2026, 1), "Bổ sung hồ sơ giải quyết quá hạn tháng 3");

        assertThat(v2.getVersion()).isEqualTo(2);
        assertThat(v2.getLate()).isTrue();
        assertThat(v2.getReason()).isEqualTo("Bổ sung hồ sơ giải quyết quá hạn tháng 3");
        assertThat(v2.getSubmittedAt().getSeconds())
                .isEqualTo(java.time.Instant.parse("2026-04-06T02:00:00Z").getEpochSecond());
        assertThat(v2.getIi06A().getTotal()).isEqualTo(counts(1, 1, 0, 1, 0, 1, 0, 0));
        List<String> changed = new ArrayList<>();
        for (ReportDiffEntry d : v2.getDiffList()) {
            changed.add(d.getRowKey() + " " + d.getColumn() + " " + d.getBefore() + "->" + d.getAfter());
        }
        assertThat(changed)
                .containsExactly(
                        "11077 total 1->2",
                        "11077 received_online 0->1",
                        "11077 resolved 1->2",
                        "11077 resolved_late 0->1",
                        "11077 resolved_late_without_apology 0->1",
                        "total total 1->2",
                        "total received_online 0->1",
                        "total resolved 1->2",
                        "total resolved_late 0->1",
                        "total resolved_late_without_apology 0->1");

        // version 1 is what it was, read back after the counters changed
        ReportSubmission frozen = get(leader, v1.getSubmissionId());
        assertThat(frozen.getIi06A()).isEqualTo(v1.getIi06A());
        assertThat(frozen.getVersion()).isEqualTo(1);
        assertThat(get(leader, v2.getSubmissionId()).getDiffList()).isEqualTo(v2.getDiffList());

        // the district's viewer lists both, newest first, without figures
        String viewer = idp.officer("viewer298", "298", "report_viewer");
        List<ReportSubmission> listed = as(viewer)
                .listSubmissions(ListSubmissionsRequest.newBuilder()
                        .setUnitCode("11077")
                        .setKind(ReportKind.REPORT_KIND_II06A)
                        .setPeriod(quarter(2026, 1))
                        .build())
                .getSubmissionsList();
        assertThat(listed).extracting(ReportSubmission::getVersion).containsExactly(2, 1);
        assertThat(listed.get(0).getReason()).isEqualTo(v2.getReason());
        assertThat(listed.get(0).getPeriod().getFromDate()).isEqualTo("2026-01-01");
        assertThat(listed.get(0).hasIi06A()).isFalse();
    }

    @Test
    void aCorrectionWithoutAReasonIsRefusedAndNothingIsWritten() {
        String leader = idp.officer("leader10999", "10999", "unit_leader");
        clock.set("2026-07-01T03:00:00Z");
        submit(leader, "", month(2026, 6), "");
        StatusRuntimeException e = failure(() -> submit(leader, "", month(2026, 6), "   "));
        assertInvalid(e, "reason");
        assertThat(versionsInDatabase("10999", "2026-06-01")).isEqualTo(1);
        StatusRuntimeException tooLong = failure(() -> submit(leader, "", month(2026, 6), "x".repeat(1001)));
        assertInvalid(tooLong, "reason");
        assertThat(versionsInDatabase("10999", "2026-06-01")).isEqualTo(1);
    }

    @Test
    void twoLeadersSubmittingAtOnceGetOneVersionAndOneConcurrentUpdateError() throws Exception {
        String first = idp.officer("leader11080", "11080", "unit_leader");
        String second = idp.officer("leader298", "298", "unit_leader"); // the district may act for its commune
        clock.set("2026-06-02T03:00:00Z");
        for (int version = 1; version <= 2; version++) {
            race.arm(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<ReportSubmission> a = pool.submit(() -> submit(first, "11080", month(2026, 5), "sửa lần A"));
                Future<ReportSubmission> b = pool.submit(() -> submit(second, "11080", month(2026, 5), "sửa lần B"));
                List<Integer> versions = new ArrayList<>();
                List<StatusRuntimeException> errors = new ArrayList<>();
                for (Future<ReportSubmission> f : List.of(a, b)) {
                    try {
                        versions.add(f.get(60, TimeUnit.SECONDS).getVersion());
                    } catch (java.util.concurrent.ExecutionException e) {
                        errors.add((StatusRuntimeException) e.getCause());
                    }
                }
                assertThat(versions).containsExactly(version);
                assertThat(errors).hasSize(1);
                assertThat(errors.get(0).getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                assertThat(reason(errors.get(0))).isEqualTo("CONCURRENT_UPDATE");
            } finally {
                race.disarm();
                pool.shutdownNow();
            }
        }
        assertThat(versionsInDatabase("11080", "2026-05-01")).isEqualTo(2);
        assertThat(ReportItSupport.queryLong(
                        db,
                        "SELECT COUNT(DISTINCT version) FROM report_submission WHERE unit_code = '11080'"
                                + " AND period_from = '2026-05-01'"))
                .isEqualTo(2);
    }

    @Test
    void lateIsJudgedAgainstTheDeadlineOfTheUnitsPlaceInTheTree() {
        // April ends 30/04: communes by 03/05 16:00 (09:00 UTC), districts by 05/05 16:00
        clock.set("2026-05-03T09:00:00Z");
        assertThat(submit(idp.officer("l10999", "10999", "unit_leader"), "", month(2026, 4), "")
                        .getLate())
                .isFalse();
        clock.set("2026-05-03T09:00:00.000001Z");
        assertThat(submit(idp.officer("l11080", "11080", "unit_leader"), "", month(2026, 4), "")
                        .getLate())
                .isTrue();
        String district = idp.officer("l297", "297", "unit_leader");
        assertThat(submit(district, "", month(2026, 4), "").getLate()).isFalse();
        clock.set("2026-05-05T09:00:01Z");
        assertThat(submit(district, "", month(2026, 4), "điều chỉnh").getLate()).isTrue();
    }

    @Test
    void theDistrictConsolidatesItsCommunesSubmittedVersionsSaysWhoIsMissingAndFollowsACorrection() {
        String commune = idp.officer("leader11077", "11077", "unit_leader");
        String district = idp.officer("leader298", "298", "unit_leader");
        clock.set("2026-09-02T03:00:00Z");
        ReportSubmission communeV1 = submit(commune, "", month(2026, 8), "");

        Consolidation before = consolidation(district, "", month(2026, 8));
        assertThat(before.getSourcesList())
                .extracting(s -> s.getUnit().getCode() + " v" + s.getVersion() + (s.getMissing() ? " missing" : ""))
                .containsExactly("11077 v1", "11080 v0 missing");
        assertThat(before.getSources(0).getSubmissionId()).isEqualTo(communeV1.getSubmissionId());
        assertThat(before.getIi06A().getRowsList())
                .extracting(r -> r.getRowNumber() + " " + r.getUnit().getCode())
                .containsExactly("1 298", "2 11077");
        assertThat(before.getIi06A().getTotal()).isEqualTo(counts(1, 1, 0, 1, 1, 0, 0, 0));

        ReportSubmission districtV1 = submit(district, "", month(2026, 8), "");
        assertThat(districtV1.getSourcesList())
                .extracting(s -> s.getUnit().getCode() + " v" + s.getVersion() + (s.getMissing() ? " missing" : ""))
                .containsExactly("11077 v1", "11080 v0 missing");
        assertThat(districtV1.getIi06A().getTotal()).isEqualTo(before.getIi06A().getTotal());
        assertThat(districtV1.getLate()).isFalse();

        // the commune finds a late postal dossier and corrects: the consolidation follows version 2
        seed.dossier("11077", "Đất đai")
                .postal()
                .received("2026-08-20")
                .due("2026-08-25")
                .finished("2026-08-28", "LATE")
                .add();
        clock.set("2026-09-04T03:00:00Z");
        ReportSubmission communeV2 = submit(commune, "", month(2026, 8), "bổ sung hồ sơ bưu chính");
        assertThat(communeV2.getDiffList()).isNotEmpty();
        Consolidation after = consolidation(district, "298", month(2026, 8));
        assertThat(after.getSources(0).getVersion()).isEqualTo(2);
        assertThat(after.getSources(0).getLate()).isTrue();
        assertThat(after.getIi06A().getTotal()).isEqualTo(counts(1, 2, 0, 1, 1, 1, 0, 0, 1));

        // the district's version 1 still holds the commune's version 1; its correction shows the change
        assertThat(get(district, districtV1.getSubmissionId()).getIi06A()).isEqualTo(districtV1.getIi06A());
        ReportSubmission districtV2 = submit(district, "", month(2026, 8), "xã Tây Kỳ điều chỉnh");
        assertThat(districtV2.getSources(0).getVersion()).isEqualTo(2);
        assertThat(districtV2.getDiffList())
                .extracting(d -> d.getRowKey() + " " + d.getColumn())
                .contains("11077 resolved_late", "total resolved_late")
                .doesNotContain("298 total");

        // the province sees the district's latest version as a subtotal above its communes
        String province = idp.officer("viewer30", "30", "report_viewer");
        Consolidation provinceView = consolidation(province, "30", month(2026, 8));
        assertThat(provinceView.getSourcesList())
                .extracting(s -> s.getUnit().getCode() + " v" + s.getVersion())
                .containsExactly("297 v0", "298 v2");
        assertThat(provinceView.getIi06A().getRowsList())
                .extracting(r -> r.getRowNumber() + " " + (r.getSubtotal() ? "+" : "")
                        + r.getUnit().getCode())
                .containsExactly("1 30", "0 +298", "2 298", "3 11077");
        assertThat(provinceView.getIi06A().getTotal())
                .isEqualTo(districtV2.getIi06A().getTotal());
    }

    @Test
    void badRequestsAreRefusedWithTheRightCodeAndNothingIsFrozen() {
        String leader = idp.officer("leader11077", "11077", "unit_leader");
        clock.set("2026-11-30T03:00:00Z");
        StatusRuntimeException specialist =
                failure(() -> submit(idp.officer("s11077", "11077", "specialist"), "", month(2026, 10), ""));
        assertThat(specialist.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

        StatusRuntimeException sibling =
                failure(() -> submit(idp.officer("leader11080", "11080", "unit_leader"), "11077", month(2026, 10), ""));
        assertThat(sibling.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);

        StatusRuntimeException indicators = failure(() -> as(leader)
                .submitReport(SubmitReportRequest.newBuilder()
                        .setKind(ReportKind.REPORT_KIND_INDICATORS_766)
                        .setPeriod(month(2026, 10))
                        .build()));
        assertThat(indicators.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(indicators.getStatus().getDescription()).contains("only form II.06a");

        StatusRuntimeException noKind = failure(() -> as(leader)
                .submitReport(SubmitReportRequest.newBuilder()
                        .setPeriod(Period.newBuilder()
                                .setKind(vn.motcua.proto.report.v1.PeriodKind.PERIOD_KIND_MONTH)
                                .setYear(2026)
                                .setNumber(13))
                        .build()));
        assertInvalid(noKind, "kind", "period.number");

        StatusRuntimeException notOver = failure(() -> submit(leader, "", month(2026, 11), ""));
        assertInvalid(notOver, "period");

        StatusRuntimeException unknown = failure(() -> get(leader, "NOSUCHSUBMISSION"));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertInvalid(failure(() -> get(leader, " ")), "submission_id");

        ReportSubmission own = submit(leader, "", month(2026, 10), "");
        StatusRuntimeException foreign =
                failure(() -> get(idp.officer("leader11080", "11080", "unit_leader"), own.getSubmissionId()));
        assertThat(foreign.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(foreign.getStatus().getDescription()).doesNotContain("11077");

        StatusRuntimeException leaf = failure(() -> consolidation(leader, "", month(2026, 10)));
        assertThat(leaf.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);

        assertThat(ReportItSupport.queryLong(
                        db, "SELECT COUNT(*) FROM report_submission WHERE period_from = '2026-10-01'"))
                .isEqualTo(1);
        assertThat(ReportItSupport.queryLong(
                        db, "SELECT COUNT(*) FROM report_submission WHERE period_from = '2026-11-01'"))
                .isZero();
    }
}
