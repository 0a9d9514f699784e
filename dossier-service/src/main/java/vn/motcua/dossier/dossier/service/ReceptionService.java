package vn.motcua.dossier.dossier.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.catalog.ProcedureRepository;
import vn.motcua.dossier.common.Scope;
import vn.motcua.dossier.dossier.domain.ActorContext;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.DossierFacts;
import vn.motcua.dossier.dossier.domain.DossierStateMachine;
import vn.motcua.dossier.dossier.domain.LegalRegime;
import vn.motcua.dossier.dossier.domain.TransitionDecision;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.dossier.unit.domain.UnitChanges;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Reception at the one-stop desk (T5): counter or postal. Validates, checks role and unit through the state
 * machine, assigns the legal code and the due time, and records dossier, history and change-feed event in one
 * transaction. Idempotent per request id.
 */
@Singleton
public class ReceptionService {

    static final String OPERATION = "ReceiveDossier";

    private final TransactionOperations<Connection> tx;
    private final DossierRepository dossiers;
    private final RequestIdempotency idempotency;
    private final ProcedureRepository procedures;
    private final UnitDirectory units;
    private final DeadlineCalculators deadlines;
    private final DossierFeed feed;
    private final LegalRegime regime;
    private final DossierStateMachine machine = new DossierStateMachine();
    private final Clock clock;

    public ReceptionService(TransactionOperations<Connection> tx, DossierRepository dossiers,
                            RequestIdempotency idempotency, ProcedureRepository procedures, UnitDirectory units,
                            DeadlineCalculators deadlines, DossierFeed feed, Clock clock,
                            @Value("${motcua.dossier.legal-regime:REGIME_2018}") LegalRegime regime) {
        this.tx = tx;
        this.dossiers = dossiers;
        this.idempotency = idempotency;
        this.procedures = procedures;
        this.units = units;
        this.deadlines = deadlines;
        this.feed = feed;
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
                .orElseThrow(() -> DomainException.of(ErrorKind.FAILED_PRECONDITION, ErrorReason.SCOPE_MISSING,
                        "the caller's unit " + unitCode + " is unknown"));
        // a closed (merged) unit receives nothing new; its old dossiers stay as they are
        UnitChanges.requireOpenOn(tree, unit, WorkCalendar.localDate(now));
        ActorContext actor = Scope.actor(caller, tree);
        String fingerprint = fingerprint(command);

        DossierEvent event = command.channel() == Channel.POSTAL ? DossierEvent.RECEIVE_BY_POST
                : DossierEvent.RECEIVE_AT_COUNTER;
        if (command.channel() == Channel.ONLINE) {
            throw DomainException.invalid("channel", "online dossiers are submitted by the citizen, not received");
        }
        // role and unit first, so that a citizen learns nothing about procedures
        TransitionDecision preliminary = machine.decide(null, event, actor, facts(unitCode, unitCode, null, null));
        if (preliminary instanceof TransitionDecision.Rejected r) {
            throw DomainErrors.rejected(r);
        }
        ProcedureRepository.ReceivableProcedure receivable = procedures.findReceivable(command.procedureCode(),
                unitCode).orElseThrow(() -> DomainException.notFound("procedure " + command.procedureCode()
                + " at unit " + unitCode));

        return tx.executeWrite(status -> {
                RequestIdempotency.Claim claim = idempotency.claim(caller, OPERATION, command.requestId(),
                        fingerprint, now);
                if (claim.isReplay()) {
                    return dossiers.findByCode(claim.resultRef())
                            .orElseThrow(() -> new IllegalStateException("replayed dossier missing"));
                }
                Instant receivedAt = command.channel() == Channel.POSTAL ? command.handoverSignedAt() : now;
                Instant dueAt = deadlines.forUnit(receivable.competentUnitCode())
                        .dueAt(receivedAt, receivable.procedure().timeLimit());
                DossierFacts facts = facts(unitCode, receivable.competentUnitCode(), receivedAt, dueAt);
                TransitionDecision.Allowed allowed = (TransitionDecision.Allowed) machine.decide(null, event, actor,
                        facts);
                String code = dossiers.allocateCode(unit.agencyCode(), WorkCalendar.localDate(receivedAt));
                Dossier dossier = new Dossier(code, receivable.procedure().code(), receivable.procedure().version(),
                        receivable.procedure().name(), unitCode, receivable.competentUnitCode(),
                        allowed.handlingUnitCodeAfter() == null ? unitCode : allowed.handlingUnitCodeAfter(),
                        allowed.to(), command.channel(), command.applicant(), FieldChecks.blankToNull(command.note()),
                        receivedAt, dueAt, dueAt, null, false, 0);
                dossiers.insert(dossier, null, now);
                dossiers.appendHistory(new DossierRepository.HistoryEntry(code, event.name(), null,
                        allowed.to().name(), caller.subject(), caller.username(), unitCode,
                        String.join(",", caller.roles()), null, now, null, null, dueAt));
                claim.complete(code);
                feed.append(allowed.feedEventType(), event.name(), dossier, null, null, now, DossierFeed.Detail.NONE);
                return dossier;
            });
    }

    private DossierFacts facts(String receivingUnit, String competentUnit, Instant receivedAt, Instant dueAt) {
        return new DossierFacts(receivingUnit, competentUnit, null, null, regime, receivedAt, dueAt, false, false,
                true, true);
    }

    private static String fingerprint(ReceiveCommand c) {
        return RequestIdempotency.fingerprint(c.procedureCode(), c.applicant(), c.channel(), c.handoverSignedAt(),
                c.note());
    }
}
