package vn.motcua.dossier.dossier.service;

import java.util.Optional;

/**
 * digitization-service as the workflow needs it (issue 12): the electronic result attached to a dossier, which must
 * be there before the result is issued (see {@link ElectronicResultRule}). The grpc adapter implements it
 * (dossier.grpc.DigitizationServiceClient) with the caller's token, so digitization-service applies its own read
 * rules to the officer.
 */
public interface ElectronicResults {

    /**
     * The result digitization-service holds for the dossier, or empty when none is attached.
     *
     * @throws vn.motcua.platform.error.DomainException UNAVAILABLE / DOWNSTREAM_UNAVAILABLE (metadata service =
     *     digitization-service) when digitization-service cannot be reached in time; FAILED_PRECONDITION /
     *     RULE_VIOLATED (rule ELECTRONIC_RESULT_LOOKUP_REFUSED) when it refuses to answer
     */
    Optional<AttachedResult> attached(String dossierCode);

    /**
     * An attached result: its document and the verdict of its signature check, as digitization-service names it
     * (VALID, UNSIGNED, TAMPERED, UNTRUSTED, MALFORMED; empty when it gave none).
     */
    record AttachedResult(String documentId, String verdict) {

        public static final String VALID = "VALID";

        public boolean signatureValid() {
            return VALID.equals(verdict);
        }
    }
}
