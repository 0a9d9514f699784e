package vn.motcua.report.importer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.report.projection.domain.DossierFact;
import vn.motcua.report.projection.domain.ImportedDigitization;
import vn.motcua.report.projection.domain.ImportedPayment;

/** What the projection receives for an imported dossier. */
class ImportedDossierBecomesAFactTest {

    private static ImportedDossier dossier(Instant submitted, int onlinePayment, long fee, String resultUrl) {
        return new ImportedDossier(
                "H30.1",
                "1.001193",
                "DVC-1",
                "11077",
                "11080",
                "Hộ tịch",
                "ONLINE",
                DvcqgStatus.FINISHED,
                false,
                submitted,
                submitted.plusSeconds(60),
                submitted.plusSeconds(86_400),
                submitted.plusSeconds(3_600),
                submitted.plusSeconds(7_200),
                null,
                List.of(),
                2,
                600,
                onlinePayment,
                fee,
                true,
                false,
                true,
                false,
                resultUrl == null ? null : "KQ",
                resultUrl);
    }

    @Test
    void anImportedFactIsMarkedKeyedByItsCodeAndCarriesItsImport() {
        ImportedFacts.Facts facts =
                ImportedFacts.of(dossier(Instant.parse("2024-03-05T01:00:00Z"), 0, 0, null), "IMP-1");
        DossierFact fact = facts.fact();
        assertThat(fact.factId()).isEqualTo("IMPORT:H30.1");
        assertThat(fact.imported()).isTrue();
        assertThat(fact.importId()).isEqualTo("IMP-1");
        assertThat(fact.unitCode()).isEqualTo("11077");
        assertThat(fact.receivingUnitCode()).isEqualTo("11080");
        assertThat(fact.handlingUnitCode()).isEqualTo("11077");
        assertThat(fact.boundaryFree()).isTrue();
        assertThat(fact.unitPath()).isEmpty();
        assertThat(fact.state()).isEqualTo("RESULT_READY");
        assertThat(fact.resultKind()).isEqualTo("ISSUED");
        assertThat(fact.extensionUsed()).isTrue();
        assertThat(fact.originalDueAt()).isEqualTo(Instant.parse("2024-03-05T02:00:00Z"));
        assertThat(fact.dueAt()).isEqualTo(Instant.parse("2024-03-06T01:00:00Z"));
        assertThat(fact.finishedAt()).isEqualTo(Instant.parse("2024-03-05T03:00:00Z"));
        assertThat(fact.pausedSeconds()).isEqualTo(600);
        assertThat(fact.supplementRequests()).isEqualTo(2);
        assertThat(fact.assignee()).isNull();
        assertThat(fact.rating()).isNull();
        assertThat(fact.legalRegime()).isEqualTo("REGIME_2018");
    }

    @Test
    void aDossierFiledFromTheFirstOfJuly2025LocalTimeFallsUnderTheNewRegime() {
        // 2025-06-30T17:00Z is midnight of 1 July in Vietnam
        assertThat(ImportedFacts.of(dossier(Instant.parse("2025-06-30T16:59:59Z"), 0, 0, null), "I")
                        .fact()
                        .legalRegime())
                .isEqualTo("REGIME_2018");
        assertThat(ImportedFacts.of(dossier(Instant.parse("2025-06-30T17:00:00Z"), 0, 0, null), "I")
                        .fact()
                        .legalRegime())
                .isEqualTo("REGIME_2025");
    }

    @Test
    void aFeeOrAnOnlinePaymentIsAFinancialObligation() {
        Instant at = Instant.parse("2024-03-05T01:00:00Z");
        assertThat(ImportedFacts.of(dossier(at, 0, 0, null), "I").payment())
                .isEqualTo(new ImportedPayment(false, false, 0));
        assertThat(ImportedFacts.of(dossier(at, 0, 20_000, null), "I").payment())
                .isEqualTo(new ImportedPayment(true, false, 20_000));
        assertThat(ImportedFacts.of(dossier(at, 1, 20_000, null), "I").payment())
                .isEqualTo(new ImportedPayment(true, true, 20_000));
        assertThat(ImportedFacts.of(dossier(at, 2, 0, null), "I").payment())
                .isEqualTo(new ImportedPayment(true, true, 0));
    }

    @Test
    void aResultLinkIsAnElectronicResult() {
        Instant at = Instant.parse("2024-03-05T01:00:00Z");
        assertThat(ImportedFacts.of(dossier(at, 0, 0, "https://kq/1.pdf"), "I").digitization())
                .isEqualTo(new ImportedDigitization(true, true, false, true));
        assertThat(ImportedFacts.of(dossier(at, 0, 0, null), "I").digitization())
                .isEqualTo(new ImportedDigitization(true, false, false, true));
    }
}
