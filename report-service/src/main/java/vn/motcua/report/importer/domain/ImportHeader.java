package vn.motcua.report.importer.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/**
 * The first message of an import, checked: the unit whose subtree every row must be in, the format, the caller's
 * idempotency key and the rows per all-or-nothing batch.
 */
public record ImportHeader(String unitCode, ImportFormat format, String requestId, int batchSize) {

    static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /**
     * @param format    null when the client left it unspecified
     * @param batchSize 0 means the default
     * @throws DomainException INVALID_ARGUMENT listing every bad field
     */
    public static ImportHeader checked(String unitCode, ImportFormat format, String requestId, int batchSize) {
        List<FieldViolation> violations = new ArrayList<>();
        String unit = unitCode == null ? "" : unitCode.strip();
        if (unit.isEmpty()) {
            violations.add(new FieldViolation("header.unit_code", "required: the unit whose dossiers are imported"));
        } else if (unit.length() > ImportLimits.MAX_UNIT_CODE
                || !UNIT_CODE.matcher(unit).matches()) {
            violations.add(new FieldViolation("header.unit_code", "not a unit code"));
        }
        if (format == null) {
            violations.add(
                    new FieldViolation("header.format", "required: IMPORT_FORMAT_JSON_LINES or IMPORT_FORMAT_CSV"));
        }
        String id = requestId == null ? "" : requestId;
        if (id.isBlank()) {
            violations.add(new FieldViolation(
                    "header.request_id", "required: a repeat with the same id answers the first import's result"));
        } else if (id.length() > ImportLimits.MAX_REQUEST_ID) {
            violations.add(
                    new FieldViolation("header.request_id", "at most " + ImportLimits.MAX_REQUEST_ID + " characters"));
        }
        if (batchSize < 0 || batchSize > ImportLimits.MAX_BATCH_SIZE) {
            violations.add(new FieldViolation(
                    "header.batch_size",
                    "between 1 and " + ImportLimits.MAX_BATCH_SIZE + " (0 means " + ImportLimits.DEFAULT_BATCH_SIZE
                            + ")"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        return new ImportHeader(unit, format, id, batchSize == 0 ? ImportLimits.DEFAULT_BATCH_SIZE : batchSize);
    }
}
