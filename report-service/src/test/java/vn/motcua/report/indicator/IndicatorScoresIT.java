package vn.motcua.report.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.report.v1.DrillDownIndicatorRequest;
import vn.motcua.proto.report.v1.DrillDownIndicatorResponse;
import vn.motcua.proto.report.v1.DrillDownSide;
import vn.motcua.proto.report.v1.GetIndicatorScoresRequest;
import vn.motcua.proto.report.v1.IndicatorGroup;
import vn.motcua.proto.report.v1.IndicatorScore;
import vn.motcua.proto.report.v1.IndicatorScores;
import vn.motcua.proto.report.v1.Period;
import vn.motcua.proto.report.v1.PeriodKind;
import vn.motcua.proto.report.v1.ReportServiceGrpc;
import vn.motcua.report.export.domain.FileFormat;
import vn.motcua.report.export.domain.ReportFile;
import vn.motcua.report.indicator.service.IndicatorFiles;
import vn.motcua.report.it.ReportItSupport;
import vn.motcua.report.period.domain.PeriodSpec;

/**
 * The 766 scores of the hand-made {@link IndicatorWorld}, computed from the counters, over real gRPC on MariaDB;
 * every drillable indicator's drill-down lists exactly its numerator's and denominator's dossiers, and its total is
 * the score's own figure. The expected figures are worked out by hand in the comments.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorScoresIT implements TestPropertyProvider {

    private final TestDatabase db = TestDatabase.create("report_766");
    private final TestIdentityProvider idp = TestIdentityProvider.start();
    private final int grpcPort = TestPorts.free();
    private final FactFixture world = IndicatorWorld.build();

    @Inject
    ApplicationContext context;

    @Inject
    IndicatorFiles files;

    private ManagedChannel channel;
    private String province;
    private String district;
    private String commune;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = ReportItSupport.properties(db, grpcPort);
        props.putAll(idp.authProperties());
        props.put("motcua.report.consume-dossier-feed", "false");
        return props;
    }

    @BeforeAll
    void writeTheWorld() {
        world.writeTo(db);
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort)
                .usePlaintext()
                .build();
        province = idp.officer("viewer30", "30", "report_viewer");
        district = idp.officer("leader298", "298", "unit_leader");
        commune = idp.officer("officer11077", "11077", "specialist");
    }

    @AfterAll
    void cleanUp() {
        channel.shutdownNow();
        context.stop();
        idp.close();
        db.close();
    }

    private ReportServiceGrpc.ReportServiceBlockingStub as(String token) {
        return ReportServiceGrpc.newBlockingStub(channel)
                .withInterceptors(new ForwardingClientInterceptor(() -> token))
                .withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    private static Period month(int year, int month) {
        return Period.newBuilder()
                .setKind(PeriodKind.PERIOD_KIND_MONTH)
                .setYear(year)
                .setNumber(month)
                .build();
    }

    private static final Period MARCH = month(2026, 3);

    private IndicatorScores scores(String token, String unit, Period period, boolean subtree, boolean children) {
        return as(token)
                .getIndicatorScores(GetIndicatorScoresRequest.newBuilder()
                        .setUnitCode(unit)
                        .setPeriod(period)
                        .setSubtree(subtree)
                        .setIncludeChildren(children)
                        .build())
                .getScores();
    }

    /** indicator id → "numerator/denominator score". */
    private static Map<String, String> figures(IndicatorScores scores) {
        Map<String, String> out = new LinkedHashMap<>();
        for (IndicatorGroup g : scores.getGroupsList()) {
            for (IndicatorScore i : g.getIndicatorsList()) {
                out.put(i.getId(), i.getNumerator() + "/" + i.getDenominator() + " " + i.getScore());
            }
        }
        return out;
    }

    private static Map<String, String> groups(IndicatorScores scores) {
        Map<String, String> out = new LinkedHashMap<>();
        scores.getGroupsList().forEach(g -> out.put(g.getId(), g.getScore()));
        return out;
    }

    private static IndicatorScore indicator(IndicatorScores scores, String id) {
        return scores.getGroupsList().stream()
                .flatMap(g -> g.getIndicatorsList().stream())
                .filter(i -> i.getId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Every code of a drill-down, following the page tokens; also checks each page's total. */
    private List<String> drillAll(
            String token, String unit, Period period, boolean subtree, String id, DrillDownSide side, long total) {
        return drillAll(token, unit, period, subtree, id, side, total, 3);
    }

    private List<String> drillAll(
            String token,
            String unit,
            Period period,
            boolean subtree,
            String id,
            DrillDownSide side,
            long total,
            int pageSize) {
        List<String> codes = new ArrayList<>();
        String pageToken = "";
        int pages = 0;
        do {
            DrillDownIndicatorResponse page = as(token)
                    .drillDownIndicator(DrillDownIndicatorRequest.newBuilder()
                            .setUnitCode(unit)
                            .setPeriod(period)
                            .setSubtree(subtree)
                            .setIndicatorId(id)
                            .setSide(side)
                            .setPage(PageRequest.newBuilder()
                                    .setPageSize(pageSize)
                                    .setPageToken(pageToken))
                            .build());
            assertThat(page.getTotal()).as(id + " " + side + " total").isEqualTo(total);
            page.getDossiersList().forEach(d -> codes.add(d.getDossierCode()));
            pageToken = page.getPage().getNextPageToken();
            assertThat(++pages).as("pages of " + id).isLessThan(100);
        } while (!pageToken.isEmpty());
        return codes;
    }

    private void assertDrill(String token, String unit, boolean subtree, String id, Set<String> num, Set<String> den) {
        IndicatorScore score = indicator(scores(token, unit, MARCH, subtree, false), id);
        assertThat(score.getDrillable()).as(id + " drillable").isTrue();
        List<String> numerator = drillAll(
                token, unit, MARCH, subtree, id, DrillDownSide.DRILL_DOWN_SIDE_NUMERATOR, score.getNumerator());
        List<String> denominator = drillAll(
                token, unit, MARCH, subtree, id, DrillDownSide.DRILL_DOWN_SIDE_DENOMINATOR, score.getDenominator());
        assertThat(new TreeSet<>(numerator)).as(id + " numerator").isEqualTo(new TreeSet<>(num));
        assertThat(new TreeSet<>(denominator)).as(id + " denominator").isEqualTo(new TreeSet<>(den));
        assertThat(numerator).as(id + " numerator has no duplicates").hasSize(num.size());
        assertThat(denominator).as(id + " denominator has no duplicates").hasSize(den.size());
        assertThat(score.getNumerator()).isEqualTo(num.size());
        assertThat(score.getDenominator()).isEqualTo(den.size());
    }

    /**
     * Commune 11077, March 2026, its own dossiers. Received in March: A4 A5 A6 A7 A8 A9 A11 A12 A14 (9; A10 came at
     * 00:10 on 1 April, A13 was never received). 2.1: + carried over A1 A3 = 11; on time: A1 A4 A8 A14 resolved on
     * time by 766 (A5 late, A11 two supplements) + A6 A9 open and not yet due = 6 → 20 × 6/11 = 10.91.
     */
    @Test
    void communeScoresMatchTheHandComputedFigures() {
        IndicatorScores s = scores(commune, "", MARCH, false, false);

        assertThat(s.getUnit().getCode()).isEqualTo("11077");
        assertThat(s.getRuleVersion()).isEqualTo(1);
        assertThat(s.getPeriod().getFromDate()).isEqualTo("2026-03-01");
        assertThat(figures(s))
                .containsEntry("1.1", "0/0 N/A")
                .containsEntry("1.4", "0/0 N/A")
                .containsEntry("2.1", "6/11 10.91")
                // P1 is fully online: A4 A5 A9 A14, of which A4 online and with its electronic result
                .containsEntry("3a.1", "1/4 3.00")
                .containsEntry("3.1", "0/0 N/A")
                // online: A4 (e-result), A8 and A11 (no paper result needed); A5 lacks its e-result
                .containsEntry("3.3", "3/9 ")
                // financial obligation A4 A5 A6 A11, paid online A4 A11; both fee procedures P1 P3 paid online once
                .containsEntry("3.6", "2/4 ")
                .containsEntry("3b.B", "2/2 ")
                .containsEntry("3.5", "2/2 ")
                // 6 × 0.5 + min(2, 2.5 × 1) + 2.5 × 1
                .containsEntry("3b.1", "0/0 7.50")
                .containsEntry("4.1", "1/4 1.50")
                .containsEntry("4.2", "1/9 0.44")
                // 2 × (2/9) / 80%
                .containsEntry("4.3", "2/9 0.56")
                .containsEntry("4.4", "1/9 0.44")
                .containsEntry("4.5a", "0/0 N/A")
                .containsEntry("4.6", "1/1 2.00")
                // PAKN F1..F4 (F5 is February): on time F1 and F3 (open, within 21 days of the end), F4 open too long
                .containsEntry("5.1", "2/4 3.00")
                .containsEntry("5.2", "1/4 1.50")
                // 9 received - late A5 A12 - PAKN/dislike A8 A11 = 5 → 6 × (5/9) / 90%
                .containsEntry("5.3", "5/9 3.70")
                .containsEntry("5.3a", "2/9 ")
                .containsEntry("5.3b", "2/9 ")
                .containsEntry("5.4", "2/4 ")
                .containsEntry("5.5", "1/4 ");
        assertThat(groups(s))
                .containsExactly(
                        Map.entry("1", "N/A"),
                        Map.entry("2", "10.91"),
                        Map.entry("3a", "3.00"),
                        Map.entry("3b", "7.50"),
                        Map.entry("4", "4.94"),
                        Map.entry("5", "8.20"));
        assertThat(s.getTotalScore()).isEqualTo("34.55");
        assertThat(indicator(s, "2.1").getRatioPercent()).isEqualTo("54.55");
        assertThat(s.getOnlinePaymentPercent()).isEqualTo("50.00");
        assertThat(s.getOnlinePaymentTargetPercent()).isEqualTo("30");
        assertThat(s.getOnlinePaymentTargetMet()).isTrue();
        assertThat(indicator(s, "1.1").getNote()).contains("CSDLQG");
    }

    /**
     * District 298's subtree: 11077 + 11080 (B1 on time, B2 open not due) + its own C1 (received at 11077's desk).
     * 2.1: 9/14; 3a.1: P1 also B2 → 1/5; A: 3/5 → 6 × 0.6 + 2 + 2.5 = 8.10; communes 11077 (copy in March) and 11080
     * (February only) → 1/2.
     */
    @Test
    void districtSubtreeSumsItsCommunesAndItsOwnDossiers() {
        IndicatorScores s = scores(district, "", MARCH, true, false);

        assertThat(figures(s))
                .containsEntry("2.1", "9/14 12.86")
                .containsEntry("3a.1", "1/5 2.40")
                .containsEntry("3.6", "3/5 ")
                .containsEntry("3b.1", "0/0 8.10")
                .containsEntry("4.1", "1/5 1.20")
                .containsEntry("4.2", "2/12 0.67")
                .containsEntry("4.3", "2/12 0.42")
                .containsEntry("4.4", "1/12 0.33")
                .containsEntry("4.6", "1/2 1.00")
                .containsEntry("5.3", "8/12 4.44");
        assertThat(s.getTotalScore()).isEqualTo("35.92");
        assertThat(s.getOnlinePaymentPercent()).isEqualTo("60.00");
    }

    /** Children in subtree mode: 11077 as above; 11080 hits every cap (3b 10.5 → 10) and full marks without PAKN. */
    @Test
    void includeChildrenGivesEachDirectChildItsOwnFigures() {
        IndicatorScores s = scores(district, "298", MARCH, true, true);

        assertThat(s.getChildrenList()).extracting(c -> c.getUnit().getCode()).containsExactly("11077", "11080");
        IndicatorScores first = s.getChildren(0);
        assertThat(first.getTotalScore()).isEqualTo("34.55");
        assertThat(first.getUnit().getDepth()).isEqualTo(1);
        IndicatorScores second = s.getChildren(1);
        assertThat(figures(second))
                .containsEntry("2.1", "2/2 20.00")
                .containsEntry("3b.1", "0/0 10.00")
                .containsEntry("4.6", "0/1 0.00")
                .containsEntry("5.1", "0/0 6.00")
                .containsEntry("5.2", "0/0 6.00")
                .containsEntry("5.3", "2/2 6.00");
        assertThat(groups(second)).containsEntry("5", "18.00").containsEntry("3b", "10.00");
        assertThat(second.getTotalScore()).isEqualTo("50.00");
    }

    /** The district's own dossiers only: C1; no commune of its own, so 4.6 is N/A, and empty ratios score 0. */
    @Test
    void unitsOwnDossiersExcludeItsChildren() {
        IndicatorScores s = scores(district, "298", MARCH, false, false);

        assertThat(figures(s))
                .containsEntry("2.1", "1/1 20.00")
                .containsEntry("3a.1", "0/0 0.00")
                .containsEntry("4.6", "0/0 N/A")
                .containsEntry("5.1", "0/0 6.00");
        assertThat(indicator(s, "3a.1").getNote()).contains("Mẫu số bằng 0");
        assertThat(s.getOnlinePaymentPercent()).isEmpty();
        assertThat(s.getOnlinePaymentTargetMet()).isFalse();
    }

    @Test
    void drillDownListsExactlyTheCommunesNumeratorAndDenominatorDossiers() {
        Set<String> received = Set.of("A4", "A5", "A6", "A7", "A8", "A9", "A11", "A12", "A14");
        assertDrill(
                commune,
                "11077",
                false,
                "2.1",
                Set.of("A1", "A4", "A6", "A8", "A9", "A14"),
                Set.of("A1", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A11", "A12", "A14"));
        assertDrill(commune, "11077", false, "3a.1", Set.of("A4"), Set.of("A4", "A5", "A9", "A14"));
        assertDrill(commune, "11077", false, "3.3", Set.of("A4", "A8", "A11"), received);
        assertDrill(commune, "11077", false, "3.6", Set.of("A4", "A11"), Set.of("A4", "A5", "A6", "A11"));
        assertDrill(commune, "11077", false, "4.1", Set.of("A4"), Set.of("A4", "A5", "A9", "A14"));
        assertDrill(commune, "11077", false, "4.2", Set.of("A4"), received);
        assertDrill(commune, "11077", false, "4.3", Set.of("A4", "A11"), received);
        assertDrill(commune, "11077", false, "4.4", Set.of("A11"), received);
        assertDrill(commune, "11077", false, "5.3a", Set.of("A5", "A12"), received);
        assertDrill(commune, "11077", false, "5.3b", Set.of("A8", "A11"), received);
    }

    @Test
    void drillDownOfTheDistrictSubtreeListsTheCommunesAndTheDistrictsOwn() {
        assertDrill(
                district,
                "298",
                true,
                "2.1",
                Set.of("A1", "A4", "A6", "A8", "A9", "A14", "B1", "B2", "C1"),
                Set.of("A1", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A11", "A12", "A14", "B1", "B2", "C1"));
        assertDrill(
                district,
                "298",
                true,
                "4.2",
                Set.of("A4", "B1"),
                union(Set.of("A4", "A5", "A6", "A7", "A8", "A9", "A11", "A12", "A14"), Set.of("B1", "B2", "C1")));
        assertDrill(district, "298", false, "2.1", Set.of("C1"), Set.of("C1"));
    }

    /**
     * For every scope and period, every drillable indicator and side: the drill-down's total is the score's figure
     * and the pages list exactly that many distinct dossiers (the counters and the fact predicates agree).
     */
    @Test
    void everyDrillableIndicatorListsAsManyDossiersAsItsScoreCounts() {
        Period q1 = Period.newBuilder()
                .setKind(PeriodKind.PERIOD_KIND_QUARTER)
                .setYear(2026)
                .setNumber(1)
                .build();
        Period year = Period.newBuilder()
                .setKind(PeriodKind.PERIOD_KIND_YEAR)
                .setYear(2026)
                .build();
        int checked = 0;
        for (Period period : List.of(MARCH, month(2026, 2), month(2026, 4), q1, year)) {
            for (String unit : List.of("30", "298", "11077", "11080", "297")) {
                for (boolean subtree : List.of(true, false)) {
                    IndicatorScores s = scores(province, unit, period, subtree, false);
                    for (IndicatorGroup g : s.getGroupsList()) {
                        for (IndicatorScore i : g.getIndicatorsList()) {
                            if (!i.getDrillable()) {
                                continue;
                            }
                            List<String> num = drillAll(
                                    province,
                                    unit,
                                    period,
                                    subtree,
                                    i.getId(),
                                    DrillDownSide.DRILL_DOWN_SIDE_NUMERATOR,
                                    i.getNumerator(),
                                    10);
                            List<String> den = drillAll(
                                    province,
                                    unit,
                                    period,
                                    subtree,
                                    i.getId(),
                                    DrillDownSide.DRILL_DOWN_SIDE_DENOMINATOR,
                                    i.getDenominator(),
                                    10);
                            String what = unit + " " + period.getKind() + period.getNumber() + " " + subtree + " "
                                    + i.getId();
                            assertThat(num)
                                    .as(what + " numerator")
                                    .hasSize((int) i.getNumerator())
                                    .doesNotHaveDuplicates();
                            assertThat(den)
                                    .as(what + " denominator")
                                    .hasSize((int) i.getDenominator())
                                    .doesNotHaveDuplicates();
                            assertThat(den)
                                    .as(what + " numerator within denominator")
                                    .containsAll(num);
                            checked++;
                        }
                    }
                }
            }
        }
        // 10 drillable indicators × 5 periods × 5 units × 2 scopes
        assertThat(checked).isEqualTo(500);
    }

    /** Q1 for 11077: received A1 A2 A3 + the 9 of March; on time A1 A2 A4 A8 A14 + open not due A6 A9 → 7/12. */
    @Test
    void quarterCountsItsThreeMonthsAndCarriesNothingFromBefore() {
        Period q1 = Period.newBuilder()
                .setKind(PeriodKind.PERIOD_KIND_QUARTER)
                .setYear(2026)
                .setNumber(1)
                .build();
        assertThat(figures(scores(commune, "11077", q1, false, false))).containsEntry("2.1", "7/12 11.67");
        // April: carried over A3 A6 A7 A9 A12 + received A10 = 6; on time: none (A12 was resolved late, and every
        // dossier still open on 1 May was due before it)
        assertThat(figures(scores(commune, "11077", month(2026, 4), false, false)))
                .containsEntry("2.1", "0/6 0.00");
    }

    @Test
    void aCommuneOfficerCannotReadItsDistrictOrDrillASibling() {
        StatusRuntimeException up =
                catchThrowableOfType(StatusRuntimeException.class, () -> scores(commune, "298", MARCH, true, false));
        assertThat(up.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        StatusRuntimeException sibling = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> drillAll(commune, "11080", MARCH, false, "2.1", DrillDownSide.DRILL_DOWN_SIDE_NUMERATOR, 0));
        assertThat(sibling.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        StatusRuntimeException citizen = catchThrowableOfType(
                StatusRuntimeException.class,
                () -> scores(idp.citizen("dan", "001099000001"), "", MARCH, false, false));
        assertThat(citizen.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void filesCarryTheSameFiguresAndOneEtagAcrossFormats() throws Exception {
        var caller = new vn.motcua.platform.auth.Caller(
                "sub", "viewer298", Set.of("report_viewer"), "298", null, "console", "token");
        PeriodSpec march = PeriodSpec.month(2026, 3);
        ReportFile json = files.render(caller, "298", march, true, FileFormat.JSON);
        ReportFile csv = files.render(caller, "298", march, true, FileFormat.CSV);
        ReportFile xlsx = files.render(caller, "298", march, true, FileFormat.XLSX);

        assertThat(json.etag())
                .matches("\"[0-9a-f]{64}\"")
                .isEqualTo(csv.etag())
                .isEqualTo(xlsx.etag());
        assertThat(files.render(caller, "298", march, true, FileFormat.JSON).content())
                .isEqualTo(json.content());
        assertThat(json.fileName()).isEqualTo("BC-766_298_2026-03.json");
        assertThat(new String(json.content(), StandardCharsets.UTF_8))
                .contains("\"total_score\" : \"35.92\"")
                .doesNotContain("computed_at");

        String text = new String(csv.content(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFMã đơn vị,Kỳ báo cáo");
        assertThat(text)
                .contains("298,2026-03,1,2,2.1,Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn"
                        .replace(
                                "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn",
                                "\"Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn\""));
        assertThat(text).contains(",9,14,64.29,12.86,20,100,");

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Chỉ số 766");
            DataFormatter fmt = new DataFormatter();
            Row onTime = null;
            for (Row row : sheet) {
                if ("2.1".equals(fmt.formatCellValue(row.getCell(0)))) {
                    onTime = row;
                }
            }
            assertThat(onTime).isNotNull();
            assertThat(fmt.formatCellValue(onTime.getCell(3))).isEqualTo("9");
            assertThat(fmt.formatCellValue(onTime.getCell(4))).isEqualTo("14");
            assertThat(fmt.formatCellValue(onTime.getCell(6))).isEqualTo("12.86");
            assertThat(fmt.formatCellValue(sheet.getRow(5).getCell(1))).isEqualTo("Nhóm / chỉ số");
        }
    }

    @Test
    void theEtagChangesWhenAFigureChanges() {
        var caller = new vn.motcua.platform.auth.Caller(
                "sub", "viewer297", Set.of("report_viewer"), "297", null, "console", "token");
        PeriodSpec may = PeriodSpec.month(2026, 5);
        String before = files.render(caller, "297", may, true, FileFormat.JSON).etag();
        assertThat(files.render(caller, "297", may, true, FileFormat.JSON).etag())
                .isEqualTo(before);

        world.writeOneMore(
                db,
                FactFixture.detached("D2", "10999")
                        .procedure("P2")
                        .receivedAt("2026-05-04T08:00")
                        .due("2026-06-20T17:00"));

        String after = files.render(caller, "297", may, true, FileFormat.JSON).etag();
        assertThat(after).isNotEqualTo(before);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
