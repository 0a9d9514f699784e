package vn.motcua.report.evaluation.service;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.report.evaluation.domain.AgencyResult;
import vn.motcua.report.evaluation.domain.Circular01;
import vn.motcua.report.evaluation.domain.DossierFacts;
import vn.motcua.report.evaluation.domain.EvaluationScore;
import vn.motcua.report.evaluation.domain.OfficerResult;
import vn.motcua.report.evaluation.domain.Tally;
import vn.motcua.report.evaluation.repository.EvaluationRepository;
import vn.motcua.report.evaluation.repository.EvaluationRepository.GroupedFacts;
import vn.motcua.report.evaluation.repository.EvaluationRepository.OnlineFigures;
import vn.motcua.report.indicator.domain.FactView;
import vn.motcua.report.indicator.domain.FeedbackCounts;
import vn.motcua.report.indicator.repository.FactQueryRepository;
import vn.motcua.report.indicator.repository.IndicatorCounterRepository;
import vn.motcua.report.indicator.service.IndicatorSettings;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.period.domain.PeriodWindow;
import vn.motcua.report.period.domain.ReportPeriods;
import vn.motcua.report.period.domain.ResolvedPeriod;
import vn.motcua.report.reception.domain.LocalDates;
import vn.motcua.report.scope.service.ReportScope;
import vn.motcua.report.scope.service.UnitNode;

/**
 * Circular 01/2018 internal evaluation for a subtree and a period: the dossiers resolved in the period, averaged per
 * officer (dossier_fact.assignee, the officer last assigned) and per agency (the statistics unit), with the agency's
 * unit indicators 8 (PAKN) and 9 (online).
 */
@Singleton
public class EvaluationService {

    /** A subtree's evaluation. Agencies in subtree order (units with resolved dossiers only); officers by name. */
    public record Evaluation(
            UnitNode unit, ResolvedPeriod period, List<Agency> agencies, List<OfficerResult> officers) {}

    public record Agency(UnitNode unit, AgencyResult result) {}

    /** One dossier's six per-dossier scores. */
    public record DossierEvaluation(FactView dossier, List<EvaluationScore> scores) {}

    private final ReportScope scope;
    private final EvaluationRepository evaluations;
    private final IndicatorCounterRepository counters;
    private final FactQueryRepository facts;

    public EvaluationService(
            ReportScope scope,
            EvaluationRepository evaluations,
            IndicatorCounterRepository counters,
            FactQueryRepository facts) {
        this.scope = scope;
        this.evaluations = evaluations;
        this.counters = counters;
        this.facts = facts;
    }

    /** Any officer or report_viewer, for a unit of its subtree; any period ReportPeriods resolves (calendar default). */
    public Evaluation evaluate(Caller caller, String unitCode, PeriodSpec spec) {
        List<UnitNode> tree = scope.readableSubtree(caller, unitCode);
        UnitNode root = tree.get(0);
        ResolvedPeriod period =
                ReportPeriods.resolve(spec == null ? null : spec.withDefaultWindow(PeriodWindow.CALENDAR), "period");
        Instant start = period.from().atStartOfDay(LocalDates.ZONE).toInstant();
        Instant end = period.endExclusive().atStartOfDay(LocalDates.ZONE).toInstant();

        Map<String, Tally> byUnit = new LinkedHashMap<>();
        Map<String, Tally> byOfficer = new TreeMap<>();
        for (GroupedFacts row : evaluations.resolvedIn(root.code(), start, end)) {
            byUnit.computeIfAbsent(row.unitCode(), k -> new Tally()).add(row.facts(), row.dossiers());
            if (row.assignee() != null && !row.assignee().isBlank()) {
                byOfficer.computeIfAbsent(row.assignee(), k -> new Tally()).add(row.facts(), row.dossiers());
            }
        }
        Map<String, FeedbackCounts> feedback = counters.feedback(
                tree.stream().map(UnitNode::code).toList(),
                start,
                end,
                end.minus(IndicatorSettings.FEEDBACK_ANSWER_LIMIT));
        Map<String, OnlineFigures> online = evaluations.online(root.code(), start, end);

        List<Agency> agencies = new ArrayList<>();
        for (UnitNode unit : tree) {
            Tally tally = byUnit.remove(unit.code());
            if (tally != null) {
                agencies.add(agency(unit, tally, feedback, online));
            }
        }
        // units the closure knows but the tree listing did not (should not happen): still reported, never dropped
        byUnit.forEach(
                (code, tally) -> agencies.add(agency(new UnitNode(code, code, 0, null, 0), tally, feedback, online)));
        List<OfficerResult> officers = new ArrayList<>();
        byOfficer.forEach((officer, tally) -> officers.add(tally.officer(officer)));
        return new Evaluation(root, period, agencies, officers);
    }

    /** GetDossierEvaluation: one dossier of the caller's subtree (NOT_FOUND otherwise, as for an unknown code). */
    public DossierEvaluation dossier(Caller caller, String code) {
        // the caller's standing first, so a citizen learns nothing about codes either
        scope.readable(caller, "");
        String wanted = code == null ? "" : code.strip();
        if (wanted.isEmpty() || wanted.length() > 64) {
            throw DomainException.invalid("dossier_code", "is required (at most 64 characters)");
        }
        FactView view = facts.byCode(wanted).orElseThrow(() -> DomainException.notFound("dossier " + wanted));
        try {
            scope.readable(caller, view.unitCode());
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                // outside the subtree reads exactly like an unknown code, without naming the dossier's unit
                throw DomainException.notFound("dossier " + wanted);
            }
            throw e;
        }
        DossierFacts dossierFacts = evaluations.factsOf(wanted).orElseThrow();
        return new DossierEvaluation(view, Circular01.dossier(dossierFacts));
    }

    private static Agency agency(
            UnitNode unit, Tally tally, Map<String, FeedbackCounts> feedback, Map<String, OnlineFigures> online) {
        FeedbackCounts f = feedback.getOrDefault(unit.code(), FeedbackCounts.ZERO);
        OnlineFigures o = online.getOrDefault(unit.code(), new OnlineFigures(0, 0, 0));
        return new Agency(
                unit,
                tally.agency(
                        unit.code(),
                        Circular01.indicator8(f.total(), f.onTime(), f.repeated()),
                        Circular01.indicator9(o.received(), o.online(), o.onlineLate())));
    }
}
