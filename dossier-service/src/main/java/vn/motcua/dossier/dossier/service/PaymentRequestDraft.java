package vn.motcua.dossier.dossier.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;

/**
 * What dossier-service asks payment-service for when a dossier comes to owe fees (issue 11): the fee lines the
 * dossier's pinned procedure version lists, who pays, and where the payment belongs in the unit hierarchy.
 *
 * @param requestId             payment-service's idempotency key, derived from the workflow request (see
 *                              {@link #requestId})
 * @param dossierCode           the code clients see (the legal code once accepted)
 * @param unitCode              the receiving unit: its one-stop desk collects the fee and issues the receipt
 * @param payerCitizenId        empty when the applicant has none (an organisation)
 * @param onlineDiscountPercent the pinned version's online fee discount when the dossier was submitted online, else 0:
 *                              payment-service takes it off only when the payment is also made online
 * @param unitPath              the receiving unit's ancestry, root first, the unit itself last
 */
public record PaymentRequestDraft(
        String requestId,
        String dossierCode,
        String unitCode,
        String procedureCode,
        String payerName,
        String payerCitizenId,
        List<FeeLine> lines,
        int onlineDiscountPercent,
        List<String> unitPath) {

    public PaymentRequestDraft {
        lines = List.copyOf(lines);
        unitPath = List.copyOf(unitPath);
    }

    /**
     * One fee item in whole đồng.
     *
     * @param legalBasis the catalogue's legal basis of the fee item; empty where the catalogue has none
     */
    public record FeeLine(String name, long amountDong, String legalBasis) {}

    /**
     * The payment request a dossier owes under its pinned procedure version, or empty when it owes nothing: the
     * version lists no fee, or only exempt ones (amount 0, e.g. "Lệ phí đăng ký khai sinh đúng hạn (miễn)"), which
     * nobody can pay online. Then no payment request is made and the officer confirms by hand, as before.
     * <p>
     * The online discount rewards online submission (the province's online-payment target): a dossier received at
     * the counter or by post gets none, even if the applicant later pays online.
     */
    public static Optional<PaymentRequestDraft> forObligation(
            Dossier dossier, Procedure version, List<String> unitPath, String callerSubject, String workflowRequestId) {
        List<FeeLine> lines = version.fees().stream()
                .filter(fee -> fee.amountDong() > 0)
                .map(fee -> new FeeLine(fee.name(), fee.amountDong(), fee.legalBasis()))
                .toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Applicant applicant = dossier.applicant();
        return Optional.of(new PaymentRequestDraft(
                requestId(callerSubject, dossier.code(), workflowRequestId),
                dossier.publicCode(),
                dossier.receivingUnitCode(),
                dossier.procedureCode(),
                applicant == null || applicant.fullName() == null ? "" : applicant.fullName(),
                applicant == null || applicant.citizenId() == null ? "" : applicant.citizenId(),
                lines,
                dossier.channel() == Channel.ONLINE ? version.onlineFeeDiscountPercent() : 0,
                unitPath));
    }

    /**
     * payment-service's request_id for the payment request of one RequireFinancialObligation request: a name-based
     * UUID of the workflow request's own idempotency key (caller, operation, request id) and the dossier, so a
     * retried transition (the first attempt failed after payment-service answered, or its answer was lost) asks for
     * the same payment request again and payment-service returns the first one. A workflow request without an id
     * is not idempotent to begin with; its payment request gets a random id.
     */
    static String requestId(String callerSubject, String dossierCode, String workflowRequestId) {
        if (workflowRequestId == null || workflowRequestId.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String key = String.join("\u001f", "RequireFinancialObligation", callerSubject, dossierCode, workflowRequestId);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** What the applicant owes before any online discount. */
    public long totalDong() {
        return lines.stream().mapToLong(FeeLine::amountDong).sum();
    }
}
