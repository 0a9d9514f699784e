package vn.motcua.report.projection.service;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.report.projection.domain.DossierFact;
import vn.motcua.report.projection.domain.ImportedDigitization;
import vn.motcua.report.projection.domain.ImportedPayment;
import vn.motcua.report.projection.domain.ProjectionChange;

/**
 * The importer's way into the projection: an imported dossier is applied exactly like a live one (subtract what its
 * fact counted, add what it counts now), in the caller's transaction, so that an import batch commits or rolls back
 * whole. Idempotent: the same row applied twice counts once (a rebuild's replay relies on it).
 * <p>
 * The rows of one transaction are applied together, in runs of {@value #RUN} and at the latest just before the
 * transaction commits: a run costs about as many statements as one row, which is what makes a million-row import or
 * its replay after a rebuild take minutes. A row the projection cannot take is refused at once (nothing of it is
 * kept); a database failure while applying a run fails the transaction, at the latest at its commit.
 */
@Singleton
public class ImportedFactSink implements DossierFactSink {

    /** Imported rows applied per unit of work. */
    static final int RUN = 500;

    private final ProjectionEngine engine;
    private final TransactionOperations<Connection> tx;
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();

    public ImportedFactSink(ProjectionEngine engine, TransactionOperations<Connection> tx) {
        this.engine = engine;
        this.tx = tx;
    }

    /** The rows buffered for one transaction. */
    private final class Pending implements TransactionSynchronization {
        final Object transaction;
        /** The caller's context (its transaction in it): the commit hook runs outside it, the flush must not. */
        final PropagatedContext context;

        final List<ProjectionChange.Imported> rows = new ArrayList<>();

        Pending(Object transaction, PropagatedContext context) {
            this.transaction = transaction;
            this.context = context;
        }

        void flush() {
            if (!rows.isEmpty()) {
                List<ProjectionChange.Imported> run = List.copyOf(rows);
                rows.clear();
                engine.apply(run);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            try (PropagatedContext.Scope ignored = context.propagate()) {
                flush();
            }
        }

        @Override
        public void afterCompletion(Status status) {
            if (pending.get() == this) {
                pending.remove();
            }
        }
    }

    /**
     * @param fact its factId must be {@code IMPORT:<code>} and it must name its receiving unit
     * @throws IllegalArgumentException     for a fact the projection cannot take (nothing of it is kept)
     * @throws IllegalStateException        without a transaction
     * @throws ProjectionResettingException while a rebuild empties the projection
     */
    @Override
    public void upsertImported(DossierFact fact, ImportedPayment payment, ImportedDigitization digitization) {
        ProjectionEngine.checkImported(fact);
        TransactionStatus<?> status = tx.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("imports are applied in the caller's transaction"));
        Pending p = pending.get();
        if (p == null || p.transaction != status.getTransaction()) {
            p = new Pending(status.getTransaction(), PropagatedContext.getOrEmpty());
            status.registerSynchronization(p);
            pending.set(p);
        }
        p.rows.add(new ProjectionChange.Imported(fact, payment, digitization));
        if (p.rows.size() >= RUN) {
            p.flush();
        }
    }
}
