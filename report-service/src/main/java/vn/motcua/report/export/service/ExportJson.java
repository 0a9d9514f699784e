package vn.motcua.report.export.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.report.export.domain.ExportDocument;
import vn.motcua.report.ii06a.service.CanonicalJson;
import vn.motcua.report.ii06a.service.II06aJson;
import vn.motcua.report.submission.domain.ConsolidatedSource;
import vn.motcua.report.submission.domain.Submission;

/**
 * The canonical JSON of an export document: the JSON export itself and what its etag hashes. It holds everything the
 * files print and nothing else (not the moment a live report was computed), so identical figures give identical bytes.
 */
public final class ExportJson {

    private ExportJson() {}

    public static String canonical(ExportDocument doc) {
        Map<String, Object> tree = new HashMap<>();
        tree.put("kind", "II06A");
        tree.put("source", doc.source().name());
        tree.put("recipient", doc.recipientName());
        tree.put("report", II06aJson.toTree(doc.report(), false));
        Submission s = doc.submission();
        if (s != null) {
            Map<String, Object> submission = new HashMap<>();
            submission.put("submissionId", s.id());
            submission.put("version", s.version());
            submission.put("submittedBy", s.submittedBy());
            submission.put("submittedAt", s.submittedAt().toString());
            submission.put("late", s.late());
            submission.put("reason", s.reason());
            tree.put("submission", submission);
        }
        if (!doc.sources().isEmpty()) {
            List<Object> sources = new ArrayList<>();
            for (ConsolidatedSource src : doc.sources()) {
                Map<String, Object> m = new HashMap<>();
                m.put("unitCode", src.unit().code());
                m.put("unitName", src.unit().name());
                m.put("missing", src.missing());
                m.put("version", src.version());
                m.put("submissionId", src.submissionId());
                m.put(
                        "submittedAt",
                        src.submittedAt() == null ? null : src.submittedAt().toString());
                m.put("late", src.late());
                sources.add(m);
            }
            tree.put("sources", sources);
        }
        return CanonicalJson.write(tree);
    }
}
