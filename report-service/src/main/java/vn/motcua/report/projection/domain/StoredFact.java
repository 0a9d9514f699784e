package vn.motcua.report.projection.domain;

/**
 * A dossier_fact row: the fact, what the projection keeps beside it, and what it derived.
 *
 * @param preSupplementRequests supplement requests before reception (already included in the fact's total)
 * @param fieldCode             the field the procedure dimension gave it when last computed
 * @param counted               what the row currently adds to the counters ({@link Contribution#NONE} if nothing)
 * @param updatedSeq            seq of the last dossier event applied (0 for an import)
 */
public record StoredFact(
        DossierFact fact,
        int preSupplementRequests,
        String fieldCode,
        Timeliness timeliness,
        boolean onTime766,
        Contribution counted,
        long updatedSeq) {}
