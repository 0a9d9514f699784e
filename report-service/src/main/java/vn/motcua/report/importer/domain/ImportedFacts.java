package vn.motcua.report.importer.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.motcua.report.projection.domain.DossierFact;
import vn.motcua.report.projection.domain.ImportedDigitization;
import vn.motcua.report.projection.domain.ImportedPayment;

/**
 * What an imported dossier is for the projection (one fact, its payment and digitization flags), exactly as a live
 * dossier would give them, so imported and live dossiers count alike.
 */
public final class ImportedFacts {

    /** Dossiers filed from this local date on fall under Decree 118/2025 (domain.md 0.2). */
    static final LocalDate REGIME_2025_FROM = LocalDate.of(2025, 7, 1);

    public static final String REGIME_2018 = "REGIME_2018";
    public static final String REGIME_2025 = "REGIME_2025";

    private ImportedFacts() {}

    /** The three values handed to the projection for one imported dossier. */
    public record Facts(DossierFact fact, ImportedPayment payment, ImportedDigitization digitization) {}

    public static Facts of(ImportedDossier d, String importId) {
        DossierFact fact = new DossierFact(
                factId(d.code()),
                d.code(),
                d.unitCode(),
                d.receivingUnitCode(),
                d.unitCode(),
                // the unit dimension places the unit; the history carries no ancestry
                List.of(),
                d.procedureCode(),
                // the catalogue version a past dossier was filed under is not in the portal's field set
                0,
                d.channel(),
                d.state(),
                d.resultKind(),
                legalRegime(d),
                d.boundaryFree(),
                d.extensionUsed(),
                d.submittedAt(),
                d.receivedAt(),
                d.originalDueAt(),
                d.dueAt(),
                d.finishedAt(),
                d.pausedSeconds(),
                d.supplementRequests(),
                null,
                null,
                true,
                importId);
        boolean paidOnline = d.onlinePayment() != 0;
        ImportedPayment payment = new ImportedPayment(d.feeTotal() > 0 || paidOnline, paidOnline, d.feeTotal());
        ImportedDigitization digitization = new ImportedDigitization(
                d.componentsDigitized(), d.resultUrl() != null, d.reusesData(), d.fromWarehouse());
        return new Facts(fact, payment, digitization);
    }

    public static String factId(String code) {
        return DossierFact.IMPORT_PREFIX + code;
    }

    /** The regime of the filing date (submission, else reception, else the end), Vietnam local time. */
    static String legalRegime(ImportedDossier d) {
        Instant filed =
                d.submittedAt() != null ? d.submittedAt() : d.receivedAt() != null ? d.receivedAt() : d.finishedAt();
        if (filed == null) {
            return REGIME_2018;
        }
        return filed.atZone(PortalTimestamps.VIETNAM).toLocalDate().isBefore(REGIME_2025_FROM)
                ? REGIME_2018
                : REGIME_2025;
    }
}
