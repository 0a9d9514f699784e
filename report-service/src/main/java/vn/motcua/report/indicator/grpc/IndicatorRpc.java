package vn.motcua.report.indicator.grpc;

import io.grpc.Status;
import jakarta.inject.Singleton;
import vn.motcua.proto.report.v1.DrillDownIndicatorRequest;
import vn.motcua.proto.report.v1.DrillDownIndicatorResponse;
import vn.motcua.proto.report.v1.GetIndicatorScoresRequest;
import vn.motcua.proto.report.v1.GetIndicatorScoresResponse;
import vn.motcua.proto.report.v1.ListIndicatorRuleVersionsRequest;
import vn.motcua.proto.report.v1.ListIndicatorRuleVersionsResponse;
import vn.motcua.proto.report.v1.ListOverdueDossiersRequest;
import vn.motcua.proto.report.v1.ListOverdueDossiersResponse;
import vn.motcua.proto.report.v1.PublishIndicatorRulesRequest;
import vn.motcua.proto.report.v1.PublishIndicatorRulesResponse;
import vn.motcua.proto.report.v1.RecomputeIndicatorsRequest;
import vn.motcua.proto.report.v1.RecomputeIndicatorsResponse;

/** Decision 766 indicators (helper: indicators). Placeholder until its helper lands. */
@Singleton
public class IndicatorRpc {

    public GetIndicatorScoresResponse getIndicatorScores(GetIndicatorScoresRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("GetIndicatorScores is not built yet")
                .asRuntimeException();
    }

    public DrillDownIndicatorResponse drillDownIndicator(DrillDownIndicatorRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("DrillDownIndicator is not built yet")
                .asRuntimeException();
    }

    public ListIndicatorRuleVersionsResponse listIndicatorRuleVersions(ListIndicatorRuleVersionsRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("ListIndicatorRuleVersions is not built yet")
                .asRuntimeException();
    }

    public PublishIndicatorRulesResponse publishIndicatorRules(PublishIndicatorRulesRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("PublishIndicatorRules is not built yet")
                .asRuntimeException();
    }

    public RecomputeIndicatorsResponse recomputeIndicators(RecomputeIndicatorsRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("RecomputeIndicators is not built yet")
                .asRuntimeException();
    }

    public ListOverdueDossiersResponse listOverdueDossiers(ListOverdueDossiersRequest request) {
        throw Status.UNIMPLEMENTED
                .withDescription("ListOverdueDossiers is not built yet")
                .asRuntimeException();
    }
}
