package vn.motcua.gateway.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.proto.common.v1.PageInfo;
import vn.motcua.proto.report.v1.AgencyEvaluation;
import vn.motcua.proto.report.v1.ConsolidatedSource;
import vn.motcua.proto.report.v1.Consolidation;
import vn.motcua.proto.report.v1.DossierEvaluation;
import vn.motcua.proto.report.v1.DossierFactView;
import vn.motcua.proto.report.v1.DrillDownIndicatorResponse;
import vn.motcua.proto.report.v1.EvaluationScore;
import vn.motcua.proto.report.v1.FeedPosition;
import vn.motcua.proto.report.v1.II06aCounts;
import vn.motcua.proto.report.v1.II06aReport;
import vn.motcua.proto.report.v1.II06aRow;
import vn.motcua.proto.report.v1.ImportDossierHistoryResponse;
import vn.motcua.proto.report.v1.ImportRowError;
import vn.motcua.proto.report.v1.IndicatorGroup;
import vn.motcua.proto.report.v1.IndicatorRuleVersion;
import vn.motcua.proto.report.v1.IndicatorScore;
import vn.motcua.proto.report.v1.IndicatorScores;
import vn.motcua.proto.report.v1.InternalEvaluation;
import vn.motcua.proto.report.v1.ListOverdueDossiersResponse;
import vn.motcua.proto.report.v1.OfficerEvaluation;
import vn.motcua.proto.report.v1.Period;
import vn.motcua.proto.report.v1.ProjectionStatus;
import vn.motcua.proto.report.v1.ReportDiffEntry;
import vn.motcua.proto.report.v1.ReportSubmission;
import vn.motcua.proto.report.v1.ResolvedPeriod;
import vn.motcua.proto.report.v1.UnitRef;

/**
 * report-service's answers as the API shows them: the proto messages field for field in camelCase, enums without
 * their prefix (periodKind MONTH, QUARTER, HALF_YEAR, NINE_MONTHS, YEAR, RANGE; window CALENDAR, CUTOFF_15; grouping
 * UNIT, FIELD; kind II06A, INDICATORS_766; side NUMERATOR, DENOMINATOR; level PROVINCE, DISTRICT, COMMUNE), instants
 * ISO-8601 UTC, dates YYYY-MM-DD (Asia/Ho_Chi_Minh), absent values null and empty lists []. Counts are JSON numbers;
 * percentages and scores stay the service's 2-decimal strings ("65.38", "N/A"), never recomputed here.
 */
public final class ReportJson {

    private ReportJson() {}

