package vn.motcua.dossier.dossier.service;

import java.util.List;
import java.util.regex.Pattern;
import vn.motcua.dossier.common.PrintableText;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.DossierCode;
import vn.motcua.dossier.dossier.domain.SubmissionReference;
import vn.motcua.platform.error.FieldViolation;

/** Field rules shared by the command validators; each adds to a list so every bad field is reported at once. */
final class FieldChecks {

    static final Pattern PROCEDURE_CODE = Pattern.compile("[0-9A-Za-z.]{1,40}");
    static final Pattern UNIT_CODE = Pattern.compile("[0-9A-Za-z.]{1,32}");
    /**
     * A note the caller adds to a reception, an online submission, a resubmission, a received supplement, a
     * processing step, or the issued result: a remark, at most 1000 characters. (A reason is longer: see
     * WorkflowCommandValidator.)
     */
    static final int NOTE_MAX = 1000;

    private static final Pattern CITIZEN_ID = Pattern.compile("\\d{12}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .-]{8,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private FieldChecks() {}

    /** request_id is optional; when present it must be harmless in logs and keys. */
    static void requestId(List<FieldViolation> problems, String requestId) {
        if (!blank(requestId) && !REQUEST_ID.matcher(requestId).matches()) {
            problems.add(new FieldViolation("request_id", "1-128 characters of A-Z a-z 0-9 . _ : -"));
        }
    }

    static void dossierCode(List<FieldViolation> problems, String code) {
        if (!DossierCode.looksValid(code) && !SubmissionReference.looksValid(code)) {
            problems.add(new FieldViolation(
                    "code", "is not a dossier code (<agency>-YYMMDD-NNNN) or submission reference (TN-YYMMDD-…)"));
        }
    }

    static void code(List<FieldViolation> problems, String field, String value, Pattern shape, String what) {
        if (blank(value)) {
            problems.add(new FieldViolation(field, "is required"));
        } else if (!shape.matcher(value).matches()) {
            problems.add(new FieldViolation(field, "is not " + what));
        }
    }

    /** The applicant as typed: a name, and well-formed optional contact data. */
    static void applicant(List<FieldViolation> problems, Applicant a) {
        if (a == null) {
            problems.add(new FieldViolation("applicant", "is required"));
            return;
        }
        text(problems, "applicant.full_name", a.fullName(), true, 200);
        if (!blank(a.citizenId()) && !CITIZEN_ID.matcher(a.citizenId()).matches()) {
            problems.add(new FieldViolation("applicant.citizen_id", "must be exactly 12 digits"));
        }
        if (!blank(a.phone()) && !PHONE.matcher(a.phone()).matches()) {
            problems.add(new FieldViolation("applicant.phone", "is not a phone number"));
        }
        if (!blank(a.email())
                && (a.email().length() > 254 || !EMAIL.matcher(a.email()).matches())) {
            problems.add(new FieldViolation("applicant.email", "is not an e-mail address"));
        }
        text(problems, "applicant.address", a.address(), false, 500);
    }

    /**
     * Free text: optional or required, at most max characters (code points, as the VARCHAR columns count them, so
     * an emoji is one), only {@link PrintableText} (line breaks allowed).
     */
    static void text(List<FieldViolation> problems, String field, String value, boolean required, int max) {
        if (blank(value)) {
            if (required) {
                problems.add(new FieldViolation(field, "is required"));
            }
        } else if (value.codePointCount(0, value.length()) > max) {
            problems.add(new FieldViolation(field, "at most " + max + " characters"));
        } else if (!PrintableText.isPrintable(value)) {
            problems.add(new FieldViolation(field, "contains control, invisible or unprintable characters"));
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String blankToNull(String value) {
        return blank(value) ? null : value;
    }
}
