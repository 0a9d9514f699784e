package vn.motcua.dossier.catalog.domain;

import java.time.LocalDate;
import java.util.List;
import vn.motcua.dossier.catalog.Procedure;

/**
 * One stored version of a procedure with its publication facts.
 *
 * @param publicationDecision quyết định công bố, null until published
 * @param publishedOn         date of that decision, null until published
 * @param effectiveOn         date the legal basis takes effect
 */
public record ProcedureVersion(
        Procedure procedure,
        PublicationState state,
        String publicationDecision,
        LocalDate publishedOn,
        LocalDate effectiveOn,
        boolean requiresPaperResult,
        List<ReceivingUnit> receivingUnits) {

    public ProcedureVersion {
        receivingUnits = List.copyOf(receivingUnits);
    }

    public String code() {
        return procedure.code();
    }

    public int version() {
        return procedure.version();
    }

    public List<String> receivingUnitCodes() {
        return receivingUnits.stream().map(ReceivingUnit::unitCode).toList();
    }
}
