package vn.motcua.dossier.dossier.service;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.catalog.ProcedureRepository;
import vn.motcua.dossier.common.RequestIdempotency;
import vn.motcua.dossier.common.Scope;
import vn.motcua.dossier.dossier.domain.ActorContext;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.DossierFacts;
import vn.motcua.dossier.dossier.domain.DossierStateMachine;
import vn.motcua.dossier.dossier.domain.LegalRegime;
import vn.motcua.dossier.dossier.domain.TransitionDecision;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.dossier.unit.domain.UnitChanges;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * Reception at the one-stop desk (T5): counter or postal. Validates, checks role and unit through the state
 * machine once, finds the procedure, and hands the decision to {@link DossierCreation}, which assigns the legal code
 * and the due time and records dossier, history and change-feed event in one transaction. Idempotent per request id.
 */
@Singleton
public class ReceptionService {

    static final String OPERATION = "ReceiveDossier";

    private final DossierCreation creation;
    private final UnitDirectory units;
    private final LegalRegime regime;
    private final DossierStateMachine machine = new DossierStateMachine();
    private final Clock clock;

    public ReceptionService(
            DossierCreation creation,
            UnitDirectory units,
            Clock clock,
            @Value("${motcua.dossier.legal-regime:REGIME_2018}") LegalRegime regime) {
        this.creation = creation;
        this.units = units;
        this.regime = regime;
        this.clock = clock;
    }

    public Dossier receive(Caller caller, ReceiveCommand command) {
        // stored with microsecond precision: answer with exactly what a later read returns
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReceiveCommandValidator.validate(command, now);
        String unitCode = Scope.requireOfficerUnit(caller);
        UnitTree tree = units.tree();
        AdminUnit unit = tree.find(unitCode)
                .orElseThrow(() -> DomainException.of(
                        ErrorKind.FAILED_PRECONDITION,
                        ErrorReason.SCOPE_MISSING,
                        "the caller's unit " + unitCode + " is unknown"));
        // a closed (merged) unit receives nothing new; its old dossiers stay as they are
        UnitChanges.requireOpenOn(tree, unit, WorkCalendar.localDate(now));
        ActorContext actor = Actors.actor(caller, tree);
        String fingerprint = fingerprint(command);

        DossierEvent event =
                command.channel() == Channel.POSTAL ? DossierEvent.RECEIVE_BY_POST : DossierEvent.RECEIVE_AT_COUNTER;
        if (command.channel() == Channel.ONLINE) {
            throw DomainException.invalid("channel", "online dossiers are submitted by the citizen, not received");
        }
        // role and unit first, so that a citizen learns nothing about procedures; creation rows have no guards, so
        // this one decision holds whichever unit turns out to be competent
        TransitionDecision.Allowed allowed = DomainErrors.allowedOrThrow(machine.decide(
                null,
                event,
                actor,
                DossierFacts.builder()
                        .regime(regime)
                        .receivingUnitCode(unitCode)
                        .competentUnitCode(unitCode)
                        .build()));
        ProcedureRepository.ReceivableProcedure receivable = creation.receivable(command.procedureCode(), unitCode);

        Instant receivedAt = command.channel() == Channel.POSTAL ? command.handoverSignedAt() : now;
        return creation.create(
                caller,
                OPERATION,
                command.requestId(),
                fingerprint,
                new DossierCreation.NewDossier(
                        allowed, unit, receivable, command.channel(), command.applicant(), command.note(), receivedAt),
                now);
    }

    private static String fingerprint(ReceiveCommand c) {
        return RequestIdempotency.fingerprint(
                c.procedureCode(), c.applicant(), c.channel(), c.handoverSignedAt(), c.note());
    }
}
