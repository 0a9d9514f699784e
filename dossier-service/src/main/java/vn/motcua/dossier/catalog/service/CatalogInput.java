package vn.motcua.dossier.catalog.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.motcua.dossier.catalog.domain.DraftRules;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/** Checks of request fields outside a draft, and the INVALID_ARGUMENT answer to them. */
final class CatalogInput {

    /**
     * At most this many violations go back: they travel in the status trailers, which gRPC clients cap at 8 KiB,
     * and a bad 2,000-row file can have many thousands.
     */
    static final int MAX_REPORTED = 20;

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private CatalogInput() {}

    static void requestId(List<FieldViolation> problems, String requestId) {
        if (requestId != null
                && !requestId.isEmpty()
                && !REQUEST_ID.matcher(requestId).matches()) {
            problems.add(new FieldViolation("request_id", "1-128 characters of A-Z a-z 0-9 . _ : -"));
        }
    }

    static void procedureCode(List<FieldViolation> problems, String field, String code) {
        if (code == null || code.isBlank()) {
            problems.add(new FieldViolation(field, "is required"));
        } else if (!DraftRules.PROCEDURE_CODE.matcher(code).matches()) {
            problems.add(new FieldViolation(field, "is not a TTHC code such as 1.001193 or 1.004194.000.00.00.H12"));
        }
    }

    static DraftRules.Problems into(List<FieldViolation> problems) {
        return (field, description) -> problems.add(new FieldViolation(field, description));
    }

    /** Throws INVALID_ARGUMENT with the first {@link #MAX_REPORTED} problems, if there are any. */
    static void refuseIfAny(List<FieldViolation> problems) {
        if (problems.isEmpty()) {
            return;
        }
        if (problems.size() <= MAX_REPORTED) {
            throw DomainException.invalid(problems);
        }
        List<FieldViolation> shown = new ArrayList<>(problems.subList(0, MAX_REPORTED));
        shown.add(new FieldViolation("content", (problems.size() - MAX_REPORTED) + " more problems not listed"));
        throw DomainException.invalid(shown);
    }
}
