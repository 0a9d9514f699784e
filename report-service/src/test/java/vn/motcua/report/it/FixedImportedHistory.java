package vn.motcua.report.it;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import vn.motcua.report.projection.domain.DossierFact;
import vn.motcua.report.projection.domain.ImportedDigitization;
import vn.motcua.report.projection.domain.ImportedPayment;
import vn.motcua.report.projection.service.DossierFactSink;
import vn.motcua.report.projection.service.ImportedHistoryReplay;

/**
 * The importer's part for the rebuild ITs (property it.imported-history-replay): the "stored import rows" are a list,
 * applied through DossierFactSink as the importer applies them, and re-applied all by {@link #replayAll}.
 */
@Singleton
@Replaces(ImportedHistoryReplay.class)
@Requires(property = "it.imported-history-replay", value = "true")
public class FixedImportedHistory implements ImportedHistoryReplay {

    /** One stored import row. */
    public record Row(DossierFact fact, ImportedPayment payment, ImportedDigitization digitization) {}

    private final List<Row> rows = new CopyOnWriteArrayList<>();
    private final DossierFactSink sink;
    private final TransactionOperations<Connection> tx;
    public final AtomicInteger replays = new AtomicInteger();

    public FixedImportedHistory(DossierFactSink sink, TransactionOperations<Connection> tx) {
        this.sink = sink;
        this.tx = tx;
    }

    /** An import: stored, then applied in one transaction. */
    public void importRows(List<Row> batch) {
        rows.addAll(batch);
        apply(batch);
    }

    @Override
    public long replayAll() {
        replays.incrementAndGet();
        apply(rows);
        return rows.size();
    }

    private void apply(List<Row> batch) {
        tx.executeWrite(status -> {
            batch.forEach(r -> sink.upsertImported(r.fact(), r.payment(), r.digitization()));
            return null;
        });
    }
}
