package vn.motcua.report.importer.domain;

import java.util.List;

/**
 * What an import did, as answered to the caller (and answered again, unchanged, to a repeat of its request id).
 *
 * @param rowsImported rows of batches that were applied
 * @param rowsRejected rows of batches that had an error and were not applied at all
 * @param errors       the first {@link ImportLimits#MAX_ERRORS} row errors, by line
 */
public record ImportResult(
        String importId,
        long rowsRead,
        long rowsImported,
        long rowsRejected,
        int batchesApplied,
        int batchesRejected,
        List<RowError> errors) {

    public ImportResult {
        errors = List.copyOf(errors);
    }
}
