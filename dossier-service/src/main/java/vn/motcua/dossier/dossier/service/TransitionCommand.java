package vn.motcua.dossier.dossier.service;

import java.time.Instant;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.platform.idempotency.RequestIdempotency;

/**
 * One workflow verb on an existing dossier, as the caller sent it. Fields a verb does not use are null.
 *
 * @param reason        why (supplement items, refusal reason, apology reason, note, result note); history "why"
 * @param target        ASSIGN: assignee username; REQUEST_CONSULTATION / ANSWER_CONSULTATION /
 *                      FORWARD_INTER_AGENCY: the other unit's code
 * @param stepDueAt     optional deadline of an internal step (consultations carry their own)
 * @param newDueAt      APOLOGISE_AND_EXTEND: the new appointment
 * @param returnChannel RETURN_RESULT: how the result was handed over
 * @param handoverSignedAt ACCEPT of a postal dossier sent back for a supplement before acceptance: when the completed
 *                      dossier's hand-over record was signed, the legally valid reception time (QĐ45/2016 Art 7(4))
 */
public record TransitionCommand(
        String requestId,
        String code,
        DossierEvent event,
        String reason,
        String target,
        Instant stepDueAt,
        Instant newDueAt,
        Channel returnChannel,
        Instant handoverSignedAt) {

    /** Every verb but the acceptance of a completed postal dossier, which also carries the hand-over time. */
    public TransitionCommand(
            String requestId,
            String code,
            DossierEvent event,
            String reason,
            String target,
            Instant stepDueAt,
            Instant newDueAt,
            Channel returnChannel) {
        this(requestId, code, event, reason, target, stepDueAt, newDueAt, returnChannel, null);
    }

    public static TransitionCommand of(String requestId, String code, DossierEvent event, String reason) {
        return new TransitionCommand(requestId, code, event, reason, null, null, null, null);
    }

    /** The RPC name, which scopes request ids (one id per caller and operation). */
    public String operation() {
        return switch (event) {
            case ACCEPT -> "AcceptDossier";
            case REQUEST_PRE_SUPPLEMENT -> "RequestPreSupplement";
            case RESUBMIT -> "ResubmitDossier";
            case REJECT -> "RejectDossier";
            case TRANSFER -> "TransferDossier";
            case ASSIGN,
                    APPRAISE,
                    REQUEST_CONSULTATION,
                    ANSWER_CONSULTATION,
                    FORWARD_INTER_AGENCY,
                    SUBMIT_FOR_APPROVAL,
                    APPROVE -> "RecordProcessingStep";
            case REQUEST_SUPPLEMENT -> "RequestSupplement";
            case SUPPLEMENT_RECEIVED -> "ReceiveSupplement";
            case REFUSE -> "RefuseDossier";
            case APOLOGISE_AND_EXTEND -> "ExtendDeadline";
            case REQUIRE_FINANCIAL_OBLIGATION -> "RequireFinancialObligation";
            case OBLIGATION_FULFILLED -> "ConfirmFinancialObligation";
            case WITHDRAW -> "WithdrawDossier";
            case STOP -> "StopDossier";
            case ISSUE_RESULT -> "IssueResult";
            case RETURN_RESULT -> "ReturnResult";
            case SUBMIT_ONLINE, RECEIVE_AT_COUNTER, RECEIVE_BY_POST ->
                throw new IllegalArgumentException(
                        event + " creates a dossier; it is not a transition of an existing one");
        };
    }

    String fingerprint() {
        // without a hand-over the fingerprint is the one it always was, so retries across an upgrade still replay
        return handoverSignedAt == null
                ? RequestIdempotency.fingerprint(code, event, reason, target, stepDueAt, newDueAt, returnChannel)
                : RequestIdempotency.fingerprint(
                        code, event, reason, target, stepDueAt, newDueAt, returnChannel, handoverSignedAt);
    }
}
