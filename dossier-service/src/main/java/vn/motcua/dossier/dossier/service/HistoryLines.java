package vn.motcua.dossier.dossier.service;

import java.time.Instant;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.platform.auth.Caller;

/** The history line of one transition, creation included: who did what, from which state to which. */
final class HistoryLines {

    private HistoryLines() {}

    static DossierRepository.HistoryEntry of(
            Caller caller,
            Dossier after,
            DossierEvent event,
            DossierState from,
            String reason,
            String target,
            Instant stepDueAt,
            Instant now) {
        return new DossierRepository.HistoryEntry(
                after.code(),
                event.name(),
                from == null ? null : from.name(),
                after.state().name(),
                caller.subject(),
                caller.username(),
                caller.unit().orElse(null),
                String.join(",", caller.roles()),
                reason,
                now,
                target,
                stepDueAt,
                after.dueAt(),
                ActorNames.of(caller));
    }
}
