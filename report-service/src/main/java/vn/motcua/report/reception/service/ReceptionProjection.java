package vn.motcua.report.reception.service;

import jakarta.inject.Singleton;
import vn.motcua.report.reception.domain.DossierReceived;
import vn.motcua.report.reception.repository.ReceptionRepository;

/** Applies receptions to the statistics; called from the feed consumer's transaction. */
@Singleton
public class ReceptionProjection {

    private final ReceptionRepository repository;

    public ReceptionProjection(ReceptionRepository repository) {
        this.repository = repository;
    }

    public void record(DossierReceived reception) {
        repository.addReception(reception.receivingUnitCode(), reception.localDate(), reception.ancestry());
    }
}
