package vn.motcua.dossier.dossier.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.catalog.ProcedureRepository;
import vn.motcua.dossier.common.Scope;
import vn.motcua.dossier.dossier.domain.ActorContext;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierCode;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.DossierFacts;
import vn.motcua.dossier.dossier.domain.DossierStateMachine;
import vn.motcua.dossier.dossier.domain.LegalRegime;
import vn.motcua.dossier.dossier.domain.TransitionDecision;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.dossier.dossier.repository.IdempotencyRepository;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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
    private final IdempotencyRepository requests;
    private final ProcedureRepository procedures;
    private final UnitDirectory units;
    private final DeadlineCalculators deadlines;
    private final OutboxWriter outbox;
    private final JsonMapper json;
    private final LegalRegime regime;
    private final DossierStateMachine machine = new DossierStateMachine();
    private final Clock clock;

    public ReceptionService(TransactionOperations<Connection> tx, DossierRepository dossiers,
                            IdempotencyRepository requests, ProcedureRepository procedures, UnitDirectory units,
                            DeadlineCalculators deadlines, OutboxWriter outbox, JsonMapper json,
                            @Value("${motcua.dossier.legal-regime:REGIME_2018}") LegalRegime regime) {
        this.tx = tx;
        this.dossiers = dossiers;
        this.requests = requests;
        this.procedures = procedures;
        this.units = units;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.json = json;
        this.regime = regime;
        this.clock = Clock.systemUTC();
    }

    public Dossier receive(Caller caller, ReceiveCommand command) {
        Instant now = clock.instant();
        ReceiveCommandValidator.validate(command, now);
        String unitCode = Scope.requireOfficerUnit(caller);
        UnitTree tree = units.tree();
        AdminUnit unit = tree.find(unitCode).filter(u -> u.activeOn(WorkCalendar.localDate(now)))
                .orElseThrow(() -> DomainException.of(ErrorKind.FAILED_PRECONDITION, ErrorReason.SCOPE_MISSING,
                        "the caller's unit " + unitCode + " is unknown or no longer active"));
        ActorContext actor = Scope.actor(caller, tree);
        String requestId = command.requestId() == null || command.requestId().isEmpty()
                ? null : command.requestId();
        String bodyHash = hash(command);

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
                if (requestId != null && !requests.claim(caller.subject(), OPERATION, requestId, bodyHash, now)) {
                    return replay(caller, requestId, bodyHash);
                }
                Instant receivedAt = command.channel() == Channel.POSTAL ? command.handoverSignedAt() : now;
                Instant dueAt = deadlines.forUnit(receivable.competentUnitCode())
                        .dueAt(receivedAt, receivable.procedure().timeLimit());
                DossierFacts facts = facts(unitCode, receivable.competentUnitCode(), receivedAt, dueAt);
                TransitionDecision.Allowed allowed = (TransitionDecision.Allowed) machine.decide(null, event, actor,
                        facts);
                LocalDate day = WorkCalendar.localDate(receivedAt);
                String code = DossierCode.format(unit.agencyCode(), day, dossiers.nextSequence(unit.agencyCode(), day));
                Dossier dossier = new Dossier(code, receivable.procedure().code(), receivable.procedure().version(),
                        receivable.procedure().name(), unitCode, receivable.competentUnitCode(),
                        allowed.handlingUnitCodeAfter() == null ? unitCode : allowed.handlingUnitCodeAfter(),
                        allowed.to(), command.channel(), command.applicant(), blankToNull(command.note()),
                        receivedAt, dueAt, dueAt, null, false);
                dossiers.insert(dossier, now);
                dossiers.appendHistory(new DossierRepository.HistoryEntry(code, event.name(), null,
                        allowed.to().name(), caller.subject(), caller.username(), unitCode,
                        String.join(",", caller.roles()), null, now));
                if (requestId != null) {
                    requests.recordResult(caller.subject(), OPERATION, requestId, code);
                }
                outbox.append(new OutboxEntry("dossier", code, allowed.feedEventType(), unitCode, now,
                        receivedPayload(dossier, tree)));
                return dossier;
            });
    }

    private Dossier replay(Caller caller, String requestId, String bodyHash) {
        IdempotencyRepository.Claimed claimed = requests.find(caller.subject(), OPERATION, requestId)
                .orElseThrow(() -> new IllegalStateException("claimed request vanished"));
        if (!Objects.equals(claimed.bodyHash(), bodyHash)) {
            throw DomainException.of(ErrorKind.ALREADY_EXISTS, ErrorReason.REQUEST_ID_REUSED,
                    "request_id " + requestId + " was already used with a different request");
        }
        return dossiers.findByCode(claimed.resultRef())
                .orElseThrow(() -> new IllegalStateException("replayed dossier missing"));
    }

    private DossierFacts facts(String receivingUnit, String competentUnit, Instant receivedAt, Instant dueAt) {
        return new DossierFacts(receivingUnit, competentUnit, null, null, regime, receivedAt, dueAt, false, false,
                true, true);
    }

    /** Fields report building needs (architecture.md 6); no personal data leaves through the feed. */
    private String receivedPayload(Dossier d, UnitTree tree) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", d.code());
        payload.put("receivingUnitCode", d.receivingUnitCode());
        payload.put("unitPath", tree.path(d.receivingUnitCode()));
        payload.put("competentUnitCode", d.competentUnitCode());
        payload.put("boundaryFree", !d.receivingUnitCode().equals(d.competentUnitCode()));
        payload.put("procedureCode", d.procedureCode());
        payload.put("procedureVersion", d.procedureVersion());
        payload.put("channel", d.channel().name());
        payload.put("state", d.state().name());
        payload.put("receivedAt", d.receivedAt().toString());
        payload.put("dueAt", d.dueAt().toString());
        try {
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(ReceiveCommand c) {
        String canonical = String.join("\u001f", String.valueOf(c.procedureCode()),
                c.applicant() == null ? "" : String.join("\u001f", String.valueOf(c.applicant().fullName()),
                        String.valueOf(c.applicant().citizenId()), String.valueOf(c.applicant().phone()),
                        String.valueOf(c.applicant().email()), String.valueOf(c.applicant().address())),
                String.valueOf(c.channel()), String.valueOf(c.handoverSignedAt()), String.valueOf(c.note()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
