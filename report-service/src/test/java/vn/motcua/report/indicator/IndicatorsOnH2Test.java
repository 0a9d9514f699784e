package vn.motcua.report.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.report.evaluation.service.EvaluationService;
import vn.motcua.report.indicator.domain.DrillSide;
import vn.motcua.report.indicator.domain.FactView;
import vn.motcua.report.indicator.domain.IndicatorResult;
import vn.motcua.report.indicator.service.DrillDownService;
import vn.motcua.report.indicator.service.IndicatorRules;
import vn.motcua.report.indicator.service.IndicatorScoresService;
import vn.motcua.report.indicator.service.OverdueService;
import vn.motcua.report.indicator.service.UnitScores;
import vn.motcua.report.period.domain.PeriodSpec;

/**
 * The embedded default (H2 in MySQL mode, runtime.md) runs every statement of the indicators and the evaluation:
 * the same world as the MariaDB ITs, a few of the same figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsOnH2Test {

    private ApplicationContext context;
    private final Caller district =
            new Caller("s1", "admin298", Set.of("unit_admin", "report_viewer"), "298", null, "console", "t");
    private final Caller province = new Caller("s2", "admin30", Set.of("unit_admin"), "30", null, "console", "t");
    private static final PeriodSpec MARCH = PeriodSpec.month(2026, 3);

    @BeforeAll
    void start() throws Exception {
        Map<String, Object> props = new HashMap<>();
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,DAY,MONTH,YEAR";
        props.put("datasources.default.url", url);
        props.put("grpc.server.port", Integer.toString(TestPorts.free()));
        props.put("motcua.report.consume-dossier-feed", "false");
        props.put("motcua.auth.issuer", "http://127.0.0.1:1/realms/motcua");
        context = ApplicationContext.run(props, "test");
        // the same in-memory database, beside the service's pool (the migrations ran when the context started)
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            IndicatorWorld.build().writeTo(c);
        }
    }

    @AfterAll
    void stop() {
        context.close();
    }

    private static String score(UnitScores s, String id) {
        IndicatorResult r = s.sheet().groups().stream()
                .flatMap(g -> g.indicators().stream())
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow();
        return r.numerator() + "/" + r.denominator() + " " + r.score();
    }

    @Test
    void scoresDrillDownPinsEvaluationAndOverdueRunOnH2() {
        IndicatorScoresService scores = context.getBean(IndicatorScoresService.class);
        UnitScores commune = scores.scores(district, "11077", MARCH, false, false);
        assertThat(score(commune, "2.1")).isEqualTo("6/11 10.91");
        assertThat(score(commune, "5.1")).isEqualTo("2/4 3.00");
        assertThat(commune.sheet().totalScore()).isEqualTo("34.55");
        UnitScores subtree = scores.scores(district, "298", MARCH, true, true);
        assertThat(subtree.sheet().totalScore()).isEqualTo("35.92");
        assertThat(subtree.children()).hasSize(2);

        DrillDownService drill = context.getBean(DrillDownService.class);
        var page = drill.drill(district, "11077", MARCH, false, "2.1", DrillSide.NUMERATOR, 500, "");
        assertThat(page.dossiers()).extracting(FactView::code).containsExactly("A1", "A14", "A4", "A6", "A8", "A9");
        assertThat(page.total()).isEqualTo(6);
        assertThat(drill.drill(district, "11077", MARCH, false, "3.6", DrillSide.NUMERATOR, 500, "")
                        .dossiers())
                .extracting(FactView::paidOnline)
                .containsOnly(true);

        IndicatorRules rules = context.getBean(IndicatorRules.class);
        String json = IndicatorRules.defaultRulesJson();
        assertThat(rules.publish(province, "2026-03", json, "Giữ nguyên, phiên bản 2")
                        .version())
                .isEqualTo(2);
        assertThat(scores.recompute(district, "11077", MARCH, false, "Áp dụng phiên bản 2")
                        .ruleVersion())
                .isEqualTo(2);
        assertThat(rules.versions()).hasSize(2);

        var evaluation = context.getBean(EvaluationService.class).evaluate(district, "298", MARCH);
        assertThat(evaluation.agencies()).extracting(a -> a.result().total()).containsExactly("9.0", "6.0", "12.0");
        assertThat(evaluation.officers()).extracting(o -> o.total()).containsExactly("7.3", "4.7", "7.5");

        var overdue = context.getBean(OverdueService.class).list(district, "298", 0, 2, "");
        assertThat(overdue.total()).isEqualTo(6);
        assertThat(overdue.dossiers()).extracting(FactView::code).containsExactly("A3", "A7");
        assertThat(context.getBean(OverdueService.class)
                        .list(district, "298", 0, 2, overdue.nextToken())
                        .dossiers())
                .extracting(FactView::code)
                .containsExactly("A9", "B2");
        assertThat(List.of(evaluation.unit().code())).containsExactly("298");
    }
}
