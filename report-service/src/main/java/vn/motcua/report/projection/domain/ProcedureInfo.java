package vn.motcua.report.projection.domain;

/**
 * What a dossier's counters take from the procedure dimension: the field (lĩnh vực) of the version it was filed
 * under (the latest published version when that one is unknown; '' when the procedure is unknown, shown as "Khác"),
 * and whether the procedure requires a paper result (766 indicators 3.3 and 4.1).
 */
public record ProcedureInfo(String fieldCode, boolean requiresPaperResult) {

    public static final ProcedureInfo UNKNOWN = new ProcedureInfo("", false);

    public ProcedureInfo {
        fieldCode = fieldCode == null ? "" : fieldCode;
    }
}
