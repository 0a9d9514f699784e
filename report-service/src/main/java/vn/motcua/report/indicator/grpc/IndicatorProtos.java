package vn.motcua.report.indicator.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.motcua.platform.error.DomainException;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.report.v1.DossierFactView;
import vn.motcua.proto.report.v1.IndicatorGroup;
import vn.motcua.proto.report.v1.IndicatorRuleVersion;
import vn.motcua.proto.report.v1.IndicatorScore;
import vn.motcua.proto.report.v1.IndicatorScores;
import vn.motcua.proto.report.v1.Period;
import vn.motcua.proto.report.v1.UnitRef;
import vn.motcua.report.indicator.domain.FactView;
import vn.motcua.report.indicator.domain.GroupResult;
import vn.motcua.report.indicator.domain.IndicatorResult;
import vn.motcua.report.indicator.domain.RuleVersion;
import vn.motcua.report.indicator.domain.ScoreSheet;
import vn.motcua.report.indicator.service.UnitScores;
import vn.motcua.report.period.domain.PeriodKind;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.period.domain.PeriodWindow;
import vn.motcua.report.period.domain.ResolvedPeriod;
import vn.motcua.report.scope.service.UnitNode;

/**
 * Message mapping of the indicator and evaluation adapters. Public so that other features' adapters (submissions
 * freezing 766 figures) render IndicatorScores exactly as GetIndicatorScores does.
 */
public final class IndicatorProtos {

    private IndicatorProtos() {}

