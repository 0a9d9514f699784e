package vn.motcua.report.submission.service;

import jakarta.inject.Singleton;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.platform.ids.RandomCodes;
import vn.motcua.report.ii06a.domain.II06aCounts;
import vn.motcua.report.ii06a.domain.II06aGrouping;
import vn.motcua.report.ii06a.domain.II06aInvariants;
import vn.motcua.report.ii06a.domain.II06aReport;
import vn.motcua.report.ii06a.domain.II06aRollUp;
import vn.motcua.report.ii06a.domain.ReportUnit;
import vn.motcua.report.ii06a.service.II06aJson;
import vn.motcua.report.ii06a.service.II06aReportService;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.period.domain.ResolvedPeriod;
import vn.motcua.report.scope.service.ReportScope;
import vn.motcua.report.scope.service.UnitNode;
import vn.motcua.report.submission.domain.ConsolidatedSource;
import vn.motcua.report.submission.domain.Consolidation;
import vn.motcua.report.submission.domain.DiffEntry;
import vn.motcua.report.submission.domain.ReportDiff;
import vn.motcua.report.submission.domain.ReportKind;
import vn.motcua.report.submission.domain.Submission;
import vn.motcua.report.submission.domain.SubmissionRules;
import vn.motcua.report.submission.repository.SourceRecord;
import vn.motcua.report.submission.repository.SubmissionRecord;
import vn.motcua.report.submission.repository.SubmissionRepository;

/**
 * Frozen, versioned submissions (issue 13 item 6). A unit_leader freezes their unit's II.06a for a period that is
 * over; a unit with children freezes the consolidation of its direct children's latest submitted versions plus its own
 * dossiers. A correction is the next version, with a reason and a diff against the previous one; nothing frozen is
 * ever changed.
 */
