package vn.motcua.report.importer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The national portal's TrangThaiHoSo (domain.md 4.1) read back into dossier-service's states and result kinds. */
class DvcqgStatusMapsToStateAndResultTest {

    @ParameterizedTest(name = "{0} received={1} refused={2} -> {3} / {4}")
    @CsvSource(
            nullValues = "-",
            value = {
                "1, false, false, SUBMITTED, -",
                "2, true, false, RECEIVED, -",
                "3, false, false, REJECTED, REJECTED",
                "4, true, false, IN_PROCESS, -",
                "5, true, false, SUPPLEMENT_REQUESTED, -",
                "5, false, false, PRE_SUPPLEMENT, -",
                "6, true, false, AWAITING_PAYMENT, -",
                "7, true, false, WITHDRAWN, WITHDRAWN",
                "7, false, false, WITHDRAWN, WITHDRAWN",
                "8, true, false, STOPPED, STOPPED",
                "9, true, false, RESULT_READY, ISSUED",
                "9, true, true, REFUSED, REFUSED",
                "10, true, false, RETURNED, ISSUED",
                "10, true, true, REFUSED, REFUSED"
            })
    void eachCodeHasItsStateAndResultKind(
            int code, boolean received, boolean refused, String state, String resultKind) {
        DvcqgStatus status = DvcqgStatus.of(code).orElseThrow();
        assertThat(status.code()).isEqualTo(code);
        assertThat(status.state(received, refused)).isEqualTo(state);
        assertThat(status.resultKind(refused)).isEqualTo(resultKind);
    }

    @Test
    void onlyTheEndStatusesNeedAnEndTimeAndOnlyNineMayBeFollowed() {
        assertThat(DvcqgStatus.values())
                .filteredOn(DvcqgStatus::isEnd)
                .extracting(DvcqgStatus::code)
                .containsExactly(3, 7, 8, 9, 10);
        assertThat(DvcqgStatus.values())
                .filteredOn(DvcqgStatus::isFinal)
                .extracting(DvcqgStatus::code)
                .containsExactly(3, 7, 8, 10);
    }

    @Test
    void codesOutsideOneToTenAreUnknown() {
        assertThat(DvcqgStatus.of(0)).isEmpty();
        assertThat(DvcqgStatus.of(11)).isEmpty();
    }

    @Test
    void onlyAFinishedOrReturnedDossierCanBeARefusal() {
        assertThat(DvcqgStatus.IN_PROCESS.resultKind(true)).isNull();
        assertThat(DvcqgStatus.IN_PROCESS.state(true, true)).isEqualTo("IN_PROCESS");
    }
}
