package vn.motcua.dossier.feedback.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.motcua.dossier.common.PrintableText;
import vn.motcua.dossier.dossier.domain.DossierCode;
import vn.motcua.dossier.dossier.domain.SubmissionReference;
import vn.motcua.dossier.unit.domain.AdminInput;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/**
 * Field rules of the feedback commands. Collects every problem so that one INVALID_ARGUMENT names all bad fields;
 * free text may contain line breaks and tabs but no other control or format characters.
 */
final class FeedbackValidator {

    static final int TITLE_MAX = 300;
    static final int CONTENT_MAX = 10_000;
    static final int NOTE_MAX = 2_000;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern FEEDBACK_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");
    /** Control characters other than line feed, carriage return and tab, and Unicode format characters. */
    private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\t]");

    private final List<FieldViolation> problems = new ArrayList<>();

    private FeedbackValidator() {}

    static void submit(SubmitFeedbackCommand c) {
        FeedbackValidator v = new FeedbackValidator().requestId(c.requestId());
        v.unitCode("unit_code", c.unitCode(), true);
        v.text("title", c.title(), true, TITLE_MAX, true);
        v.text("content", c.content(), true, CONTENT_MAX, false);
        v.text("sender_name", c.senderName(), true, 200, true);
        v.text("sender_address", c.senderAddress(), false, 500, true);
        v.text("sender_contact", c.senderContact(), false, 200, true);
        // an online dossier is known by its submission reference until it is accepted (ADR 0004): feedback about it
        // names whichever identifier the citizen has
        if (!blank(c.dossierCode())
                && !DossierCode.looksValid(c.dossierCode())
                && !SubmissionReference.looksValid(c.dossierCode())) {
            v.problems.add(new FieldViolation(
                    "dossier_code",
                    "is not a dossier code (<agency>-YYMMDD-NNNN) or submission reference (TN-YYMMDD-…)"));
        }
        v.done();
    }

    /** A step on an existing feedback: request id, feedback id and the step's own texts. */
    static FeedbackValidator step(String requestId, String id) {
        FeedbackValidator v = new FeedbackValidator().requestId(requestId);
        if (blank(id)) {
            v.problems.add(new FieldViolation("id", "is required"));
        } else if (!FEEDBACK_ID.matcher(id).matches()) {
            v.problems.add(new FieldViolation("id", "is not a feedback id"));
        }
        return v;
    }

    static void publicUnit(String unitCode) {
        FeedbackValidator v = new FeedbackValidator();
        v.unitCode("unit_code", unitCode, false);
        v.done();
    }

    FeedbackValidator required(String field, Object value) {
        if (value == null) {
            problems.add(new FieldViolation(field, "is required"));
        }
        return this;
    }

    FeedbackValidator text(String field, String value, boolean required, int max, boolean singleLine) {
        if (blank(value)) {
            if (required) {
                problems.add(new FieldViolation(field, "is required"));
            }
        } else if (value.codePointCount(0, value.length()) > max) {
            problems.add(new FieldViolation(field, "at most " + max + " characters"));
        } else if (!PrintableText.isPrintable(value)
                || (singleLine && LINE_BREAK.matcher(value).find())) {
            problems.add(new FieldViolation(
                    field, singleLine ? "must be one line without control characters" : "contains control characters"));
        }
        return this;
    }

    void done() {
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }

    private FeedbackValidator requestId(String requestId) {
        if (!blank(requestId) && !REQUEST_ID.matcher(requestId).matches()) {
            problems.add(new FieldViolation("request_id", "1-128 characters of A-Z a-z 0-9 . _ : -"));
        }
        return this;
    }

    private void unitCode(String field, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                problems.add(new FieldViolation(field, "is required"));
            }
        } else if (!AdminInput.UNIT_CODE.matcher(value).matches()) {
            problems.add(new FieldViolation(field, "is not a unit code"));
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String blankToNull(String value) {
        return blank(value) ? null : value;
    }
}
