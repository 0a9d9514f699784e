package vn.motcua.report.projection.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.report.projection.domain.Contribution;
import vn.motcua.report.projection.domain.DossierFact;
import vn.motcua.report.projection.domain.DossierLinks;
import vn.motcua.report.projection.domain.ProcedureInfo;
import vn.motcua.report.projection.domain.ProjectionSettings;

/** dossier_fact.counted round-trips exactly, as deterministic text. */
class CountedJsonTest {

    private static Contribution sample(String field) {
        DossierFact f = new DossierFact(
                "F1",
                "C1",
                "11077",
                "11077",
                null,
                List.of(),
                "1.001193",
                1,
                "ONLINE",
                "RETURNED",
                "ISSUED",
                null,
                true,
                true,
                null,
                Instant.parse("2026-01-30T15:00:00Z"),
                Instant.parse("2026-02-02T10:00:00Z"),
                Instant.parse("2026-02-10T10:00:00Z"),
                Instant.parse("2026-02-06T02:00:00Z"),
                0,
                0,
                null,
                null,
                false,
                null);
        return Contribution.of(
                f,
                new DossierLinks(true, true, false, true, false, false, false),
                new ProcedureInfo(field, true),
                ProjectionSettings.DEFAULTS);
    }

    @Test
    void aContributionReadsBackEqualAndWritesTheSameText() {
        Contribution c = sample("Hộ tịch \"đặc biệt\" \\ , [x]");
        String text = CountedJson.write(c);
        assertThat(CountedJson.read(text)).isEqualTo(c);
        assertThat(CountedJson.write(CountedJson.read(text))).isEqualTo(text);
        assertThat(text)
                .startsWith(
                        "{\"u\":\"11077\",\"f\":\"Hộ tịch \\\"đặc biệt\\\" \\\\ , [x]\",\"p\":\"1.001193\",\"d\":[[\"2026-01-30\",[1,");
        assertThat(text.length()).isLessThan(2000);
    }

    @Test
    void nothingCountedIsNull() {
        assertThat(CountedJson.write(Contribution.NONE)).isNull();
        assertThat(CountedJson.read(null)).isEqualTo(Contribution.NONE);
    }

    @Test
    void aDamagedColumnIsReportedNotGuessed() {
        assertThatThrownBy(() -> CountedJson.read("{\"u\":\"1\",\"i\":[1,2]}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("counted");
    }
}
