package vn.motcua.report.submission.repository;

import java.time.Instant;
import java.time.LocalDate;
import vn.motcua.report.submission.domain.ReportKind;

/**
 * A report_submission row as stored.
 *
 * @param figuresJson the frozen report's canonical JSON; null when a listing did not read it
 */
public record SubmissionRecord(
        String id,
        String unitCode,
        String unitName,
        ReportKind kind,
        LocalDate periodFrom,
        LocalDate periodTo,
        int version,
        boolean consolidated,
        String submittedBy,
        Instant submittedAt,
        String reason,
        Instant deadline,
        boolean late,
        String figuresJson) {}
