package vn.motcua.report.evaluation.grpc;

import io.grpc.Status;
import jakarta.inject.Singleton;
import vn.motcua.proto.report.v1.GetDossierEvaluationRequest;
import vn.motcua.proto.report.v1.GetDossierEvaluationResponse;
import vn.motcua.proto.report.v1.GetInternalEvaluationRequest;
import vn.motcua.proto.report.v1.GetInternalEvaluationResponse;

/** Circular 01/2018 internal evaluation (helper: indicators). Placeholder until its helper lands. */
@Singleton
public class EvaluationRpc {

    public GetInternalEvaluationResponse getInternalEvaluation(GetInternalEvaluationRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("GetInternalEvaluation is not built yet")
                .asRuntimeException();
    }

    public GetDossierEvaluationResponse getDossierEvaluation(GetDossierEvaluationRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("GetDossierEvaluation is not built yet")
                .asRuntimeException();
    }
}