    /** The request's period; unknown enum numbers become "missing" so ReportPeriods reports them. */
    public static PeriodSpec period(Period period, String field) {
        PeriodKind kind = switch (period.getKind()) {
            case PERIOD_KIND_MONTH -> PeriodKind.MONTH;
            case PERIOD_KIND_QUARTER -> PeriodKind.QUARTER;
            case PERIOD_KIND_HALF_YEAR -> PeriodKind.HALF_YEAR;
            case PERIOD_KIND_NINE_MONTHS -> PeriodKind.NINE_MONTHS;
            case PERIOD_KIND_YEAR -> PeriodKind.YEAR;
            case PERIOD_KIND_RANGE -> PeriodKind.RANGE;
            default -> null;
        };
        PeriodWindow window = switch (period.getWindow()) {
            case PERIOD_WINDOW_CALENDAR -> PeriodWindow.CALENDAR;
            case PERIOD_WINDOW_CUTOFF_15 -> PeriodWindow.CUTOFF_15;
            default -> null;
        };
        LocalDate from = kind == PeriodKind.RANGE ? date(period.getFromDate(), field + ".from_date") : null;
        LocalDate to = kind == PeriodKind.RANGE ? date(period.getToDate(), field + ".to_date") : null;
        return new PeriodSpec(kind, period.getYear(), period.getNumber(), from, to, window);
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a date YYYY-MM-DD");
        }
    }

    public static Period period(PeriodSpec spec) {
        Period.Builder b = Period.newBuilder()
                .setYear(spec.year())
                .setNumber(spec.number())
                .setWindow(
                        spec.window() == PeriodWindow.CUTOFF_15
                                ? vn.motcua.proto.report.v1.PeriodWindow.PERIOD_WINDOW_CUTOFF_15
                                : vn.motcua.proto.report.v1.PeriodWindow.PERIOD_WINDOW_CALENDAR);
        b.setKind(
                switch (spec.kind()) {
                    case MONTH -> vn.motcua.proto.report.v1.PeriodKind.PERIOD_KIND_MONTH;
                    case QUARTER -> vn.motcua.proto.report.v1.PeriodKind.PERIOD_KIND_QUARTER;
                    case HALF_YEAR -> vn.motcua.proto.report.v1.PeriodKind.PERIOD_KIND_HALF_YEAR;
                    case NINE_MONTHS -> vn.motcua.proto.report.v1.PeriodKind.PERIOD_KIND_NINE_MONTHS;
                    case YEAR -> vn.motcua.proto.report.v1.PeriodKind.PERIOD_KIND_YEAR;
                    case RANGE -> vn.motcua.proto.report.v1.PeriodKind.PERIOD_KIND_RANGE;
                });
        if (spec.from() != null) {
            b.setFromDate(spec.from().toString());
        }
        if (spec.to() != null) {
            b.setToDate(spec.to().toString());
        }
        return b.build();
    }

    public static vn.motcua.proto.report.v1.ResolvedPeriod resolved(ResolvedPeriod period) {
        return vn.motcua.proto.report.v1.ResolvedPeriod.newBuilder()
                .setPeriod(period(period.spec()))
                .setFromDate(period.from().toString())
                .setToDate(period.to().toString())
                .setLabel(period.label())
                .build();
    }

    public static UnitRef unit(UnitNode unit) {
        UnitLevel level = UnitLevel.forNumber(unit.level());
        UnitRef.Builder b = UnitRef.newBuilder()
                .setCode(unit.code())
                .setName(unit.name())
                .setLevel(level == null ? UnitLevel.UNIT_LEVEL_UNSPECIFIED : level)
                .setDepth(unit.depth());
        if (unit.parent() != null) {
            b.setParentCode(unit.parent());
        }
        return b.build();
    }

    public static IndicatorScores scores(UnitScores scores) {
        ScoreSheet sheet = scores.sheet();
        IndicatorScores.Builder b = IndicatorScores.newBuilder()
                .setUnit(unit(scores.unit()))
                .setPeriod(resolved(scores.period().resolved()))
                .setSubtree(scores.subtree())
                .setRuleVersion(scores.ruleVersion())
                .setTotalScore(sheet.totalScore())
                .setOnlinePaymentPercent(sheet.onlinePaymentPercent())
                .setOnlinePaymentTargetPercent(sheet.onlinePaymentTargetPercent())
                .setOnlinePaymentTargetMet(sheet.onlinePaymentTargetMet())
                .setComputedAt(timestamp(scores.computedAt()));
        for (GroupResult group : sheet.groups()) {
            IndicatorGroup.Builder g = IndicatorGroup.newBuilder()
                    .setId(group.id())
                    .setName(group.name())
                    .setMaxScore(group.maxScore())
                    .setScore(group.score());
            for (IndicatorResult i : group.indicators()) {
                g.addIndicators(IndicatorScore.newBuilder()
                        .setId(i.id())
                        .setName(i.name())
                        .setKind(i.kind())
                        .setNumerator(i.numerator())
                        .setDenominator(i.denominator())
                        .setRatioPercent(i.ratioPercent())
                        .setScore(i.score())
                        .setMaxScore(i.maxScore())
                        .setFullMarksAtPercent(i.fullMarksAtPercent())
                        .setNote(i.note())
                        .setDrillable(i.drillable()));
            }
            b.addGroups(g);
        }
        scores.children().forEach(child -> b.addChildren(scores(child)));
        return b.build();
    }

    public static IndicatorRuleVersion version(RuleVersion version) {
        return IndicatorRuleVersion.newBuilder()
                .setVersion(version.version())
                .setEffectiveFromMonth(version.effectiveFrom().toString())
                .setRulesJson(version.rulesJson())
                .setPublishedBy(version.publishedBy())
                .setPublishedAt(timestamp(version.publishedAt()))
                .setReason(version.reason())
                .build();
    }

    /** A dossier as the reports show it; days_overdue measured at {@code now}. */
    public static DossierFactView view(FactView fact, Instant now) {
        DossierFactView.Builder b = DossierFactView.newBuilder()
                .setDossierCode(fact.code())
                .setUnitCode(fact.unitCode())
                .setReceivingUnitCode(fact.receivingUnitCode())
                .setProcedureCode(fact.procedureCode())
                .setFieldCode(fact.fieldCode())
                .setChannel(fact.channel())
                .setTimeliness(fact.timeliness())
                .setImported(fact.imported())
                .setPaidOnline(fact.paidOnline())
                .setResultElectronic(fact.resultElectronic())
                .setReusesData(fact.reusesData())
                .setDaysOverdue(fact.daysOverdue(now))
                .setState(fact.state());
        if (fact.resultKind() != null) {
            b.setResultKind(fact.resultKind());
        }
        if (fact.receivedAt() != null) {
            b.setReceivedAt(timestamp(fact.receivedAt()));
        }
        if (fact.dueAt() != null) {
            b.setDueAt(timestamp(fact.dueAt()));
        }
        if (fact.originalDueAt() != null) {
            b.setOriginalDueAt(timestamp(fact.originalDueAt()));
        }
        if (fact.finishedAt() != null) {
            b.setFinishedAt(timestamp(fact.finishedAt()));
        }
        return b.build();
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }
}