    @Nullable
    private static String text(String value) {
        return ProtoValues.text(value);
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Unit(
            String code,
            @Nullable String name,
            @Nullable String level,
            @Nullable String parentCode,
            int depth) {

        @Nullable
        static Unit of(boolean present, UnitRef u) {
            return present ? from(u) : null;
        }

        static Unit from(UnitRef u) {
            return new Unit(
                    u.getCode(),
                    text(u.getName()),
                    ProtoValues.enumName(u.getLevel(), "UNIT_LEVEL_"),
                    text(u.getParentCode()),
                    u.getDepth());
        }
    }

    /** The period as asked: kind with year and number, or from..to for RANGE. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PeriodJson(
            @Nullable String kind,
            int year,
            int number,
            @Nullable String from,
            @Nullable String to,
            @Nullable String window) {

        static PeriodJson from(Period p) {
            return new PeriodJson(
                    ProtoValues.enumName(p.getKind(), "PERIOD_KIND_"),
                    p.getYear(),
                    p.getNumber(),
                    text(p.getFromDate()),
                    text(p.getToDate()),
                    ProtoValues.enumName(p.getWindow(), "PERIOD_WINDOW_"));
        }
    }

    /** The period resolved to local dates, with its Vietnamese label. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Resolved(
            PeriodJson period,
            @Nullable String from,
            @Nullable String to,
            @Nullable String label) {

        @Nullable
        static Resolved of(boolean present, ResolvedPeriod p) {
            return present
                    ? new Resolved(
                            PeriodJson.from(p.getPeriod()),
                            text(p.getFromDate()),
                            text(p.getToDate()),
                            text(p.getLabel()))
                    : null;
        }
    }

    // --- II.06a ---------------------------------------------------------------------------------------------------

    /** The columns of form II.06a (domain.md 7.1; numbers in brackets in the proto) and the optional local ones. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Counts(
            long total,
            long receivedOnline,
            long receivedDirectOrPostal,
            long carriedOver,
            long resolved,
            long resolvedEarly,
            long resolvedOnTime,
            long resolvedLate,
            long inProgress,
            long inProgressWithinDue,
            long inProgressOverdue,
            long receivedPostal,
            long receivedBoundaryFree,
            long resolvedLateWithApology,
            long resolvedLateWithoutApology,
            long withdrawn,
            long refused) {

        @Nullable
        static Counts of(boolean present, II06aCounts c) {
            return present ? from(c) : null;
        }

        static Counts from(II06aCounts c) {
            return new Counts(
                    c.getTotal(),
                    c.getReceivedOnline(),
                    c.getReceivedDirectOrPostal(),
                    c.getCarriedOver(),
                    c.getResolved(),
                    c.getResolvedEarly(),
                    c.getResolvedOnTime(),
                    c.getResolvedLate(),
                    c.getInProgress(),
                    c.getInProgressWithinDue(),
                    c.getInProgressOverdue(),
                    c.getReceivedPostal(),
                    c.getReceivedBoundaryFree(),
                    c.getResolvedLateWithApology(),
                    c.getResolvedLateWithoutApology(),
                    c.getWithdrawn(),
                    c.getRefused());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Row(
            int rowNumber,
            @Nullable Unit unit,
            @Nullable String fieldCode,
            @Nullable String fieldName,
            boolean subtotal,
            @Nullable Counts counts) {

        static Row from(II06aRow r) {
            return new Row(
                    r.getRowNumber(),
                    Unit.of(r.hasUnit(), r.getUnit()),
                    text(r.getFieldCode()),
                    text(r.getFieldName()),
                    r.getSubtotal(),
                    Counts.of(r.hasCounts(), r.getCounts()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record II06a(
            @Nullable Unit unit,
            @Nullable Resolved period,
            @Nullable String grouping,
            List<Row> rows,
            @Nullable Counts total,
            @Nullable String timelinessRule,
            @Nullable String computedAt) {

        @Nullable
        static II06a of(boolean present, II06aReport r) {
            return present ? from(r) : null;
        }

        static II06a from(II06aReport r) {
            return new II06a(
                    Unit.of(r.hasUnit(), r.getUnit()),
                    Resolved.of(r.hasPeriod(), r.getPeriod()),
                    ProtoValues.enumName(r.getGrouping(), "II06A_GROUPING_"),
                    r.getRowsList().stream().map(Row::from).toList(),
                    Counts.of(r.hasTotal(), r.getTotal()),
                    text(r.getTimelinessRule()),
                    ProtoValues.instant(r.hasComputedAt(), r.getComputedAt()));
        }
    }

    // --- Decision 766 ---------------------------------------------------------------------------------------------

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Score(
            String id,
            @Nullable String name,
            @Nullable String kind,
            long numerator,
            long denominator,
            @Nullable String ratioPercent,
            @Nullable String score,
            @Nullable String maxScore,
            @Nullable String fullMarksAtPercent,
            @Nullable String note,
            boolean drillable) {

        static Score from(IndicatorScore s) {
            return new Score(
                    s.getId(),
                    text(s.getName()),
                    text(s.getKind()),
                    s.getNumerator(),
                    s.getDenominator(),
                    text(s.getRatioPercent()),
                    text(s.getScore()),
                    text(s.getMaxScore()),
                    text(s.getFullMarksAtPercent()),
                    text(s.getNote()),
                    s.getDrillable());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Group(
            String id,
            @Nullable String name,
            @Nullable String maxScore,
            @Nullable String score,
            List<Score> indicators) {

        static Group from(IndicatorGroup g) {
            return new Group(
                    g.getId(),
                    text(g.getName()),
                    text(g.getMaxScore()),
                    text(g.getScore()),
                    g.getIndicatorsList().stream().map(Score::from).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Indicators(
            @Nullable Unit unit,
            @Nullable Resolved period,
            boolean subtree,
            int ruleVersion,
            List<Group> groups,
            @Nullable String totalScore,
            @Nullable String onlinePaymentPercent,
            @Nullable String onlinePaymentTargetPercent,
            boolean onlinePaymentTargetMet,
            @Nullable String computedAt,
            List<Indicators> children) {

        @Nullable
        static Indicators of(boolean present, IndicatorScores s) {
            return present ? from(s) : null;
        }

        static Indicators from(IndicatorScores s) {
            return new Indicators(
                    Unit.of(s.hasUnit(), s.getUnit()),
                    Resolved.of(s.hasPeriod(), s.getPeriod()),
                    s.getSubtree(),
                    s.getRuleVersion(),
                    s.getGroupsList().stream().map(Group::from).toList(),
                    text(s.getTotalScore()),
                    text(s.getOnlinePaymentPercent()),
                    text(s.getOnlinePaymentTargetPercent()),
                    s.getOnlinePaymentTargetMet(),
                    ProtoValues.instant(s.hasComputedAt(), s.getComputedAt()),
                    s.getChildrenList().stream().map(Indicators::from).toList());
        }
    }

    /** One dossier as the reports see it (no personal data). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Dossier(
            String dossierCode,
            @Nullable String unitCode,
            @Nullable String receivingUnitCode,
            @Nullable String procedureCode,
            @Nullable String fieldCode,
            @Nullable String channel,
            @Nullable String receivedAt,
            @Nullable String dueAt,
            @Nullable String originalDueAt,
            @Nullable String finishedAt,
            @Nullable String resultKind,
            @Nullable String timeliness,
            boolean imported,
            boolean paidOnline,
            boolean resultElectronic,
            boolean reusesData,
            int daysOverdue,
            @Nullable String state) {

        @Nullable
        static Dossier of(boolean present, DossierFactView d) {
            return present ? from(d) : null;
        }

        static Dossier from(DossierFactView d) {
            return new Dossier(
                    d.getDossierCode(),
                    text(d.getUnitCode()),
                    text(d.getReceivingUnitCode()),
                    text(d.getProcedureCode()),
                    text(d.getFieldCode()),
                    text(d.getChannel()),
                    ProtoValues.instant(d.hasReceivedAt(), d.getReceivedAt()),
                    ProtoValues.instant(d.hasDueAt(), d.getDueAt()),
                    ProtoValues.instant(d.hasOriginalDueAt(), d.getOriginalDueAt()),
                    ProtoValues.instant(d.hasFinishedAt(), d.getFinishedAt()),
                    text(d.getResultKind()),
                    text(d.getTimeliness()),
                    d.getImported(),
                    d.getPaidOnline(),
                    d.getResultElectronic(),
                    d.getReusesData(),
                    d.getDaysOverdue(),
                    text(d.getState()));
        }
    }

    /** The exact dossiers of one side of an indicator, a page at a time; total equals the score's figure. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DrillDown(
            String indicatorId,
            @Nullable String side,
            long total,
            List<Dossier> dossiers,
            @Nullable String nextPageToken) {

        static DrillDown from(DrillDownIndicatorResponse r) {
            return new DrillDown(
                    r.getIndicatorId(),
                    ProtoValues.enumName(r.getSide(), "DRILL_DOWN_SIDE_"),
                    r.getTotal(),
                    r.getDossiersList().stream().map(Dossier::from).toList(),
                    nextPage(r.hasPage(), r.getPage()));
        }
    }

    @Nullable
    private static String nextPage(boolean present, PageInfo page) {
        return present ? text(page.getNextPageToken()) : null;
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RuleVersion(
            int version,
            @Nullable String effectiveFromMonth,
            @Nullable String rulesJson,
            @Nullable String publishedBy,
            @Nullable String publishedAt,
            @Nullable String reason) {

        @Nullable
        static RuleVersion of(boolean present, IndicatorRuleVersion v) {
            return present ? from(v) : null;
        }

        static RuleVersion from(IndicatorRuleVersion v) {
            return new RuleVersion(
                    v.getVersion(),
                    text(v.getEffectiveFromMonth()),
                    text(v.getRulesJson()),
                    text(v.getPublishedBy()),
                    ProtoValues.instant(v.hasPublishedAt(), v.getPublishedAt()),
                    text(v.getReason()));
        }
    }

    /** The indicator rule sets, newest first. */
    @Serdeable
    public record RuleVersions(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<RuleVersion> versions) {}

    // --- Circular 01/2018 evaluation ------------------------------------------------------------------------------

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EvaluationScoreJson(
            int indicator,
            @Nullable String score,
            long dossiers,
            @Nullable String note) {

        static EvaluationScoreJson from(EvaluationScore s) {
            return new EvaluationScoreJson(s.getIndicator(), text(s.getScore()), s.getDossiers(), text(s.getNote()));
        }

        static List<EvaluationScoreJson> all(List<EvaluationScore> scores) {
            return scores.stream().map(EvaluationScoreJson::from).toList();
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Officer(
            String officer,
            long dossiers,
            List<EvaluationScoreJson> scores,
            @Nullable String total,
            @Nullable String completionBand) {

        static Officer from(OfficerEvaluation o) {
            return new Officer(
                    o.getOfficer(),
                    o.getDossiers(),
                    EvaluationScoreJson.all(o.getScoresList()),
                    text(o.getTotal()),
                    text(o.getCompletionBand()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Agency(
            @Nullable Unit unit,
            long dossiers,
            List<EvaluationScoreJson> scores,
            @Nullable String total,
            @Nullable String rating) {

        static Agency from(AgencyEvaluation a) {
            return new Agency(
                    Unit.of(a.hasUnit(), a.getUnit()),
                    a.getDossiers(),
                    EvaluationScoreJson.all(a.getScoresList()),
                    text(a.getTotal()),
                    text(a.getRating()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Evaluation(
            @Nullable Unit unit, @Nullable Resolved period, List<Agency> agencies, List<Officer> officers) {

        static Evaluation from(InternalEvaluation e) {
            return new Evaluation(
                    Unit.of(e.hasUnit(), e.getUnit()),
                    Resolved.of(e.hasPeriod(), e.getPeriod()),
                    e.getAgenciesList().stream().map(Agency::from).toList(),
                    e.getOfficersList().stream().map(Officer::from).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DossierEvaluationJson(@Nullable Dossier dossier, List<EvaluationScoreJson> scores) {

        static DossierEvaluationJson from(DossierEvaluation e) {
            return new DossierEvaluationJson(
                    Dossier.of(e.hasDossier(), e.getDossier()), EvaluationScoreJson.all(e.getScoresList()));
        }
    }

    // --- early warning --------------------------------------------------------------------------------------------

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Overdue(
            long total, List<Dossier> dossiers, @Nullable String nextPageToken) {

        static Overdue from(ListOverdueDossiersResponse r) {
            return new Overdue(
                    r.getTotal(),
                    r.getDossiersList().stream().map(Dossier::from).toList(),
                    nextPage(r.hasPage(), r.getPage()));
        }
    }

    // --- historical import ----------------------------------------------------------------------------------------

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RowError(
            long line, @Nullable String field, @Nullable String message) {

        static RowError from(ImportRowError e) {
            return new RowError(e.getLine(), text(e.getField()), text(e.getMessage()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Imported(
            @Nullable String importId,
            long rowsRead,
            long rowsImported,
            long rowsRejected,
            int batchesApplied,
            int batchesRejected,
            List<RowError> errors) {

        static Imported from(ImportDossierHistoryResponse r) {
            return new Imported(
                    text(r.getImportId()),
                    r.getRowsRead(),
                    r.getRowsImported(),
                    r.getRowsRejected(),
                    r.getBatchesApplied(),
                    r.getBatchesRejected(),
                    r.getErrorsList().stream().map(RowError::from).toList());
        }
    }

    // --- submissions ----------------------------------------------------------------------------------------------

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DiffEntry(
            @Nullable String rowKey, @Nullable String column, long before, long after) {

        static DiffEntry from(ReportDiffEntry d) {
            return new DiffEntry(text(d.getRowKey()), text(d.getColumn()), d.getBefore(), d.getAfter());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Source(
            @Nullable Unit unit,
            int version,
            @Nullable String submissionId,
            @Nullable String submittedAt,
            boolean late,
            boolean missing) {

        static Source from(ConsolidatedSource s) {
            return new Source(
                    Unit.of(s.hasUnit(), s.getUnit()),
                    s.getVersion(),
                    text(s.getSubmissionId()),
                    ProtoValues.instant(s.hasSubmittedAt(), s.getSubmittedAt()),
                    s.getLate(),
                    s.getMissing());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Submission(
            String submissionId,
            @Nullable Unit unit,
            @Nullable String kind,
            @Nullable Resolved period,
            int version,
            @Nullable String submittedBy,
            @Nullable String submittedAt,
            @Nullable String reason,
            boolean late,
            @Nullable II06a ii06a,
            @Nullable Indicators indicators,
            List<DiffEntry> diff,
            List<Source> sources) {

        static Submission from(ReportSubmission s) {
            return new Submission(
                    s.getSubmissionId(),
                    Unit.of(s.hasUnit(), s.getUnit()),
                    ProtoValues.enumName(s.getKind(), "REPORT_KIND_"),
                    Resolved.of(s.hasPeriod(), s.getPeriod()),
                    s.getVersion(),
                    text(s.getSubmittedBy()),
                    ProtoValues.instant(s.hasSubmittedAt(), s.getSubmittedAt()),
                    text(s.getReason()),
                    s.getLate(),
                    II06a.of(s.hasIi06A(), s.getIi06A()),
                    Indicators.of(s.hasIndicators(), s.getIndicators()),
                    s.getDiffList().stream().map(DiffEntry::from).toList(),
                    s.getSourcesList().stream().map(Source::from).toList());
        }
    }

    /** Versions submitted for a unit and period, newest first. */
    @Serdeable
    public record Submissions(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<Submission> submissions) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConsolidationJson(
            @Nullable Unit unit,
            @Nullable Resolved period,
            List<Source> sources,
            @Nullable II06a ii06a) {

        static ConsolidationJson from(Consolidation c) {
            return new ConsolidationJson(
                    Unit.of(c.hasUnit(), c.getUnit()),
                    Resolved.of(c.hasPeriod(), c.getPeriod()),
                    c.getSourcesList().stream().map(Source::from).toList(),
                    II06a.of(c.hasIi06A(), c.getIi06A()));
        }
    }

    // --- projection maintenance -----------------------------------------------------------------------------------

    @Serdeable
    public record Rebuild(long generation) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Feed(
            String source,
            long appliedSeq,
            long highWaterSeq,
            @Nullable String lastError) {

        static Feed from(FeedPosition f) {
            return new Feed(f.getSource(), f.getAppliedSeq(), f.getHighWaterSeq(), text(f.getLastError()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Status(long generation, List<Feed> feeds, long dossierFacts, long importedFacts) {

        static Status from(ProjectionStatus s) {
            return new Status(
                    s.getGeneration(),
                    s.getFeedsList().stream().map(Feed::from).toList(),
                    s.getDossierFacts(),
                    s.getImportedFacts());
        }
    }
}
