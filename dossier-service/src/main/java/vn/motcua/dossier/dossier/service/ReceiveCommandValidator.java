package vn.motcua.dossier.dossier.service;

import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a reception before anything is written; reports every bad field at once. */
final class ReceiveCommandValidator {

    private static final Pattern PROCEDURE_CODE = Pattern.compile("[0-9A-Za-z.]{1,40}");
    private static final Pattern CITIZEN_ID = Pattern.compile("\\d{12}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .-]{8,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\p{Cf}]");

    private ReceiveCommandValidator() {
    }

    static void validate(ReceiveCommand command, Instant now) {
        List<FieldViolation> problems = new ArrayList<>();
        if (command.requestId() != null && !command.requestId().isEmpty()
                && !REQUEST_ID.matcher(command.requestId()).matches()) {
            problems.add(new FieldViolation("request_id", "1-128 characters of A-Z a-z 0-9 . _ : -"));
        }
        if (blank(command.procedureCode())) {
            problems.add(new FieldViolation("procedure_code", "is required"));
        } else if (!PROCEDURE_CODE.matcher(command.procedureCode()).matches()) {
            problems.add(new FieldViolation("procedure_code", "is not a procedure code"));
        }
        Applicant a = command.applicant();
        if (a == null) {
            problems.add(new FieldViolation("applicant", "is required"));
        } else {
            text(problems, "applicant.full_name", a.fullName(), true, 200);
            if (!blank(a.citizenId()) && !CITIZEN_ID.matcher(a.citizenId()).matches()) {
                problems.add(new FieldViolation("applicant.citizen_id", "must be exactly 12 digits"));
            }
            if (!blank(a.phone()) && !PHONE.matcher(a.phone()).matches()) {
                problems.add(new FieldViolation("applicant.phone", "is not a phone number"));
            }
            if (!blank(a.email()) && (a.email().length() > 254 || !EMAIL.matcher(a.email()).matches())) {
                problems.add(new FieldViolation("applicant.email", "is not an e-mail address"));
            }
            text(problems, "applicant.address", a.address(), false, 500);
        }
        text(problems, "note", command.note(), false, 1000);
        if (command.channel() == null) {
            problems.add(new FieldViolation("channel", "must be CHANNEL_COUNTER or CHANNEL_POSTAL"));
        } else if (command.channel() == Channel.POSTAL) {
            Instant signed = command.handoverSignedAt();
            if (signed == null) {
                problems.add(new FieldViolation("handover_signed_at", "is required for postal reception"));
            } else if (signed.isAfter(now.plus(Duration.ofMinutes(5)))
                    || signed.isBefore(now.minus(Duration.ofDays(30)))) {
                problems.add(new FieldViolation("handover_signed_at", "must be within the last 30 days"));
            }
        } else if (command.handoverSignedAt() != null) {
            problems.add(new FieldViolation("handover_signed_at", "is only for postal reception"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }

    private static void text(List<FieldViolation> problems, String field, String value, boolean required, int max) {
        if (blank(value)) {
            if (required) {
                problems.add(new FieldViolation(field, "is required"));
            }
        } else if (value.length() > max) {
            problems.add(new FieldViolation(field, "at most " + max + " characters"));
        } else if (CONTROL.matcher(value).find()) {
            problems.add(new FieldViolation(field, "contains control characters"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
