package vn.motcua.dossier.dossier.service;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Optional;
import vn.motcua.dossier.dossier.repository.DossierRepository;

/**
 * Hands out legal dossier codes {@code <agency>-YYMMDD-NNNN} for the day a dossier is accepted (ND61 Art 26),
 * each in a short transaction of its own (ADR 0006).
 */
@Singleton
public class LegalCodes {

    private final TransactionOperations<Connection> tx;
    private final DossierRepository dossiers;

    public LegalCodes(TransactionOperations<Connection> tx, DossierRepository dossiers) {
        this.tx = tx;
        this.dossiers = dossiers;
    }

    /**
     * Committed on its own, before (or suspending) the reception's transaction, so the day's counter row is locked
     * only for this short transaction (ADR 0006). If the reception then fails, or a concurrent duplicate of this
     * request wins the claim, the number stays unused: a gap in the day's numbers, which ADR 0006 allows. Only the
     * first reception of an agency's day pays a third transaction, to create the counter row (see
     * DossierRepository.openCounter).
     */
    public String allocate(String agencyCode, LocalDate day) {
        TransactionDefinition own = TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);
        Optional<String> code = tx.execute(own, status -> dossiers.allocateCode(agencyCode, day));
        if (code.isPresent()) {
            return code.get();
        }
        tx.execute(own, status -> {
            dossiers.openCounter(agencyCode, day);
            return null;
        });
        return tx.execute(own, status -> dossiers.allocateCode(agencyCode, day))
                .orElseThrow(() -> new IllegalStateException("no dossier counter for " + agencyCode + " on " + day));
    }
}
