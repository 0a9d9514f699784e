package vn.motcua.report.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

class CampaignLifecycleTest {

    static CampaignReport report(String id, String unit, int version, ReportState state, List<CampaignRow> rows) {
        return new CampaignReport(
                id,
                "T",
                unit,
                version,
                state,
                false,
                rows,
                rows == null ? 0 : rows.size(),
                "u",
                Instant.EPOCH,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                List.of());
    }

    @Test
    void theFirstSaveIsVersionOneAndADraftIsReplacedInPlace() {
        assertThat(CampaignLifecycle.draftStep(Optional.empty())).isEqualTo(CampaignLifecycle.DraftStep.FIRST);
        assertThat(CampaignLifecycle.draftVersion(Optional.empty())).isEqualTo(1);
        Optional<CampaignReport> draft = Optional.of(report("a", "U", 3, ReportState.DRAFT, null));
        assertThat(CampaignLifecycle.draftStep(draft)).isEqualTo(CampaignLifecycle.DraftStep.REPLACE);
        assertThat(CampaignLifecycle.draftVersion(draft)).isEqualTo(3);
    }

    @Test
    void aSaveAfterAReturnIsTheNextVersion() {
        Optional<CampaignReport> returned = Optional.of(report("a", "U", 2, ReportState.RETURNED, null));
        assertThat(CampaignLifecycle.draftStep(returned)).isEqualTo(CampaignLifecycle.DraftStep.NEXT_VERSION);
        assertThat(CampaignLifecycle.draftVersion(returned)).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(
            value = ReportState.class,
            names = {"SUBMITTED", "ACCEPTED", "CONSOLIDATED"})
    void noDraftWhileTheLineIsWithTheReceivingUnit(ReportState state) {
        DomainException e = catchThrowableOfType(
                DomainException.class,
                () -> CampaignLifecycle.draftStep(Optional.of(report("a", "U", 1, state, null))));
        assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
        assertThat(e.reason()).isEqualTo(ErrorReason.ILLEGAL_TRANSITION);
    }

    @ParameterizedTest
    @EnumSource(value = ReportState.class, names = "DRAFT", mode = EnumSource.Mode.EXCLUDE)
    void onlyADraftIsSubmitted(ReportState state) {
        assertThat(catchThrowableOfType(
                                DomainException.class,
                                () -> CampaignLifecycle.submittable(Optional.of(report("a", "U", 1, state, null))))
                        .reason())
                .isEqualTo(ErrorReason.ILLEGAL_TRANSITION);
        assertThat(catchThrowableOfType(DomainException.class, () -> CampaignLifecycle.submittable(Optional.empty()))
                        .reason())
                .isEqualTo(ErrorReason.ILLEGAL_TRANSITION);
        CampaignReport draft = report("d", "U", 1, ReportState.DRAFT, null);
        assertThat(CampaignLifecycle.submittable(Optional.of(draft))).isSameAs(draft);
    }

    @Test
    void onlyTheLatestSubmittedVersionIsDecided() {
        CampaignLifecycle.requireDecidable(report("a", "U", 2, ReportState.SUBMITTED, null), 2, "accept");
        assertThat(catchThrowableOfType(
                                DomainException.class,
                                () -> CampaignLifecycle.requireDecidable(
                                        report("a", "U", 1, ReportState.SUBMITTED, null), 2, "accept"))
                        .reason())
                .isEqualTo(ErrorReason.ILLEGAL_TRANSITION);
        for (ReportState s :
                List.of(ReportState.DRAFT, ReportState.RETURNED, ReportState.ACCEPTED, ReportState.CONSOLIDATED)) {
            assertThat(catchThrowableOfType(
                                    DomainException.class,
                                    () -> CampaignLifecycle.requireDecidable(report("a", "U", 1, s, null), 1, "return"))
                            .reason())
                    .isEqualTo(ErrorReason.ILLEGAL_TRANSITION);
        }
    }

    @Test
    void aConsolidationTakesTheAcceptedLinesInAssignmentOrderCreditedToTheirUnits() {
        List<CampaignRow> rowsA = List.of(CampaignRow.of(Map.of("k", "1")), CampaignRow.of(Map.of("k", "2")));
        List<CampaignRow> rowsC = List.of(CampaignRow.of(Map.of("k", "3")));
        CampaignConsolidation c = CampaignConsolidation.of(List.of(
                new CampaignConsolidation.Source("C", "Xã C", report("c1", "C", 1, ReportState.ACCEPTED, rowsC)),
                new CampaignConsolidation.Source("B", "Xã B", report("b1", "B", 1, ReportState.SUBMITTED, rowsA)),
                new CampaignConsolidation.Source("D", "Xã D", null),
                new CampaignConsolidation.Source("A", "Xã A", report("a2", "A", 2, ReportState.CONSOLIDATED, rowsA))));
        assertThat(c.rows())
                .extracting(
                        r -> r.sourceUnitCode() + r.sourceUnitName() + r.cells().get("k"))
                .containsExactly("CXã C3", "AXã A1", "AXã A2");
        assertThat(c.sourceReportIds()).containsExactly("c1", "a2");
        assertThat(c.newlyConsolidated()).containsExactly("c1");
    }

    @Test
    void nothingAcceptedIsNothingToConsolidate() {
        DomainException e = catchThrowableOfType(
                DomainException.class,
                () -> CampaignConsolidation.of(List.of(
                        new CampaignConsolidation.Source(
                                "B", "B", report("b", "B", 1, ReportState.RETURNED, List.of())),
                        new CampaignConsolidation.Source("C", "C", null))));
        assertThat(e.reason()).isEqualTo(ErrorReason.RULE_VIOLATED);
    }

    @Test
    void fileNamesAreAscii() {
        assertThat(CampaignFileNames.xlsx("TK1", "11077", 2)).isEqualTo("TK1-11077-v2.xlsx");
        assertThat(CampaignFileNames.xlsx("Đợt 1/2026", "Xã Tây Kỳ", 1)).isEqualTo("Dot_1_2026-Xa_Tay_Ky-v1.xlsx");
    }
}
