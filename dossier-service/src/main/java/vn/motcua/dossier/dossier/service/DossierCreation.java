package vn.motcua.dossier.dossier.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.catalog.ProcedureRepository;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DueEffect;
import vn.motcua.dossier.dossier.domain.LegalRegime;
import vn.motcua.dossier.dossier.domain.LookupKey;
import vn.motcua.dossier.dossier.domain.RegimeSelection;
import vn.motcua.dossier.dossier.domain.SubmissionReference;
import vn.motcua.dossier.dossier.domain.TransitionDecision;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.idempotency.RequestIdempotency;

/**
 * The one way a dossier comes into existence, whether a citizen submits it online (T1) or a desk receives it at the
 * counter or by post (T5). The caller has validated the request and decided the creating transition; this writes,
 * in one transaction and idempotently per request id: its identifier, its legal regime, the dossier as the
 * decision's row makes it, its first history line and its change-feed event.
 *
 * <p>A dossier accepted at once (counter or postal reception) gets its legal code, dated that day (ND61 Art 26).
 * Any other (online submission, a desk's supplement request or refusal before acceptance) gets a submission
 * reference; the legal code follows at acceptance, so refusals use up no legal number. The regime is the one in
 * force on the day the dossier is filed (ADR 0004).
 */
@Singleton
public class DossierCreation {

    /** Lookup keys guard the public status lookup (ADR 0005): they must not be predictable. */
    private static final SecureRandom KEYS = new SecureRandom();

    private final TransactionOperations<Connection> tx;
    private final DossierRepository dossiers;
    private final RequestIdempotency idempotency;
    private final DeadlineCalculators deadlines;
    private final DossierFeed feed;
    private final ProcedureRepository procedures;
    private final LegalCodes legalCodes;
    private final RegimeSelection regimes;

    public DossierCreation(
            TransactionOperations<Connection> tx,
            DossierRepository dossiers,
            RequestIdempotency idempotency,
            DeadlineCalculators deadlines,
            DossierFeed feed,
            ProcedureRepository procedures,
            LegalCodes legalCodes,
            RegimeSelection regimes) {
        this.legalCodes = legalCodes;
        this.regimes = regimes;
        this.tx = tx;
        this.dossiers = dossiers;
        this.idempotency = idempotency;
        this.deadlines = deadlines;
        this.feed = feed;
        this.procedures = procedures;
    }

    /**
     * A dossier to create.
     *
     * @param decision   the allowed creating transition (submission or reception)
     * @param unit       the receiving unit
     * @param receivable the procedure as that unit receives it, with the competent unit
     * @param receivedAt when a desk received it (the postal hand-over, or now); null for online submission, whose
     *                   clock starts at acceptance
     * @param filedAt    when the dossier was filed: the submission, the postal hand-over or the counter visit; its
     *                   local day decides the legal regime
     * @param reason     the desk's reasons of a supplement request or refusal before acceptance; null otherwise
     */
    public record NewDossier(
            TransitionDecision.Allowed decision,
            AdminUnit unit,
            ProcedureRepository.ReceivableProcedure receivable,
            Channel channel,
            Applicant applicant,
            String note,
            Instant receivedAt,
            Instant filedAt,
            String reason) {}

    /** The procedure as {@code unitCode} receives it; NOT_FOUND when it does not receive it (or it does not exist). */
    public ProcedureRepository.ReceivableProcedure receivable(String procedureCode, String unitCode) {
        return procedures
                .findReceivable(procedureCode, unitCode)
                .orElseThrow(() -> DomainException.notFound("procedure " + procedureCode + " at unit " + unitCode));
    }

    /**
     * @param operation   idempotency operation name of the RPC
     * @param fingerprint {@link RequestIdempotency#fingerprint} of the request body
     * @return the new dossier, or the one the first request with this id created
     */
    public Dossier create(
            Caller caller, String operation, String requestId, String fingerprint, NewDossier d, Instant now) {
        boolean online = d.channel() == Channel.ONLINE;
        LegalRegime regime = regimes.forDossierFiledOn(WorkCalendar.localDate(d.filedAt()));
        boolean acceptedNow = d.decision().transition().dueEffect() == DueEffect.CLOCK_STARTS;
        // a replay of a committed request returns its dossier without taking a number (read-only, no lock)
        Optional<String> earlier =
                tx.executeRead(status -> idempotency.committedResult(caller, operation, requestId, fingerprint));
        if (earlier.isPresent()) {
            return tx.executeRead(status -> dossiers.replayed(earlier.get()));
        }
        String code = acceptedNow
                ? legalCodes.allocate(d.unit().agencyCode(), WorkCalendar.localDate(d.receivedAt()))
                : SubmissionReference.generate(WorkCalendar.localDate(d.filedAt()), KEYS);
        return tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = idempotency.claim(caller, operation, requestId, fingerprint, now);
            if (claim.isReplay()) {
                return dossiers.replayed(claim.resultRef());
            }
            Procedure procedure = d.receivable().procedure();
            String competent = d.receivable().competentUnitCode();
            Dossier dossier = d.decision()
                    .create(
                            Dossier.builder()
                                    .code(code)
                                    .procedure(procedure.code(), procedure.version(), procedure.name())
                                    .receivingUnitCode(d.unit().code())
                                    .competentUnitCode(competent)
                                    .handlingUnitCode(d.unit().code())
                                    .channel(d.channel())
                                    .applicant(d.applicant())
                                    .note(FieldChecks.blankToNull(d.note()))
                                    .receivedAt(d.receivedAt())
                                    .lookupKey(LookupKey.generate(KEYS))
                                    .regime(regime)
                                    .legalCode(acceptedNow ? code : null)
                                    .submissionReference(acceptedNow ? null : code),
                            now,
                            new ProcedureDueTimes(
                                    () -> deadlines.forUnit(competent), procedure::timeLimit, () -> null));
            Instant submittedAt = online ? now : null;
            dossiers.insert(dossier, submittedAt, now);
            // the citizen's note of an online submission is also the first history line's reason
            dossiers.appendHistory(HistoryLines.of(
                    caller,
                    dossier,
                    d.decision().transition().event(),
                    null,
                    online ? dossier.note() : FieldChecks.blankToNull(d.reason()),
                    null,
                    null,
                    now));
            claim.complete(code);
            feed.append(
                    d.decision().feedEventType(),
                    d.decision().transition().event().name(),
                    dossier,
                    null,
                    submittedAt,
                    now,
                    DossierFeed.Detail.NONE);
            return dossier;
        });
    }
}
