package vn.motcua.dossier.dossier.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * Issue 12: the electronic result of a dossier (a signed PDF, attached in digitization-service) is there before the
 * dossier's result is issued (IssueResult, T15, the only verb that reaches RESULT_READY). digitization-service
 * attaches only a PDF whose signature verifies as VALID; the verdict is checked again here so that a result recorded
 * any other way never counts. Verbs that end a dossier without a result (refuse, stop, withdraw) are not concerned.
 * A deployment that issues paper results only turns the rule off
 * ({@code motcua.dossier.result.require-electronic-result: false}).
 */
public final class ElectronicResultRule {

    public static final String RULE = "ELECTRONIC_RESULT_ATTACHED";

    private ElectronicResultRule() {}

    /**
     * Passes when a result is attached and its signature is VALID.
     *
     * @throws DomainException FAILED_PRECONDITION / RULE_VIOLATED (rule {@value #RULE}; metadata verdict when a
     *     result is attached) otherwise
     */
    public static void requireAttached(String dossierCode, Optional<ElectronicResults.AttachedResult> result) {
        if (result.isEmpty()) {
            throw new DomainException(
                    ErrorKind.FAILED_PRECONDITION,
                    ErrorReason.RULE_VIOLATED,
                    "dossier " + dossierCode + " has no electronic result attached: attach the signed result PDF"
                            + " (digitization of the dossier) before issuing the result",
                    Map.of("rule", RULE),
                    List.of());
        }
        ElectronicResults.AttachedResult attached = result.get();
        if (!attached.signatureValid()) {
            String verdict =
                    attached.verdict() == null || attached.verdict().isBlank() ? "UNKNOWN" : attached.verdict();
            throw new DomainException(
                    ErrorKind.FAILED_PRECONDITION,
                    ErrorReason.RULE_VIOLATED,
                    "the electronic result attached to dossier " + dossierCode + " has signature verdict " + verdict
                            + ", not VALID: attach a validly signed result PDF before issuing the result",
                    Map.of("rule", RULE, "verdict", verdict, "document_id", nullToEmpty(attached.documentId())),
                    List.of());
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
