package vn.motcua.digitization.dossierlink.service;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import vn.motcua.digitization.dossierlink.domain.ComponentSpec;
import vn.motcua.digitization.dossierlink.domain.DossierStatus;
import vn.motcua.digitization.dossierlink.domain.LinkedDossier;
import vn.motcua.digitization.dossierlink.repository.DossierSnapshotRepository;

/**
 * The dossier a call is about: fetched from dossier-service with the caller's token (outside any transaction: a
 * remote call must not hold database locks), then recorded in the local snapshot inside the command's transaction.
 */
@Singleton
public class DossierLinks {

    private final DossierDirectory directory;
    private final DossierSnapshotRepository snapshots;

    public DossierLinks(DossierDirectory directory, DossierSnapshotRepository snapshots) {
        this.directory = directory;
        this.snapshots = snapshots;
    }

    /** dossier-service's current view of the dossier for the caller; NOT_FOUND when the caller may not see it. */
    public LinkedDossier fetch(String code) {
        return directory.dossier(code);
    }

    /** The procedure version's component list, from dossier-service's catalogue. */
    public List<ComponentSpec> components(LinkedDossier dossier) {
        return directory.components(dossier.procedureCode(), dossier.procedureVersion());
    }

    /** Records the fetched dossier and locks its row until the transaction ends. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void record(LinkedDossier dossier) {
        snapshots.upsert(dossier);
    }

    public Optional<LinkedDossier> snapshot(String key) {
        return snapshots.find(key);
    }

    /** A dossier event from dossier-service's feed, for a dossier known here. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public boolean refresh(String key, String code, DossierStatus status, java.time.Instant at) {
        return snapshots.refreshFromFeed(key, code, status, at);
    }
}
