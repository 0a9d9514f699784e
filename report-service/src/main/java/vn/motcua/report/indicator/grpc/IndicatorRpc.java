package vn.motcua.report.indicator.grpc;

import jakarta.inject.Singleton;
import java.time.Instant;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.auth.Caller;
import vn.motcua.proto.common.v1.PageInfo;
import vn.motcua.proto.report.v1.DrillDownIndicatorRequest;
import vn.motcua.proto.report.v1.DrillDownIndicatorResponse;
import vn.motcua.proto.report.v1.DrillDownSide;
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
import vn.motcua.report.indicator.domain.DrillSide;
import vn.motcua.report.indicator.service.DrillDownService;
import vn.motcua.report.indicator.service.IndicatorRules;
import vn.motcua.report.indicator.service.IndicatorScoresService;
import vn.motcua.report.indicator.service.OverdueService;
import vn.motcua.report.scope.service.ReportScope;

/** Decision 766 indicators, their rule versions, drill-down, and the overdue list. Messages only; rules live below. */
@Singleton
public class IndicatorRpc {

    private final IndicatorScoresService scores;
    private final IndicatorRules rules;
    private final DrillDownService drillDown;
    private final OverdueService overdue;
    private final ReportScope scope;

    public IndicatorRpc(
            IndicatorScoresService scores,
            IndicatorRules rules,
            DrillDownService drillDown,
            OverdueService overdue,
            ReportScope scope) {
        this.scores = scores;
        this.rules = rules;
        this.drillDown = drillDown;
        this.overdue = overdue;
        this.scope = scope;
    }

    public GetIndicatorScoresResponse getIndicatorScores(GetIndicatorScoresRequest request) {
        var result = scores.scores(
                CallContext.requireCaller(),
                request.getUnitCode(),
                IndicatorProtos.period(request.getPeriod(), "period"),
                request.getSubtree(),
                request.getIncludeChildren());
        return GetIndicatorScoresResponse.newBuilder()
                .setScores(IndicatorProtos.scores(result))
                .build();
    }

    public DrillDownIndicatorResponse drillDownIndicator(DrillDownIndicatorRequest request) {
        DrillSide side = switch (request.getSide()) {
            case DRILL_DOWN_SIDE_NUMERATOR -> DrillSide.NUMERATOR;
            case DRILL_DOWN_SIDE_DENOMINATOR -> DrillSide.DENOMINATOR;
            default -> null;
        };
        var page = drillDown.drill(
                CallContext.requireCaller(),
                request.getUnitCode(),
                IndicatorProtos.period(request.getPeriod(), "period"),
                request.getSubtree(),
                request.getIndicatorId(),
                side,
                request.getPage().getPageSize(),
                request.getPage().getPageToken());
        Instant now = Instant.now();
        DrillDownIndicatorResponse.Builder b = DrillDownIndicatorResponse.newBuilder()
                .setIndicatorId(page.indicatorId())
                .setSide(
                        page.side() == DrillSide.NUMERATOR
                                ? DrillDownSide.DRILL_DOWN_SIDE_NUMERATOR
                                : DrillDownSide.DRILL_DOWN_SIDE_DENOMINATOR)
                .setTotal(page.total())
                .setPage(PageInfo.newBuilder().setNextPageToken(page.nextToken()));
        page.dossiers().forEach(d -> b.addDossiers(IndicatorProtos.view(d, now)));
        return b.build();
    }

    public ListIndicatorRuleVersionsResponse listIndicatorRuleVersions(ListIndicatorRuleVersionsRequest request) {
        Caller caller = CallContext.requireCaller();
        // any officer or report_viewer: the check is the same as reading one's own unit
        scope.readable(caller, "");
        ListIndicatorRuleVersionsResponse.Builder b = ListIndicatorRuleVersionsResponse.newBuilder();
        rules.versions().forEach(v -> b.addVersions(IndicatorProtos.version(v)));
        return b.build();
    }

    public PublishIndicatorRulesResponse publishIndicatorRules(PublishIndicatorRulesRequest request) {
        var version = rules.publish(
                CallContext.requireCaller(),
                request.getEffectiveFromMonth(),
                request.getRulesJson(),
                request.getReason());
        return PublishIndicatorRulesResponse.newBuilder()
                .setVersion(IndicatorProtos.version(version))
                .build();
    }

    public RecomputeIndicatorsResponse recomputeIndicators(RecomputeIndicatorsRequest request) {
        var result = scores.recompute(
                CallContext.requireCaller(),
                request.getUnitCode(),
                IndicatorProtos.period(request.getPeriod(), "period"),
                request.getSubtree(),
                request.getReason());
        return RecomputeIndicatorsResponse.newBuilder()
                .setScores(IndicatorProtos.scores(result))
                .build();
    }

    public ListOverdueDossiersResponse listOverdueDossiers(ListOverdueDossiersRequest request) {
        var page = overdue.list(
                CallContext.requireCaller(),
                request.getUnitCode(),
                request.getDueWithinHours(),
                request.getPage().getPageSize(),
                request.getPage().getPageToken());
        ListOverdueDossiersResponse.Builder b = ListOverdueDossiersResponse.newBuilder()
                .setTotal(page.total())
                .setPage(PageInfo.newBuilder().setNextPageToken(page.nextToken()));
        page.dossiers().forEach(d -> b.addDossiers(IndicatorProtos.view(d, page.now())));
        return b.build();
    }
}
