package vn.motcua.report.evaluation.grpc;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.proto.report.v1.AgencyEvaluation;
import vn.motcua.proto.report.v1.DossierEvaluation;
import vn.motcua.proto.report.v1.GetDossierEvaluationRequest;
import vn.motcua.proto.report.v1.GetDossierEvaluationResponse;
import vn.motcua.proto.report.v1.GetInternalEvaluationRequest;
import vn.motcua.proto.report.v1.GetInternalEvaluationResponse;
import vn.motcua.proto.report.v1.InternalEvaluation;
import vn.motcua.proto.report.v1.OfficerEvaluation;
import vn.motcua.report.evaluation.domain.EvaluationScore;
import vn.motcua.report.evaluation.service.EvaluationService;
import vn.motcua.report.indicator.grpc.IndicatorProtos;

/** Circular 01/2018 internal evaluation: messages only. */
@Singleton
public class EvaluationRpc {

    private final EvaluationService evaluations;

    public EvaluationRpc(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    public GetInternalEvaluationResponse getInternalEvaluation(GetInternalEvaluationRequest request) {
        var result = evaluations.evaluate(
                CallContext.requireCaller(),
                request.getUnitCode(),
                IndicatorProtos.period(request.getPeriod(), "period"));
        InternalEvaluation.Builder b = InternalEvaluation.newBuilder()
                .setUnit(IndicatorProtos.unit(result.unit()))
                .setPeriod(IndicatorProtos.resolved(result.period()));
        for (var agency : result.agencies()) {
            b.addAgencies(AgencyEvaluation.newBuilder()
                    .setUnit(IndicatorProtos.unit(agency.unit()))
                    .setDossiers(agency.result().dossiers())
                    .addAllScores(scores(agency.result().scores()))
                    .setTotal(agency.result().total())
                    .setRating(agency.result().rating()));
        }
        for (var officer : result.officers()) {
            b.addOfficers(OfficerEvaluation.newBuilder()
                    .setOfficer(officer.officer())
                    .setDossiers(officer.dossiers())
                    .addAllScores(scores(officer.scores()))
                    .setTotal(officer.total())
                    .setCompletionBand(officer.band()));
        }
        return GetInternalEvaluationResponse.newBuilder().setEvaluation(b).build();
    }

    public GetDossierEvaluationResponse getDossierEvaluation(GetDossierEvaluationRequest request) {
        var result = evaluations.dossier(CallContext.requireCaller(), request.getDossierCode());
        return GetDossierEvaluationResponse.newBuilder()
                .setEvaluation(DossierEvaluation.newBuilder()
                        .setDossier(IndicatorProtos.view(result.dossier(), Instant.now()))
                        .addAllScores(scores(result.scores())))
                .build();
    }

    private static List<vn.motcua.proto.report.v1.EvaluationScore> scores(List<EvaluationScore> scores) {
        return scores.stream()
                .map(s -> vn.motcua.proto.report.v1.EvaluationScore.newBuilder()
                        .setIndicator(s.indicator())
                        .setScore(s.score())
                        .setDossiers(s.dossiers())
                        .setNote(s.note())
                        .build())
                .toList();
    }
}
