package vn.motcua.report.reception.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Province 30 > district 298 > communes 11077, 11080; district 297 > commune 10999. */
class ReportScopeRuleTest {

    private static final Set<String> COMMUNE_11077 = Set.of("30", "298", "11077");

    @Test
    void officerSeesOwnUnit() {
        assertThat(ReportAccess.covers("11077", "11077", Set.of())).isTrue();
    }

    @Test
    void districtAndProvinceSeeTheCommunesBelowThem() {
        assertThat(ReportAccess.covers("298", "11077", COMMUNE_11077)).isTrue();
        assertThat(ReportAccess.covers("30", "11077", COMMUNE_11077)).isTrue();
    }

    @Test
    void communeDoesNotSeeItsParentOrSibling() {
        assertThat(ReportAccess.covers("11077", "298", Set.of("30", "298"))).isFalse();
        assertThat(ReportAccess.covers("11077", "11080", Set.of("30", "298", "11080")))
                .isFalse();
    }

    @Test
    void districtDoesNotSeeAnotherDistrictsCommune() {
        assertThat(ReportAccess.covers("297", "11077", COMMUNE_11077)).isFalse();
    }

    @Test
    void unknownUnitIsOutOfScope() {
        assertThat(ReportAccess.covers("30", "99999", Set.of())).isFalse();
    }
}
