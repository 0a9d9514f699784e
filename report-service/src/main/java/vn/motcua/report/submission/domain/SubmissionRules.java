package vn.motcua.report.submission.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.report.period.domain.ResolvedPeriod;
import vn.motcua.report.reception.domain.LocalDates;

/** What a submission must satisfy before anything is frozen. */
public final class SubmissionRules {

    /** Characters (code points, as the VARCHAR(1000) column counts them). */
    public static final int MAX_REASON_LENGTH = 1000;

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private SubmissionRules() {}

    /** The reason as stored: stripped, null when blank. */
    public static String normalizeReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        return reason.strip();
    }

    /** Length problems, whatever the version (checked before anything is read). */
    public static List<FieldViolation> reasonLength(String reason) {
        List<FieldViolation> violations = new ArrayList<>();
        if (reason != null && reason.codePointCount(0, reason.length()) > MAX_REASON_LENGTH) {
            violations.add(new FieldViolation("reason", "must be at most " + MAX_REASON_LENGTH + " characters"));
        }
        return violations;
    }

    /**
     * A correction must say why (issue 13: "who/when/why").
     *
     * @throws DomainException INVALID_ARGUMENT on "reason" for version 2 on without one
     */
    public static void requireReasonForCorrection(int version, String normalizedReason) {
        if (version > 1 && normalizedReason == null) {
            throw DomainException.invalid(
                    "reason", "is required for a correction (version " + version + "): say what changed and why");
        }
    }

    /**
     * A period is submitted once it is over in Asia/Ho_Chi_Minh: from the day after its last day.
     *
     * @throws DomainException INVALID_ARGUMENT on "period" while it is not
     */
    public static void requirePeriodOver(ResolvedPeriod period, Instant now) {
        LocalDate today = now.atZone(LocalDates.ZONE).toLocalDate();
        if (!today.isAfter(period.to())) {
            throw DomainException.invalid(
                    "period",
                    "ends on " + VN_DATE.format(period.to()) + " and can be submitted from "
                            + VN_DATE.format(period.endExclusive()));
        }
    }
}
