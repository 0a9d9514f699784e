package vn.motcua.report.reception.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.report.reception.domain.DailyReceptionCount;
import vn.motcua.report.reception.repository.ReceptionRepository;

/** Who may ask for which subtree, with the hierarchy lookups stubbed (no database). */
class CountDailyReceptionsAccessTest {

    private final List<String> queriedRoots = new ArrayList<>();
    private final ReceptionRepository repository = new ReceptionRepository(null) {
        private final Map<String, Set<String>> ancestors = Map.of(
                "11077", Set.of("30", "298", "11077"),
                "298", Set.of("30", "298"));

        @Override
        public void addReceptions(List<DailyReceptionCount> counts) {
            throw new AssertionError("read-only");
        }

        @Override
        public Set<String> ancestorsOf(String unitCode) {
            return ancestors.getOrDefault(unitCode, Set.of());
        }

        @Override
        public List<DailyReceptionCount> countsWithin(String rootUnit, LocalDate from, LocalDate to) {
            queriedRoots.add(rootUnit);
            return List.of();
        }
    };
    private final ReceptionReportService service = new ReceptionReportService(repository);

    private static Caller officer(String unit, String... roles) {
        return new Caller("sub", "officer", Set.of(roles), unit, null, "motcua-gateway", "token");
    }

    private DomainException denied(Caller caller, String unit, String from, String to) {
        return catchThrowableOfType(DomainException.class, () -> service.countDailyReceptions(caller, unit, from, to));
    }

    @Test
    void blankUnitMeansTheCallersOwnUnit() {
        service.countDailyReceptions(officer("298", "report_viewer"), "", "2026-11-01", "2026-11-30");
        service.countDailyReceptions(officer("11077", "clerk"), "  ", "2026-11-01", "2026-11-30");
        assertThat(queriedRoots).containsExactly("298", "11077");
    }

    @Test
    void districtOfficerMayAskForACommuneBelow() {
        service.countDailyReceptions(officer("298", "unit_leader"), "11077", "2026-11-01", "2026-11-30");
        assertThat(queriedRoots).containsExactly("11077");
    }

    @Test
    void citizenIsDeniedBeforeAnythingElse() {
        Caller citizen = new Caller("sub", "dan", Set.of("citizen"), null, "001099000001", "motcua-gateway", "t");
        DomainException e = denied(citizen, "", "bad", "dates");
        assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_DENIED);
        assertThat(e.reason()).isEqualTo(ErrorReason.ROLE_NOT_ALLOWED);
    }

    @Test
    void officerWithoutUnitInTokenIsDenied() {
        DomainException e = denied(officer(null, "report_viewer"), "11077", "2026-11-01", "2026-11-30");
        assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_DENIED);
        assertThat(e.reason()).isEqualTo(ErrorReason.SCOPE_MISSING);
    }

    @Test
    void unitAboveSiblingOrUnknownIsNotFound() {
        Caller commune = officer("11077", "reception_officer");
        for (String unit : List.of("298", "11080", "99999")) {
            DomainException e = denied(commune, unit, "2026-11-01", "2026-11-30");
            assertThat(e.kind()).as(unit).isEqualTo(ErrorKind.NOT_FOUND);
        }
        assertThat(queriedRoots).isEmpty();
    }

    @Test
    void badDatesAreInvalidArgument() {
        DomainException e = denied(officer("298", "specialist"), "", "2026-11-30", "2026-11-01");
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
    }
}
