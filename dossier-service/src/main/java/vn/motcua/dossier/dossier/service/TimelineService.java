package vn.motcua.dossier.dossier.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.platform.auth.Caller;

/** The dossier's history as the citizen and the officers see it: who did what, when, from which unit and why. */
@Singleton
public class TimelineService {

    private final DossierQueryService queries;
    private final DossierRepository dossiers;

    public TimelineService(DossierQueryService queries, DossierRepository dossiers) {
        this.queries = queries;
        this.dossiers = dossiers;
    }

    /** Same scope as GetDossier: outside it the dossier does not exist. */
    @Transactional(readOnly = true)
    public Timeline timeline(Caller caller, String code) {
        Dossier dossier = queries.get(caller, code);
        List<Entry> entries = dossiers.history(dossier.code()).stream()
                .map(h -> {
                    DossierEvent event = DossierEvent.valueOf(h.event());
                    return new Entry(
                            h.occurredAt(),
                            event,
                            EventLabels.vi(event),
                            h.fromState() == null ? null : DossierState.valueOf(h.fromState()),
                            DossierState.valueOf(h.toState()),
                            h.actorUsername(),
                            h.actorUnitCode(),
                            h.reason(),
                            h.actorName(),
                            roles(h.actorRoles()));
                })
                .toList();
        return new Timeline(dossier, entries);
    }

    public record Timeline(Dossier dossier, List<Entry> entries) {}

    /** @param from null for the event that created the dossier */
    public record Entry(
            Instant at,
            DossierEvent event,
            String label,
            DossierState from,
            DossierState to,
            String actorUsername,
            String actorUnitCode,
            String reason,
            String actorName,
            List<String> actorRoles) {}

    private static List<String> roles(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(","))
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .toList();
    }
}
