package vn.motcua.report.reception.service;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import vn.motcua.report.reception.domain.DailyReceptionCount;
import vn.motcua.report.reception.domain.DossierReceived;
import vn.motcua.report.reception.repository.ReceptionRepository;

/**
 * Counts receptions per receiving unit and local day; called from the projection writer's transaction with a run of
 * receptions, summed first so that a run costs one statement per unit and day. The units' ancestry is the unit
 * dimension's business (the projection records every unit of a dossier's path).
 */
@Singleton
public class ReceptionProjection {

    private final ReceptionRepository repository;

    public ReceptionProjection(ReceptionRepository repository) {
        this.repository = repository;
    }

    public void recordAll(Collection<DossierReceived> receptions) {
        if (receptions.isEmpty()) {
            return;
        }
        Map<String, Map<LocalDate, Long>> counts = new TreeMap<>();
        for (DossierReceived r : receptions) {
            counts.computeIfAbsent(r.receivingUnitCode(), u -> new TreeMap<>()).merge(r.localDate(), 1L, Long::sum);
        }
        repository.addReceptions(counts.entrySet().stream()
                .flatMap(unit -> unit.getValue().entrySet().stream()
                        .map(day -> new DailyReceptionCount(unit.getKey(), day.getKey(), day.getValue())))
                .toList());
    }
}
