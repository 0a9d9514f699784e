package vn.motcua.report.projection.grpc;

import jakarta.inject.Singleton;
import vn.motcua.platform.audit.AuditedChanges;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.auth.Caller;
import vn.motcua.proto.report.v1.FeedPosition;
import vn.motcua.proto.report.v1.GetProjectionStatusRequest;
import vn.motcua.proto.report.v1.GetProjectionStatusResponse;
import vn.motcua.proto.report.v1.ProjectionStatus;
import vn.motcua.proto.report.v1.RebuildProjectionsRequest;
import vn.motcua.proto.report.v1.RebuildProjectionsResponse;
import vn.motcua.report.projection.service.ProjectionAdmin;
import vn.motcua.report.projection.service.ProjectionStatusService;

/** Projection maintenance: RebuildProjections and GetProjectionStatus. */
@Singleton
public class ProjectionRpc {

    private final ProjectionAdmin admin;
    private final ProjectionStatusService status;
    private final AuditedChanges audited;

    public ProjectionRpc(ProjectionAdmin admin, ProjectionStatusService status, AuditedChanges audited) {
        this.admin = admin;
        this.status = status;
        this.audited = audited;
    }

    /**
     * A unit_admin of a root unit only; the reason is required (at most 1000 characters). Audited
     * (report.rebuild-projections), refusals included. Answers once the tables are reset: the feeds then replay
     * from seq 0 and the imported histories are re-applied in the background (GetProjectionStatus shows progress).
     */
    public RebuildProjectionsResponse rebuildProjections(RebuildProjectionsRequest request) {
        Caller caller = CallContext.requireCaller();
        long generation = audited.run(
                caller, "report.rebuild-projections", null, () -> admin.rebuild(caller, request.getReason()));
        return RebuildProjectionsResponse.newBuilder().setGeneration(generation).build();
    }

    /** Any officer or report_viewer. */
    public GetProjectionStatusResponse getProjectionStatus(GetProjectionStatusRequest request) {
        admin.requireReader(CallContext.requireCaller());
        ProjectionStatusService.Status s = status.status();
        ProjectionStatus.Builder out = ProjectionStatus.newBuilder()
                .setGeneration(s.generation())
                .setDossierFacts(s.dossierFacts())
                .setImportedFacts(s.importedFacts());
        s.feeds()
                .forEach(f -> out.addFeeds(FeedPosition.newBuilder()
                        .setSource(f.source())
                        .setAppliedSeq(f.appliedSeq())
                        .setHighWaterSeq(f.highWater())
                        .setLastError(f.lastError() == null ? "" : f.lastError())));
        return GetProjectionStatusResponse.newBuilder().setStatus(out).build();
    }
}
