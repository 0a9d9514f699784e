package vn.motcua.report.export.service;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.report.export.domain.Etags;
import vn.motcua.report.export.domain.ExportDocument;
import vn.motcua.report.export.domain.ExportNames;
import vn.motcua.report.export.domain.ExportSource;
import vn.motcua.report.export.domain.FileFormat;
import vn.motcua.report.export.domain.ReportFile;
import vn.motcua.report.ii06a.domain.II06aGrouping;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.service.II06aReportService;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.scope.repository.UnitTreeRepository;
import vn.motcua.report.scope.service.UnitNode;
import vn.motcua.report.submission.domain.Consolidation;
import vn.motcua.report.submission.domain.ReportKind;
import vn.motcua.report.submission.domain.Submission;
import vn.motcua.report.submission.service.SubmissionService;

/**
 * ExportReport: a report as a file. II.06a from the live figures, a frozen version or a consolidation, as XLSX, CSV or
 * JSON; Decision 766 scores are rendered by the indicator feature. The etag is derived from what the file prints, so
 * a client holding it is answered "not modified" without the file being rendered again.
 */
@Singleton
public class ExportService {

    /** The file, or only its etag when the client's If-None-Match already matches it. */
    public record Outcome(ReportFile file, boolean notModified) {}

    private final II06aReportService ii06a;
    private final SubmissionService submissions;
    private final IndicatorExport indicatorExport;
    private final UnitTreeRepository units;
    private final ExportSettings settings;

    public ExportService(
            II06aReportService ii06a,
            SubmissionService submissions,
            IndicatorExport indicatorExport,
            UnitTreeRepository units,
            ExportSettings settings) {
        this.ii06a = ii06a;
        this.submissions = submissions;
        this.indicatorExport = indicatorExport;
        this.units = units;
        this.settings = settings;
    }

    /** What the caller asked for; null members are the request's unset fields. */
    public record Request(
            String unitCode,
            ReportKind kind,
            PeriodSpec period,
            FileFormat format,
            ExportSource source,
            String submissionId,
            II06aGrouping grouping,
            String ifNoneMatch) {}

    /**
     * @throws DomainException INVALID_ARGUMENT (kind, format, grouping, source, period.*), NOT_FOUND (unit outside the
     *                         caller's subtree, unknown or foreign submission, nothing submitted yet),
     *                         FAILED_PRECONDITION (766 scores are not submitted; consolidation of a unit without
     *                         children)
     */
    public Outcome export(Caller caller, Request request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.kind() == null) {
            violations.add(new FieldViolation("kind", "is required (REPORT_KIND_II06A or REPORT_KIND_INDICATORS_766)"));
        }
        if (request.format() == null) {
            violations.add(new FieldViolation("format", "is required (XLSX, CSV or JSON)"));
        }
        ExportSource source = request.source() == null ? ExportSource.LIVE : request.source();
        boolean hasId =
                request.submissionId() != null && !request.submissionId().isBlank();
        if (hasId && source != ExportSource.SUBMITTED) {
            violations.add(new FieldViolation("submission_id", "only goes with source SUBMITTED"));
        }
        if (source != ExportSource.LIVE && request.grouping() == II06aGrouping.FIELD) {
            violations.add(new FieldViolation("grouping", "frozen and consolidated reports are by unit only"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        if (request.kind() == ReportKind.INDICATORS_766) {
            if (source != ExportSource.LIVE) {
                throw DomainException.ruleViolated(
                        "II06A_ONLY_IS_SUBMITTED",
                        "Decision 766 scores are computed in real time and never submitted: export them LIVE");
            }
            ReportFile file =
                    indicatorExport.render(caller, request.unitCode(), request.period(), true, request.format());
            return outcome(file, request.ifNoneMatch());
        }
        ExportDocument doc = document(caller, request, source, hasId);
        String json = ExportJson.canonical(doc);
        String etag = Etags.of("II06A", request.format(), json);
        String fileName = ExportNames.fileName(doc, request.format());
        if (Etags.matches(request.ifNoneMatch(), etag)) {
            return new Outcome(new ReportFile(new byte[0], request.format().contentType(), fileName, etag), true);
        }
        byte[] content = switch (request.format()) {
            case XLSX -> II06aXlsx.render(doc);
            case CSV -> II06aCsv.render(doc);
            case JSON -> json.getBytes(StandardCharsets.UTF_8);
        };
        return new Outcome(new ReportFile(content, request.format().contentType(), fileName, etag), false);
    }

    private ExportDocument document(Caller caller, Request request, ExportSource source, boolean hasId) {
        return switch (source) {
            case LIVE -> {
                II06aReport report = ii06a.report(
                        caller,
                        request.unitCode(),
                        request.period(),
                        request.grouping() == null ? II06aGrouping.UNIT : request.grouping());
                yield new ExportDocument(source, report, recipient(report.unit().code()), null, List.of());
            }
            case SUBMITTED -> {
                Submission s = hasId
                        ? submissions.get(caller, request.submissionId())
                        : submissions.latest(caller, request.unitCode(), request.kind(), request.period());
                yield new ExportDocument(source, s.figures(), recipient(s.unit().code()), s, List.of());
            }
            case CONSOLIDATED -> {
                Consolidation c =
                        submissions.consolidation(caller, request.unitCode(), request.kind(), request.period());
                yield new ExportDocument(source, c.figures(), recipient(c.unit().code()), null, c.sources());
            }
        };
    }

    /** The unit's parent as unit_dim names it; the configured national recipient for a root. */
    private String recipient(String unitCode) {
        String parent = units.find(unitCode).map(UnitNode::parent).orElse(null);
        if (parent == null || parent.isBlank()) {
            return settings.rootRecipient();
        }
        return units.find(parent).map(UnitNode::name).orElse(parent);
    }

    private static Outcome outcome(ReportFile file, String ifNoneMatch) {
        if (Etags.matches(ifNoneMatch, file.etag())) {
            return new Outcome(new ReportFile(new byte[0], file.contentType(), file.fileName(), file.etag()), true);
        }
        return new Outcome(file, false);
    }
}
