package vn.motcua.report.importer.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.report.importer.domain.ImportedFacts;
import vn.motcua.report.importer.repository.ImportRowRepository;
import vn.motcua.report.importer.repository.ImportRowRepository.StoredRow;
import vn.motcua.report.projection.service.DossierFactSink;
import vn.motcua.report.projection.service.ImportedHistoryReplay;

/**
 * Re-applies every import_row through {@link DossierFactSink} after a rebuild dropped the projections: imports are a
 * source of truth the feeds do not carry. Streams import_row by code in pages of {@link #PAGE}, one transaction per
 * page (joining the caller's when there is one), so memory stays bounded whatever the history's size. Applying a row
 * twice gives the same fact, so a rebuild interrupted here may simply call it again.
 */
@Singleton
public class ImportedHistoryReplayer implements ImportedHistoryReplay {

    private static final Logger LOG = LoggerFactory.getLogger(ImportedHistoryReplayer.class);
    static final int PAGE = 1000;

    private final ImportRowRepository rows;
    private final DossierFactSink sink;
    private final TransactionOperations<Connection> tx;

    public ImportedHistoryReplayer(
            ImportRowRepository rows, DossierFactSink sink, TransactionOperations<Connection> tx) {
        this.rows = rows;
        this.sink = sink;
        this.tx = tx;
    }

    @Override
    public long replayAll() {
        long replayed = 0;
        String after = "";
        while (true) {
            String from = after;
            List<StoredRow> page = tx.executeWrite(status -> {
                List<StoredRow> found = rows.page(from, PAGE);
                for (StoredRow row : found) {
                    ImportedFacts.Facts facts = ImportedFacts.of(row.dossier(), row.importId());
                    sink.upsertImported(facts.fact(), facts.payment(), facts.digitization());
                }
                return found;
            });
            replayed += page.size();
            if (page.size() < PAGE) {
                LOG.info("re-applied {} imported dossier(s) to the projection", replayed);
                return replayed;
            }
            after = page.get(page.size() - 1).dossier().code();
        }
    }
}
