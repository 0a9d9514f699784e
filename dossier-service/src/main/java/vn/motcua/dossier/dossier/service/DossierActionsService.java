package vn.motcua.dossier.dossier.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.dossier.domain.ActorContext;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.DossierFacts;
import vn.motcua.dossier.dossier.domain.DossierStateMachine;
import vn.motcua.dossier.dossier.domain.Transition;
import vn.motcua.dossier.dossier.domain.TransitionDecision;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.dossier.forms.FormType;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.platform.auth.Caller;

/**
 * What a caller may do on a dossier now, and which forms it has: the one home of that rule is the state machine,
 * asked here for every event leaving the current state exactly as {@link WorkflowService#transition} would ask it
 * (same actor, same facts), so a screen offers only what would be allowed. Creation events (a paper dossier sent
 * back before acceptance comes in again through reception) are not actions on the dossier and are left out.
 */
@Singleton
public class DossierActionsService {

    private static final Set<DossierEvent> CREATION =
            Set.of(DossierEvent.SUBMIT_ONLINE, DossierEvent.RECEIVE_AT_COUNTER, DossierEvent.RECEIVE_BY_POST);

    private final DossierQueryService queries;
    private final DossierRepository dossiers;
    private final WorkflowService workflow;
    private final FormService forms;
    private final UnitDirectory units;
    private final DeadlineCalculators deadlines;
    private final Clock clock;
    private final DossierStateMachine machine = new DossierStateMachine();

    public DossierActionsService(
            DossierQueryService queries,
            DossierRepository dossiers,
            WorkflowService workflow,
            FormService forms,
            UnitDirectory units,
            DeadlineCalculators deadlines,
            Clock clock) {
        this.queries = queries;
        this.dossiers = dossiers;
        this.workflow = workflow;
        this.forms = forms;
        this.units = units;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Same scope as GetDossier: outside it the dossier does not exist (NOT_FOUND). */
    @Transactional(readOnly = true)
    public Actions actions(Caller caller, String code) {
        Dossier d = queries.get(caller, code);
        Instant now = clock.instant();
        ActorContext actor = Actors.actor(caller, units.tree());
        DossierFacts facts = workflow.facts(d, deadlines.forUnit(d.competentUnitCode()), now);
        List<DossierEvent> allowed = new ArrayList<>();
        for (Transition tr : machine.transitionsFrom(d.state())) {
            if (CREATION.contains(tr.event())) {
                continue;
            }
            if (machine.decide(d.state(), tr.event(), actor, facts) instanceof TransitionDecision.Allowed) {
                allowed.add(tr.event());
            }
        }
        return new Actions(d, allowed, forms.issued(d, dossiers.history(d.code())));
    }

    /** @param allowed in the state machine's table order */
    public record Actions(Dossier dossier, List<DossierEvent> allowed, Set<FormType> issuedForms) {}
}
