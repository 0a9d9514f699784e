package vn.motcua.report.submission.grpc;

import jakarta.inject.Singleton;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.error.DomainException;
import vn.motcua.proto.report.v1.ConsolidatedSource;
import vn.motcua.proto.report.v1.GetConsolidationRequest;
import vn.motcua.proto.report.v1.GetConsolidationResponse;
import vn.motcua.proto.report.v1.GetSubmissionRequest;
import vn.motcua.proto.report.v1.GetSubmissionResponse;
import vn.motcua.proto.report.v1.ListSubmissionsRequest;
import vn.motcua.proto.report.v1.ListSubmissionsResponse;
import vn.motcua.proto.report.v1.ReportDiffEntry;
import vn.motcua.proto.report.v1.ReportSubmission;
import vn.motcua.proto.report.v1.SubmitReportRequest;
import vn.motcua.proto.report.v1.SubmitReportResponse;
import vn.motcua.report.ii06a.grpc.II06aMessages;
import vn.motcua.report.submission.domain.Consolidation;
import vn.motcua.report.submission.domain.ReportKind;
import vn.motcua.report.submission.domain.Submission;
import vn.motcua.report.submission.service.SubmissionService;

/**
 * Frozen submissions. SubmitReport: unit_leader of the unit (or of a unit above it). ListSubmissions, GetSubmission,
 * GetConsolidation: any officer or report_viewer whose subtree holds the unit. ListSubmissions leaves out each
 * version's figures and diff (GetSubmission has them).
 */
@Singleton
public class SubmissionRpc {

    private final SubmissionService submissions;

    public SubmissionRpc(SubmissionService submissions) {
        this.submissions = submissions;
    }

    public SubmitReportResponse submitReport(SubmitReportRequest request) {
        Submission s = submissions.submit(
                CallContext.requireCaller(),
                request.getUnitCode(),
                kind(request.getKind()),
                II06aMessages.period(request.getPeriod()),
                request.getReason());
        return SubmitReportResponse.newBuilder().setSubmission(submission(s)).build();
    }

    public ListSubmissionsResponse listSubmissions(ListSubmissionsRequest request) {
        ListSubmissionsResponse.Builder response = ListSubmissionsResponse.newBuilder();
        submissions
                .list(
                        CallContext.requireCaller(),
                        request.getUnitCode(),
                        kind(request.getKind()),
                        II06aMessages.period(request.getPeriod()))
                .forEach(s -> response.addSubmissions(submission(s)));
        return response.build();
    }

    public GetSubmissionResponse getSubmission(GetSubmissionRequest request) {
        Submission s = submissions.get(CallContext.requireCaller(), request.getSubmissionId());
        return GetSubmissionResponse.newBuilder().setSubmission(submission(s)).build();
    }

    public GetConsolidationResponse getConsolidation(GetConsolidationRequest request) {
        Consolidation c = submissions.consolidation(
                CallContext.requireCaller(),
                request.getUnitCode(),
                kind(request.getKind()),
                II06aMessages.period(request.getPeriod()));
        return GetConsolidationResponse.newBuilder()
                .setConsolidation(consolidation(c))
                .build();
    }

    /** null for UNSPECIFIED: the service reports the missing kind with the other field problems. */
    public static ReportKind kind(vn.motcua.proto.report.v1.ReportKind kind) {
        return switch (kind) {
            case REPORT_KIND_II06A -> ReportKind.II06A;
            case REPORT_KIND_INDICATORS_766 -> ReportKind.INDICATORS_766;
            case REPORT_KIND_UNSPECIFIED -> null;
            case UNRECOGNIZED -> throw DomainException.invalid("kind", "is not a known report kind");
        };
    }

    public static vn.motcua.proto.report.v1.Consolidation consolidation(Consolidation c) {
        vn.motcua.proto.report.v1.Consolidation.Builder b = vn.motcua.proto.report.v1.Consolidation.newBuilder()
                .setUnit(II06aMessages.unit(c.unit()))
                .setPeriod(II06aMessages.period(c.period()))
                .setIi06A(II06aMessages.report(c.figures()));
        c.sources().forEach(s -> b.addSources(source(s)));
        return b.build();
    }

    public static ReportSubmission submission(Submission s) {
        ReportSubmission.Builder b = ReportSubmission.newBuilder()
                .setSubmissionId(s.id())
                .setUnit(II06aMessages.unit(s.unit()))
                .setKind(vn.motcua.proto.report.v1.ReportKind.REPORT_KIND_II06A)
                .setVersion(s.version())
                .setSubmittedBy(s.submittedBy())
                .setSubmittedAt(II06aMessages.timestamp(s.submittedAt()))
                .setReason(s.reason() == null ? "" : s.reason())
                .setLate(s.late());
        if (s.period() != null) {
            b.setPeriod(II06aMessages.period(s.period()));
        }
        if (s.figures() != null) {
            b.setIi06A(II06aMessages.report(s.figures()));
        }
        s.diff()
                .forEach(d -> b.addDiff(ReportDiffEntry.newBuilder()
                        .setRowKey(d.rowKey())
                        .setColumn(d.column())
                        .setBefore(d.before())
                        .setAfter(d.after())));
        s.sources().forEach(src -> b.addSources(source(src)));
        return b.build();
    }

    private static ConsolidatedSource source(vn.motcua.report.submission.domain.ConsolidatedSource s) {
        ConsolidatedSource.Builder b = ConsolidatedSource.newBuilder()
                .setUnit(II06aMessages.unit(s.unit()))
                .setVersion(s.version())
                .setSubmissionId(s.submissionId() == null ? "" : s.submissionId())
                .setLate(s.late())
                .setMissing(s.missing());
        if (s.submittedAt() != null) {
            b.setSubmittedAt(II06aMessages.timestamp(s.submittedAt()));
        }
        return b.build();
    }
}
