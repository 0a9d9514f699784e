package vn.motcua.dossier.dossier.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.catalog.ProcedureRepository;
import vn.motcua.dossier.common.Scope;
import vn.motcua.dossier.dossier.domain.ActorContext;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.DossierFacts;
import vn.motcua.dossier.dossier.domain.DossierStateMachine;
import vn.motcua.dossier.dossier.domain.RegimeSelection;
import vn.motcua.dossier.dossier.domain.TransitionDecision;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.dossier.unit.domain.UnitChanges;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.idempotency.RequestIdempotency;

/**
 * Reception at the one-stop desk (T5): counter or postal. Validates, checks role and unit through the state
 * machine once, finds the procedure, and hands the decision to {@link DossierCreation}, which assigns the identifier
 * and the due time and records dossier, history and change-feed event in one transaction. Idempotent per request id.
 *
 * <p>The desk decides exactly one of ND61 Art 17(1): (c) receive (Form 01, the clock starts), (a) ask for a
 * supplement (Form 02) or (b) refuse (Form 03). The last two create the dossier before acceptance, without a clock
 * and without a legal number; the supplement case is accepted later with AcceptDossier.
 */
@Singleton
public class ReceptionService {

    static final String OPERATION = "ReceiveDossier";

    private final DossierCreation creation;
    private final UnitDirectory units;
    private final RegimeSelection regimes;
    private final DossierStateMachine machine = new DossierStateMachine();
    private final Clock clock;

    public ReceptionService(DossierCreation creation, UnitDirectory units, Clock clock, RegimeSelection regimes) {
        this.creation = creation;
        this.units = units;
        this.regimes = regimes;
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

        DossierEvent event = switch (command.outcomeOrDefault()) {
            case RECEIVE ->
                command.channel() == Channel.POSTAL ? DossierEvent.RECEIVE_BY_POST : DossierEvent.RECEIVE_AT_COUNTER;
            case REQUEST_SUPPLEMENT -> DossierEvent.REQUEST_PRE_SUPPLEMENT;
            case REFUSE -> DossierEvent.REJECT;
        };
        Instant filedAt = command.channel() == Channel.POSTAL ? command.handoverSignedAt() : now;
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
                        .regime(regimes.forDossierFiledOn(WorkCalendar.localDate(filedAt)))
                        .receivingUnitCode(unitCode)
                        .competentUnitCode(unitCode)
                        .build()));
        ProcedureRepository.ReceivableProcedure receivable = creation.receivable(command.procedureCode(), unitCode);

        // the clock starts only for a complete dossier; the others are not received yet
        Instant receivedAt =
                event == DossierEvent.RECEIVE_AT_COUNTER || event == DossierEvent.RECEIVE_BY_POST ? filedAt : null;
        return creation.create(
                caller,
                OPERATION,
                command.requestId(),
                fingerprint,
                new DossierCreation.NewDossier(
                        allowed,
                        unit,
                        receivable,
                        command.channel(),
                        command.applicant(),
                        command.note(),
                        receivedAt,
                        filedAt,
                        command.reason()),
                now);
    }

    private static String fingerprint(ReceiveCommand c) {
        // a plain reception keeps the fingerprint it always had, so retries across an upgrade still replay
        return c.outcomeOrDefault() == ReceiveCommand.Outcome.RECEIVE
                ? RequestIdempotency.fingerprint(
                        c.procedureCode(), c.applicant(), c.channel(), c.handoverSignedAt(), c.note())
                : RequestIdempotency.fingerprint(
                        c.procedureCode(),
                        c.applicant(),
                        c.channel(),
                        c.handoverSignedAt(),
                        c.note(),
                        c.outcomeOrDefault(),
                        c.reason());
    }
}
