package vn.motcua.report.indicator.service;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.platform.paging.Page;
import vn.motcua.report.indicator.domain.DrillSide;
import vn.motcua.report.indicator.domain.FactView;
import vn.motcua.report.indicator.domain.Formula;
import vn.motcua.report.indicator.domain.IndicatorCalculator;
import vn.motcua.report.indicator.domain.IndicatorPeriod;
import vn.motcua.report.indicator.domain.IndicatorRule;
import vn.motcua.report.indicator.domain.RulePin;
import vn.motcua.report.indicator.domain.RuleVersion;
import vn.motcua.report.indicator.repository.FactPredicates;
import vn.motcua.report.indicator.repository.FactQueryRepository;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.reception.domain.LocalDates;
import vn.motcua.report.scope.service.ReportScope;
import vn.motcua.report.scope.service.UnitNode;

/**
 * DrillDownIndicator: the dossiers of one indicator's numerator or denominator, by code, page by page. The list comes
 * from the facts ({@link FactPredicates}); its total is the score's own numerator or denominator from the counters,
 * so an official who counts the pages checks the very figure shown.
 */
@Singleton
public class DrillDownService {

    /** What a dossier code looks like inside a page token. */
    private static final Pattern CODE = Pattern.compile("\\S{1,64}");

    private static final Pattern INDICATOR_ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.]{0,15}");

    /** A page of a drill-down. */
    public record DrillPage(
            String indicatorId,
            DrillSide side,
            int ruleVersion,
            long total,
            List<FactView> dossiers,
            String nextToken) {}

    private final ReportScope scope;
    private final IndicatorRules rules;
    private final IndicatorScoresService scores;
    private final FactQueryRepository facts;

    public DrillDownService(
            ReportScope scope, IndicatorRules rules, IndicatorScoresService scores, FactQueryRepository facts) {
        this.scope = scope;
        this.rules = rules;
        this.scores = scores;
        this.facts = facts;
    }

    public DrillPage drill(
            Caller caller,
            String unitCode,
            PeriodSpec spec,
            boolean subtree,
            String indicatorId,
            DrillSide side,
            int pageSize,
            String pageToken) {
        UnitNode unit = scope.readable(caller, unitCode);
        List<FieldViolation> violations = new ArrayList<>();
        IndicatorPeriod period = null;
        try {
            period = IndicatorPeriod.of(spec, "period");
        } catch (DomainException e) {
            violations.addAll(e.violations());
        }
        String id = indicatorId == null ? "" : indicatorId.strip();
        if (!INDICATOR_ID.matcher(id).matches()) {
            violations.add(new FieldViolation("indicator_id", "is required, e.g. 2.1"));
        }
        if (side == null) {
            violations.add(new FieldViolation("side", "must be NUMERATOR or DENOMINATOR"));
        }
        Page.Request page = null;
        try {
            page = Page.Request.of(pageSize, pageToken);
        } catch (DomainException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        RuleVersion version = rules.pinnedOrEffective(RulePin.of(unit.code(), period, subtree), period);
        IndicatorRule rule = version.rules()
                .indicator(id)
                .orElseThrow(() -> DomainException.invalid(
                        "indicator_id", "is not an indicator of rule version " + version.version()));
        Formula formula = rule.formula();
        if (!formula.drillable()) {
            throw DomainException.invalid(
                    "indicator_id", "does not count dossiers (" + formula.basis() + "), so it has no dossier list");
        }
        String list = listName(version, id, side, unit, period, subtree);
        String after = page.forList(list).afterKeyLike(CODE);
        Instant start = period.resolved().from().atStartOfDay(LocalDates.ZONE).toInstant();
        Instant end =
                period.resolved().endExclusive().atStartOfDay(LocalDates.ZONE).toInstant();
        IndicatorCalculator.Ratio ratio =
                IndicatorCalculator.ratio(formula, scores.figures(unit.code(), subtree, period));
        List<FactView> rows =
                facts.page(unit.code(), subtree, FactPredicates.of(formula, side, start, end), after, page.size() + 1);
        Page<FactView> result = Page.of(rows, page.size(), list, FactView::code);
        return new DrillPage(
                id,
                side,
                version.version(),
                side == DrillSide.NUMERATOR ? ratio.numerator() : ratio.denominator(),
                result.items(),
                result.nextToken());
    }

    /** Names the list a token belongs to, so a token of another indicator, side, unit or period is refused. */
    private static String listName(
            RuleVersion version, String id, DrillSide side, UnitNode unit, IndicatorPeriod period, boolean subtree) {
        return ("766." + version.version() + "." + id + "." + side.name().charAt(0) + "." + unit.code() + "."
                        + period.shortName() + "." + (subtree ? "S" : "U"))
                .replace('/', '_');
    }
}
