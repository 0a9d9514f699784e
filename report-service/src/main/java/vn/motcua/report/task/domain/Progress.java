package vn.motcua.report.task.domain;

import java.time.Instant;
import java.util.List;

/** A progress report of an assigned unit. */
public record Progress(
        String id,
        String taskId,
        String unitCode,
        String text,
        int percent,
        List<String> documentIds,
        String reportedBy,
        Instant reportedAt) {

    public Progress {
        documentIds = List.copyOf(documentIds);
    }
}
