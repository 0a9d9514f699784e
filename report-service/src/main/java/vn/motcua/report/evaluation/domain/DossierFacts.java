package vn.motcua.report.evaluation.domain;

/**
 * What MotCua knows of one dossier for Circular 01/2018 Art 13 (raw values: the scoring is {@link Circular01}'s).
 *
 * @param timeliness         EARLY, ON_TIME, LATE (the II.06a classification against the original due) or OPEN
 * @param resultKind         null while open
 * @param ratingAgencies     the applicant's rating of "number of agencies contacted", 1 (poor) to 5; null or 0 when
 *                           not rated
 * @param staffFeedback      a PAKN about staff behaviour names this dossier
 */
public record DossierFacts(
        String timeliness,
        String resultKind,
        String channel,
        int supplementRequests,
        Integer ratingAgencies,
        boolean requiresPaperResult,
        boolean resultElectronic,
        boolean staffFeedback) {}
