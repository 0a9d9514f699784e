package vn.motcua.report.submission.repository;

import java.time.Instant;

/**
 * A report_submission_source row with what it points at.
 *
 * @param childSubmissionId null when the child had not submitted; then the child fields below are null or 0 too
 */
public record SourceRecord(
        String childUnitCode,
        String childUnitName,
        String childSubmissionId,
        int childVersion,
        Instant childSubmittedAt,
        boolean childLate) {}
