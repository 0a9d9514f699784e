package vn.motcua.report.projection.grpc;

import io.grpc.Status;
import jakarta.inject.Singleton;
import vn.motcua.proto.report.v1.GetProjectionStatusRequest;
import vn.motcua.proto.report.v1.GetProjectionStatusResponse;
import vn.motcua.proto.report.v1.RebuildProjectionsRequest;
import vn.motcua.proto.report.v1.RebuildProjectionsResponse;

/** Projection maintenance (helper: projection). Placeholder until its helper lands. */
@Singleton
public class ProjectionRpc {

    public RebuildProjectionsResponse rebuildProjections(RebuildProjectionsRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("RebuildProjections is not built yet")
                .asRuntimeException();
    }

    public GetProjectionStatusResponse getProjectionStatus(GetProjectionStatusRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("GetProjectionStatus is not built yet")
                .asRuntimeException();
    }
}
