package vn.motcua.report.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.report.indicator.service.IndicatorRules;

class RuleSetJsonTest {

    private static final String DEFAULT = IndicatorRules.defaultRulesJson();

    private static String one(String group, String indicators) {
        return "{\"groups\": [" + group.replace("@", indicators) + "]}";
    }

    /** A valid one-group set worth 100 points, with room to break one field. */
    private static String valid(String points, String threshold, String formula) {
        return one(
                "{\"id\": \"2\", \"name\": \"Tiến độ\", \"max_points\": 100, \"indicators\": [@]}",
                "{\"id\": \"2.1\", \"name\": \"Đúng hạn\", \"max_points\": " + points + ", \"full_marks_at_percent\": "
                        + threshold + ", \"formula\": \"" + formula + "\"}");
    }

    private static List<FieldViolation> violations(String json) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> RuleSetJson.parse(json, "rules_json"));
        assertThat(e).as("expected the rule set to be refused").isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
        return e.violations();
    }

    private static Map<String, String> byField(String json) {
        return violations(json).stream()
                .collect(Collectors.toMap(FieldViolation::field, FieldViolation::description, (a, b) -> a + "; " + b));
    }

    @Test
    void defaultRuleSetHasTheSixCardsOf766WorthTheirPoints() {
        RuleSet set = RuleSetJson.parse(DEFAULT, "default");

        assertThat(set.groups())
                .extracting(g -> g.id() + "=" + RuleSetJson.plain(g.maxPoints()))
                .containsExactly("1=18", "2=20", "3a=12", "3b=10", "4=22", "5=18");
        assertThat(set.indicator("4.3").orElseThrow().fullMarksAtPercent()).isEqualByComparingTo("80");
        assertThat(set.indicator("5.3").orElseThrow().fullMarksAtPercent()).isEqualByComparingTo("90");
        assertThat(set.indicator("3b.1").orElseThrow().formula()).isEqualTo(Formula.ONLINE_PAYMENT_SCORE);
        assertThat(set.indicator("3.3").orElseThrow().informative()).isTrue();
    }

    @Test
    void canonicalFormReadsBackToItselfWhateverTheInputLayout() {
        String canonical = RuleSetJson.write(RuleSetJson.parse(DEFAULT, "default"));
        String squeezed = canonical.replaceAll("\\s*\n\\s*", "");

        assertThat(RuleSetJson.write(RuleSetJson.parse(canonical, "x"))).isEqualTo(canonical);
        assertThat(RuleSetJson.write(RuleSetJson.parse(squeezed, "x"))).isEqualTo(canonical);
        assertThat(RuleSetJson.write(RuleSetJson.parse(valid("100.00", "1E2", "DOSSIERS_ON_TIME"), "x")))
                .contains("\"max_points\" : 100,")
                .contains("\"full_marks_at_percent\" : 100,");
    }

    @Test
    void unknownFormulaIsNamedWithItsPath() {
        assertThat(byField(valid("100", "100", "MAGIC_RATIO")))
                .containsEntry("rules_json.groups[0].indicators[0].formula", "is not a known formula id: MAGIC_RATIO");
    }

    @Test
    void negativePointsAndThresholdsOutsideZeroToHundredAreRefused() {
        assertThat(byField(valid("-1", "100", "DOSSIERS_ON_TIME")))
                .containsKey("rules_json.groups[0].indicators[0].max_points");
        assertThat(byField(valid("100", "0", "DOSSIERS_ON_TIME")))
                .containsEntry(
                        "rules_json.groups[0].indicators[0].full_marks_at_percent", "must be above 0 and at most 100");
        assertThat(byField(valid("100", "100.01", "DOSSIERS_ON_TIME")))
                .containsKey("rules_json.groups[0].indicators[0].full_marks_at_percent");
        assertThat(byField(valid("100", "\"80\"", "DOSSIERS_ON_TIME")))
                .containsEntry("rules_json.groups[0].indicators[0].full_marks_at_percent", "must be a number");
        assertThat(byField(valid("100", "33.333", "DOSSIERS_ON_TIME")))
                .containsEntry(
                        "rules_json.groups[0].indicators[0].full_marks_at_percent", "may have at most 2 decimals");
    }

    @Test
    void groupPointsMustEqualTheirIndicatorsAndTheGroupsMustMakeOneHundred() {
        String twoIndicators = one(
                "{\"id\": \"2\", \"name\": \"Tiến độ\", \"max_points\": 100, \"indicators\": [@]}",
                "{\"id\": \"2.1\", \"name\": \"a\", \"max_points\": 60, \"full_marks_at_percent\": 100,"
                        + " \"formula\": \"DOSSIERS_ON_TIME\"},"
                        + "{\"id\": \"2.2\", \"name\": \"b\", \"max_points\": 30, \"full_marks_at_percent\": 100,"
                        + " \"formula\": \"ONLINE_DOSSIERS\"}");
        assertThat(byField(twoIndicators))
                .containsEntry("rules_json.groups[0].max_points", "is 100 but its indicators' max_points sum to 90");

        String ninety = one(
                "{\"id\": \"2\", \"name\": \"Tiến độ\", \"max_points\": 90, \"indicators\": [@]}",
                "{\"id\": \"2.1\", \"name\": \"a\", \"max_points\": 90, \"full_marks_at_percent\": 100,"
                        + " \"formula\": \"DOSSIERS_ON_TIME\"}");
        assertThat(byField(ninety)).containsEntry("rules_json.groups", "the groups' max_points sum to 90, not 100");
    }

    @Test
    void idsMustBeUniqueAndEachFormulaUsedOnce() {
        String json = "{\"groups\": ["
                + "{\"id\": \"2\", \"name\": \"A\", \"max_points\": 50, \"indicators\": ["
                + "{\"id\": \"x\", \"name\": \"a\", \"max_points\": 50, \"full_marks_at_percent\": 100,"
                + " \"formula\": \"DOSSIERS_ON_TIME\"}]},"
                + "{\"id\": \"2\", \"name\": \"B\", \"max_points\": 50, \"indicators\": ["
                + "{\"id\": \"x\", \"name\": \"b\", \"max_points\": 50, \"full_marks_at_percent\": 100,"
                + " \"formula\": \"DOSSIERS_ON_TIME\"}]}]}";
        Map<String, String> v = byField(json);
        assertThat(v)
                .containsEntry("rules_json.groups[1].id", "repeats group id 2")
                .containsEntry("rules_json.groups[1].indicators[0].id", "repeats indicator id x")
                .containsEntry("rules_json.groups[1].indicators[0].formula", "uses DOSSIERS_ON_TIME a second time");
    }

    @Test
    void unknownOrDuplicatedKeysAndBadShapesAreRefusedNotIgnored() {
        assertThat(byField(valid("100", "100", "DOSSIERS_ON_TIME").replace("\"formula\"", "\"fromula\"")))
                .containsKey("rules_json.groups[0].indicators[0].fromula")
                .containsKey("rules_json.groups[0].indicators[0].formula");
        assertThat(byField("{\"groups\": [], \"extra\": 1}"))
                .containsKey("rules_json.extra")
                .containsEntry("rules_json.groups", "must not be empty");
        assertThat(byField("[1, 2]")).containsEntry("rules_json", "must be a JSON object");
        assertThat(byField("{\"groups\": [{\"id\": \"1\"}], \"groups\": []}").get("rules_json"))
                .startsWith("is not valid JSON")
                .contains("Duplicate field 'groups'");
        assertThat(byField("{\"groups\": [").get("rules_json")).startsWith("is not valid JSON");
        assertThat(byField("{} {}")).containsEntry("rules_json", "has content after the JSON value");
        assertThat(byField("   ")).containsEntry("rules_json", "is required");
        assertThat(byField("[[[[[[[[[[1]]]]]]]]]]")).containsEntry("rules_json", "nests deeper than a rule set does");
        assertThat(byField("x".repeat(RuleSetJson.MAX_CHARS + 1))).containsKey("rules_json");
    }

    @Test
    void namesAndIdsAreCheckedForShape() {
        String json = valid("100", "100", "DOSSIERS_ON_TIME")
                .replace("\"2.1\"", "\"../etc\"")
                .replace("\"Đúng hạn\"", "\"a\\u0000b\"");
        assertThat(byField(json))
                .containsKey("rules_json.groups[0].indicators[0].id")
                .containsEntry("rules_json.groups[0].indicators[0].name", "must not contain control characters");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String json = one(
                "{\"id\": \"\", \"name\": \"\", \"max_points\": 100, \"indicators\": [@]}",
                "{\"id\": \"2.1\", \"name\": \"a\", \"max_points\": -5, \"full_marks_at_percent\": 0,"
                        + " \"formula\": \"NOPE\"}");
        assertThat(violations(json))
                .extracting(FieldViolation::field)
                .contains(
                        "rules_json.groups[0].id",
                        "rules_json.groups[0].name",
                        "rules_json.groups[0].indicators[0].max_points",
                        "rules_json.groups[0].indicators[0].full_marks_at_percent",
                        "rules_json.groups[0].indicators[0].formula");
    }

    @Test
    void zeroPointsMakeAnInformativeIndicator() {
        String json = one(
                "{\"id\": \"2\", \"name\": \"T\", \"max_points\": 100, \"indicators\": [@]}",
                "{\"id\": \"2.1\", \"name\": \"a\", \"max_points\": 100, \"full_marks_at_percent\": 100,"
                        + " \"formula\": \"DOSSIERS_ON_TIME\"},"
                        + "{\"id\": \"2.9\", \"name\": \"b\", \"max_points\": 0, \"full_marks_at_percent\": 50,"
                        + " \"formula\": \"ONLINE_DOSSIERS\"}");
        RuleSet set = RuleSetJson.parse(json, "rules_json");
        assertThat(set.indicator("2.9").orElseThrow().informative()).isTrue();
        assertThat(set.indicator("2.1").orElseThrow().maxPoints()).isEqualByComparingTo(BigDecimal.valueOf(100));
    }
}
