package vn.motcua.report.projection.service;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import vn.motcua.report.projection.domain.DossierFact;
import vn.motcua.report.projection.domain.ImportedDigitization;
import vn.motcua.report.projection.domain.ImportedPayment;
import vn.motcua.report.projection.domain.ProjectionChange;

/**
 * The importer's way into the projection: an imported dossier is applied exactly like a live one (subtract what its
 * fact counted, add what it counts now), in the caller's transaction, so that an import batch commits or rolls back
 * whole. Idempotent: the same row applied twice counts once (a rebuild's replay relies on it).
 */
@Singleton
public class ImportedFactSink implements DossierFactSink {

    private final ProjectionEngine engine;

    public ImportedFactSink(ProjectionEngine engine) {
        this.engine = engine;
    }

    /**
     * @param fact its factId must be {@code IMPORT:<code>} and imported true
     * @throws IllegalArgumentException    for a fact the projection cannot take (nothing applied)
     * @throws ProjectionResettingException while a rebuild empties the projection
     */
    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void upsertImported(DossierFact fact, ImportedPayment payment, ImportedDigitization digitization) {
        engine.apply(List.of(new ProjectionChange.Imported(fact, payment, digitization)));
    }
}
