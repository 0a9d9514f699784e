package vn.motcua.report.projection.service;

import vn.motcua.report.projection.domain.DossierFact;
import vn.motcua.report.projection.domain.ImportedDigitization;
import vn.motcua.report.projection.domain.ImportedPayment;

/**
 * The one way into dossier_fact and its counters for imported histories: the projection applies an imported
 * dossier exactly as a live one (subtract what the fact counted before, add what it counts now). Runs in the
 * caller's transaction, so an import batch commits or rolls back whole.
 */
public interface DossierFactSink {

    void upsertImported(DossierFact fact, ImportedPayment payment, ImportedDigitization digitization);
}