@Singleton
public class SubmissionService {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionService.class);

    private final ReportScope scope;
    private final II06aReportService ii06a;
    private final SubmissionRepository submissions;
    private final SubmissionSettings settings;
    private final SubmissionClock clock;

    public SubmissionService(
            ReportScope scope,
            II06aReportService ii06a,
            SubmissionRepository submissions,
            SubmissionSettings settings,
            SubmissionClock clock) {
        this.scope = scope;
        this.ii06a = ii06a;
        this.submissions = submissions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param kind null when the request named none
     * @throws DomainException PERMISSION_DENIED without unit_leader; NOT_FOUND outside the caller's subtree;
     *                         INVALID_ARGUMENT (kind, period.*, reason) for bad input or a period not over yet;
     *                         FAILED_PRECONDITION for the 766 kind; ABORTED (CONCURRENT_UPDATE) when another leader
     *                         froze the same version first
     */
    public Submission submit(Caller caller, String unitCode, ReportKind kind, PeriodSpec period, String reason) {
        UnitNode unit = scope.actingFor(caller, Roles.UNIT_LEADER, unitCode);
        List<FieldViolation> violations = new ArrayList<>(SubmissionRules.reasonLength(reason));
        ResolvedPeriod resolved = validKindAndPeriod(kind, period, violations);
        Instant now = clock.now();
        SubmissionRules.requirePeriodOver(resolved, now);
        String why = SubmissionRules.normalizeReason(reason);

        List<UnitNode> subtree = scope.readableSubtree(caller, unit.code());
        ReportUnit self = II06aReportService.toReportUnit(subtree.get(0));
        List<ReportUnit> children = directChildren(subtree);
        Optional<SubmissionRecord> previous =
                submissions.latest(unit.code(), ReportKind.II06A, resolved.from(), resolved.to());
        int version = previous.map(p -> p.version() + 1).orElse(1);
        SubmissionRules.requireReasonForCorrection(version, why);

        II06aReport figures;
        List<ConsolidatedSource> sources;
        if (children.isEmpty()) {
            figures = ii06a.compute(subtree, resolved, II06aGrouping.UNIT);
            sources = List.of();
        } else {
            Consolidation consolidation = consolidate(self, children, resolved);
            figures = consolidation.figures();
            sources = consolidation.sources();
        }
        // stamped with the submission time: the figures are as of this moment and stay so
        II06aReport frozen = new II06aReport(
                figures.unit(),
                figures.period(),
                figures.grouping(),
                figures.rows(),
                figures.total(),
                figures.timelinessRule(),
                now);
        List<DiffEntry> diff = previous.map(p -> ReportDiff.between(II06aJson.read(p.figuresJson()), frozen))
                .orElse(List.of());
        boolean consolidated = !children.isEmpty();
        Instant deadline = settings.deadlines().deadline(resolved.to(), consolidated);
        Submission submission = new Submission(
                RandomCodes.base32(20),
                self,
                ReportKind.II06A,
                resolved,
                version,
                caller.username(),
                now,
                why,
                now.isAfter(deadline),
                deadline,
                frozen,
                sources,
                diff);
        try {
            submissions.insert(
                    new SubmissionRecord(
                            submission.id(),
                            self.code(),
                            self.name(),
                            ReportKind.II06A,
                            resolved.from(),
                            resolved.to(),
                            version,
                            consolidated,
                            submission.submittedBy(),
                            now,
                            why,
                            deadline,
                            submission.late(),
                            II06aJson.write(frozen, true)),
                    sources.stream()
                            .map(s -> new SourceRecord(
                                    s.unit().code(), s.unit().name(), s.submissionId(), s.version(), null, false))
                            .toList(),
                    diff);
        } catch (RuntimeException e) {
            if (lostRace(e)) {
                throw DomainException.of(
                        ErrorKind.ABORTED,
                        ErrorReason.CONCURRENT_UPDATE,
                        "version " + version + " of this report was submitted by someone else at the same time;"
                                + " reload it and submit again if a correction is still needed");
            }
            throw e;
        }
        LOG.info(
                "report submitted: unit={} period={}..{} version={} by={} late={}",
                self.code(),
                resolved.from(),
                resolved.to(),
                version,
                submission.submittedBy(),
                submission.late());
        return submission;
    }

    /** Versions of a unit's report for a period, newest first, with sources but without figures and diff. */
    public List<Submission> list(Caller caller, String unitCode, ReportKind kind, PeriodSpec period) {
        UnitNode unit = scope.readable(caller, unitCode);
        ResolvedPeriod resolved = validKindAndPeriod(kind, period, new ArrayList<>());
        List<Submission> found = new ArrayList<>();
        for (SubmissionRecord r : submissions.list(unit.code(), ReportKind.II06A, resolved.from(), resolved.to())) {
            found.add(toSubmission(r, null, List.of(), II06aReportService.toReportUnit(unit), resolved));
        }
        return found;
    }

    /**
     * @throws DomainException NOT_FOUND for an unknown id or a submission of a unit outside the caller's subtree
     */
    public Submission get(Caller caller, String submissionId) {
        if (submissionId == null || submissionId.isBlank()) {
            throw DomainException.invalid("submission_id", "is required");
        }
        SubmissionRecord record = submissions
                .find(submissionId.strip())
                .orElseThrow(() -> DomainException.notFound("submission " + submissionId.strip()));
        try {
            scope.readable(caller, record.unitCode());
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                // the same answer as an unknown id: a foreign submission's unit is not revealed
                throw DomainException.notFound("submission " + submissionId.strip());
            }
            throw e;
        }
        return withFigures(record);
    }

    /** The latest version of a unit's report for a period. */
    public Submission latest(Caller caller, String unitCode, ReportKind kind, PeriodSpec period) {
        UnitNode unit = scope.readable(caller, unitCode);
        ResolvedPeriod resolved = validKindAndPeriod(kind, period, new ArrayList<>());
        SubmissionRecord record = submissions
                .latest(unit.code(), ReportKind.II06A, resolved.from(), resolved.to())
                .orElseThrow(() -> DomainException.notFound(
                        "submitted report of unit " + unit.code() + " for " + resolved.label()));
        return withFigures(record);
    }

    /**
     * A parent's consolidation now: its direct children's latest versions (or missing) and the summed figures.
     *
     * @throws DomainException FAILED_PRECONDITION for a unit without children
     */
    public Consolidation consolidation(Caller caller, String unitCode, ReportKind kind, PeriodSpec period) {
        UnitNode unit = scope.readable(caller, unitCode);
        ResolvedPeriod resolved = validKindAndPeriod(kind, period, new ArrayList<>());
        List<UnitNode> subtree = scope.readableSubtree(caller, unit.code());
        List<ReportUnit> children = directChildren(subtree);
        if (children.isEmpty()) {
            throw DomainException.ruleViolated(
                    "UNIT_HAS_CHILDREN",
                    "unit " + unit.code() + " has no units below it: there is nothing to consolidate;"
                            + " read its submissions or its live report instead");
        }
        return consolidate(II06aReportService.toReportUnit(subtree.get(0)), children, resolved);
    }

    private Consolidation consolidate(ReportUnit unit, List<ReportUnit> children, ResolvedPeriod period) {
        Map<String, SubmissionRecord> latest = submissions.latestOf(
                children.stream().map(ReportUnit::code).toList(), ReportKind.II06A, period.from(), period.to());
        List<ConsolidatedSource> sources = new ArrayList<>();
        List<II06aReport> submitted = new ArrayList<>();
        for (ReportUnit child : children) {
            SubmissionRecord record = latest.get(child.code());
            if (record == null) {
                sources.add(ConsolidatedSource.missing(child));
            } else {
                sources.add(new ConsolidatedSource(
                        child, record.version(), record.id(), record.submittedAt(), record.late(), false));
                submitted.add(II06aJson.read(record.figuresJson()));
            }
        }
        II06aCounts own = ii06a.ownCounts(unit.code(), period);
        II06aRollUp.Rows rows = II06aRollUp.consolidate(unit, own, submitted);
        II06aReport figures = new II06aReport(
                unit.atDepth(0, null),
                period,
                II06aGrouping.UNIT,
                rows.rows(),
                rows.total(),
                ii06a.timelinessRule(),
                clock.now());
        II06aInvariants.check(figures);
        II06aRollUp.checkTotals(figures);
        return new Consolidation(unit, period, sources, figures);
    }

    private Submission withFigures(SubmissionRecord record) {
        II06aReport figures = II06aJson.read(record.figuresJson());
        return toSubmission(record, figures, submissions.diff(record.id()), figures.unit(), figures.period());
    }

    private Submission toSubmission(
            SubmissionRecord r, II06aReport figures, List<DiffEntry> diff, ReportUnit unit, ResolvedPeriod period) {
        List<ConsolidatedSource> sources = new ArrayList<>();
        for (SourceRecord s : submissions.sources(r.id())) {
            ReportUnit child = new ReportUnit(s.childUnitCode(), s.childUnitName(), 0, r.unitCode(), 1);
            sources.add(
                    s.childSubmissionId() == null
                            ? ConsolidatedSource.missing(child)
                            : new ConsolidatedSource(
                                    child,
                                    s.childVersion(),
                                    s.childSubmissionId(),
                                    s.childSubmittedAt(),
                                    s.childLate(),
                                    false));
        }
        return new Submission(
                r.id(),
                unit,
                r.kind(),
                period,
                r.version(),
                r.submittedBy(),
                r.submittedAt(),
                r.reason(),
                r.late(),
                r.deadline(),
                figures,
                sources,
                diff);
    }

    /**
     * Kind and period problems together, with any already found (e.g. the reason's length).
     *
     * @throws DomainException INVALID_ARGUMENT listing them; FAILED_PRECONDITION for the 766 kind
     */
    private ResolvedPeriod validKindAndPeriod(ReportKind kind, PeriodSpec period, List<FieldViolation> violations) {
        if (kind == null) {
            violations.add(new FieldViolation("kind", "is required (REPORT_KIND_II06A)"));
        }
        ResolvedPeriod resolved = null;
        try {
            resolved = ii06a.resolve(period);
        } catch (DomainException e) {
            if (e.kind() != ErrorKind.INVALID_ARGUMENT) {
                throw e;
            }
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        if (kind == ReportKind.INDICATORS_766) {
            throw DomainException.ruleViolated(
                    "II06A_ONLY_IS_SUBMITTED",
                    "Decision 766 scores are not submitted: they are computed in real time from every unit's"
                            + " dossiers and read with GetIndicatorScores; only form II.06a is frozen and submitted");
        }
        return resolved;
    }

    /** The children of the subtree's root, in the tree's order. */
    private static List<ReportUnit> directChildren(List<UnitNode> subtree) {
        String root = subtree.get(0).code();
        Set<String> codes = new HashSet<>();
        subtree.forEach(u -> codes.add(u.code()));
        List<ReportUnit> children = new ArrayList<>();
        for (UnitNode node : subtree.subList(1, subtree.size())) {
            // a unit whose parent is not in the subtree hangs under the root, as UnitTreeRepository orders it
            boolean underRoot = node.parent() == null
                    || !codes.contains(node.parent())
                    || node.parent().equals(root);
            if (underRoot) {
                children.add(new ReportUnit(node.code(), node.name(), node.level(), root, 1));
            }
        }
        return children;
    }

    private static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException || t instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }
}
