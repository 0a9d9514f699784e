package vn.motcua.report.export.domain;

import java.util.List;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.submission.domain.ConsolidatedSource;
import vn.motcua.report.submission.domain.Submission;

/**
 * Everything an II.06a file prints: the figures, the unit it goes to, and for a frozen version or a consolidation
 * what was submitted. Files are rendered from this alone, and its canonical JSON is what the etag hashes, so two
 * documents that print the same give the same etag.
 *
 * @param recipientName "Đơn vị nhận báo cáo": the unit's parent (the configured national recipient for a root)
 * @param submission    SUBMITTED only
 * @param sources       CONSOLIDATED only: each direct child's version used, or missing
 */
public record ExportDocument(
        ExportSource source,
        II06aReport report,
        String recipientName,
        Submission submission,
        List<ConsolidatedSource> sources) {

    public ExportDocument {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
