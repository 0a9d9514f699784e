package vn.motcua.report.campaign.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import vn.motcua.platform.idempotency.IdempotencyRepository;
import vn.motcua.platform.idempotency.RequestIdempotency;
import vn.motcua.platform.ids.RandomCodes;
import vn.motcua.report.campaign.domain.AssignmentStage;
import vn.motcua.report.campaign.domain.CampaignAssignment;
import vn.motcua.report.campaign.domain.CampaignConsolidation;
import vn.motcua.report.campaign.domain.CampaignFileNames;
import vn.motcua.report.campaign.domain.CampaignLifecycle;
import vn.motcua.report.campaign.domain.CampaignReport;
import vn.motcua.report.campaign.domain.CampaignRow;
import vn.motcua.report.campaign.domain.CampaignRows;
import vn.motcua.report.campaign.domain.CampaignTask;
import vn.motcua.report.campaign.domain.ReportState;
import vn.motcua.report.campaign.repository.CampaignRepository;
import vn.motcua.report.scope.repository.UnitTreeRepository;
import vn.motcua.report.scope.service.ReportScope;
import vn.motcua.report.scope.service.UnitNode;
import vn.motcua.report.task.domain.CampaignTemplate;
import vn.motcua.report.task.domain.TemplatePrefill;
import vn.motcua.report.task.service.TaskClock;

/**
 * Campaign reports (issue 14, domain.md 7.3): each assigned unit fills its line in the campaign's template (drafts,
 * versions), its leader submits it to the issuer, who returns it for correction or accepts it; the issuer consolidates
 * the accepted ones into its own line and submits that to its parent. The first submission of a line marks the unit's
 * assignment done (on time or late against its effective deadline); every draft save is activity.
 *
 * <p>Who: drafts by any officer of the line's own unit, submissions by its unit_leader, return and accept by a
 * unit_leader or specialist of the receiving unit (the issuer; the issuer's parent for the issuer's consolidation),
 * consolidation by a unit_leader or specialist of the issuer. Reads by officers whose subtree holds the line's unit;
 * anything else answers NOT_FOUND, never revealing a task or report. Client-credentials machines only export.
 */
@Singleton
public class CampaignService {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignService.class);
    private static final String SUBMIT = "SubmitCampaignReport";
    private static final int MAX_REASON = 1000;
    private static final Set<String> DECIDERS = Set.of(Roles.UNIT_LEADER, Roles.SPECIALIST);

    private final CampaignRepository reports;
    private final ReportScope scope;
    private final UnitTreeRepository units;
    private final RequestIdempotency idempotency;
    private final CampaignFeed feed;
    private final TaskClock clock;

    public CampaignService(
            CampaignRepository reports,
            ReportScope scope,
            UnitTreeRepository units,
            RequestIdempotency idempotency,
            CampaignFeed feed,
            TaskClock clock) {
        this.reports = reports;
        this.scope = scope;
        this.units = units;
        this.idempotency = idempotency;
        this.feed = feed;
        this.clock = clock;
    }

    /** A report and its unit as the unit tree names it. */
    public record Shown(CampaignReport report, UnitNode unit) {}

    /** An XLSX export. */
    public record Export(byte[] content, String fileName, String reportId, int version) {}

    /**
     * Creates or replaces the unit's draft; the first draft of a PROCEDURES campaign saved without rows starts with
     * one row per procedure of the catalogue.
     *
     * @param unitCode blank: the caller's unit
     * @throws DomainException INVALID_ARGUMENT (task_id, rows...); NOT_FOUND; PERMISSION_DENIED for an officer of
     *                         another unit; FAILED_PRECONDITION (ILLEGAL_TRANSITION) while the line is with the
     *                         receiving unit, (RULE_VIOLATED) for a task that is no campaign or the issuer's own line
     */
    @Transactional
    public Shown saveDraft(Caller caller, String taskId, String unitCode, List<CampaignRow> rows) {
        requirePerson(caller);
        CampaignTask task = campaign(caller, requireId("task_id", taskId));
        UnitNode unit = ownLine(caller, unitCode, "save the campaign report of");
        CampaignRows.check(task.template(), rows);
        CampaignAssignment assignment = lockAssignment(task, unit.code());
        if (assignment.stage() == AssignmentStage.UPWARD) {
            throw DomainException.ruleViolated(
                    "CONSOLIDATION_IS_BUILT",
                    "the issuer's own report is its consolidation of the accepted reports: build it with"
                            + " ConsolidateCampaign, then submit it");
        }
        Optional<CampaignReport> latest = reports.latest(task.taskId(), unit.code(), false);
        CampaignLifecycle.DraftStep step = CampaignLifecycle.draftStep(latest);
        List<CampaignRow> saved = rows;
        if (rows.isEmpty() && step == CampaignLifecycle.DraftStep.FIRST) {
            saved = prefill(task.template());
        }
        Instant now = clock.now();
        CampaignReport draft = writeDraft(task, unit.code(), latest, saved, false, List.of(), caller, now);
        reports.touch(task.taskId(), unit.code(), now);
        return new Shown(draft, unit);
    }

    /**
     * Freezes the unit's draft as submitted; the first submission of the line marks the assignment done.
     *
     * @throws DomainException PERMISSION_DENIED without unit_leader of the unit; NOT_FOUND; FAILED_PRECONDITION
     *                         (ILLEGAL_TRANSITION) without a draft, (RULE_VIOLATED) with required cells blank;
     *                         ALREADY_EXISTS (REQUEST_ID_REUSED)
     */
    @Transactional
    public Shown submit(Caller caller, String requestId, String taskId, String unitCode) {
        requirePerson(caller);
        if (!caller.hasRole(Roles.UNIT_LEADER)) {
            throw DomainException.permissionDenied("submitting a campaign report needs the role unit_leader");
        }
        CampaignTask task = campaign(caller, requireId("task_id", taskId));
        UnitNode unit = ownLine(caller, unitCode, "submit the campaign report of");
        RequestIdempotency.Claim claim = idempotency.claim(
                caller,
                SUBMIT,
                requestId == null ? null : requestId.strip(),
                RequestIdempotency.fingerprint(task.taskId(), unit.code()),
                clock.now());
        if (claim.isReplay()) {
            CampaignReport first = reports.find(claim.resultRef(), false)
                    .orElseThrow(() -> new IllegalStateException("replayed report " + claim.resultRef() + " vanished"));
            return new Shown(first, unit);
        }
        CampaignAssignment assignment = lockAssignment(task, unit.code());
        CampaignReport draft = CampaignLifecycle.submittable(reports.latest(task.taskId(), unit.code(), true));
        if (!draft.consolidation()) {
            // a prefilled draft may still have required cells blank: the saves checked only what was typed
            List<String> incomplete = CampaignRows.incomplete(task.template(), draft.rows());
            if (!incomplete.isEmpty()) {
                throw DomainException.ruleViolated(
                        "REQUIRED_CELLS_BLANK",
                        "the draft has required cells left blank; fill them and save before submitting: "
                                + String.join("; ", incomplete));
            }
        }
        Instant now = clock.now();
        boolean late = assignment.lateAt(now);
        if (!reports.submit(draft.reportId(), caller.username(), now, late)) {
            throw illegal("the draft was submitted by someone else at the same time");
        }
        reports.markDone(task.taskId(), unit.code(), now, caller.username());
        reports.touch(task.taskId(), unit.code(), now);
        CampaignReport submitted = reload(draft.reportId());
        feed.append(CampaignFeed.SUBMITTED, submitted, unit, unit.code(), now);
        claim.complete(submitted.reportId());
        LOG.info(
                "campaign report submitted: task={} unit={} version={} late={} by={}",
                task.taskId(),
                unit.code(),
                submitted.version(),
                late,
                caller.username());
        return new Shown(submitted, unit);
    }

    /**
     * Sends a submitted version back to its unit with a reason.
     *
     * @throws DomainException INVALID_ARGUMENT (report_id, reason); NOT_FOUND; PERMISSION_DENIED unless a
     *                         unit_leader or specialist of the receiving unit; FAILED_PRECONDITION
     *                         (ILLEGAL_TRANSITION) unless the latest version and SUBMITTED
     */
    @Transactional
    public Shown returnReport(Caller caller, String reportId, String reason) {
        String why = reason == null ? "" : reason.strip();
        List<vn.motcua.platform.error.FieldViolation> v = new ArrayList<>();
        if (reportId == null || reportId.isBlank()) {
            v.add(new vn.motcua.platform.error.FieldViolation("report_id", "is required"));
        }
        if (why.isEmpty() || why.length() > MAX_REASON) {
            v.add(new vn.motcua.platform.error.FieldViolation("reason", "must be 1 to " + MAX_REASON + " characters"));
        }
        if (!v.isEmpty()) {
            throw DomainException.invalid(v);
        }
        Decision d = decision(caller, reportId.strip(), "return");
        Instant now = clock.now();
        if (!reports.markReturned(d.report().reportId(), caller.username(), now, why)) {
            throw illegal("the report was decided by someone else at the same time");
        }
        CampaignReport returned = reload(d.report().reportId());
        feed.append(CampaignFeed.RETURNED, returned, d.unit(), d.receivingUnit(), now);
        LOG.info(
                "campaign report returned: task={} unit={} version={} by={}",
                returned.taskId(),
                returned.unitCode(),
                returned.version(),
                caller.username());
        return new Shown(returned, d.unit());
    }

    /**
     * Accepts a submitted version.
     *
     * @throws DomainException as {@link #returnReport}
     */
    @Transactional
    public Shown accept(Caller caller, String reportId) {
        Decision d = decision(caller, requireId("report_id", reportId), "accept");
        Instant now = clock.now();
        if (!reports.markAccepted(d.report().reportId(), caller.username(), now)) {
            throw illegal("the report was decided by someone else at the same time");
        }
        CampaignReport accepted = reload(d.report().reportId());
        feed.append(CampaignFeed.ACCEPTED, accepted, d.unit(), d.receivingUnit(), now);
        return new Shown(accepted, d.unit());
    }

    /**
     * Builds the issuer's draft from every assignee's accepted version, which become CONSOLIDATED; again while the
     * issuer's draft is open, it is rebuilt (with the ones consolidated before).
     *
     * @throws DomainException NOT_FOUND; PERMISSION_DENIED unless a unit_leader or specialist of the issuer;
     *                         FAILED_PRECONDITION (RULE_VIOLATED) with nothing accepted, (ILLEGAL_TRANSITION) while
     *                         the issuer's consolidation is with its parent
     */
    @Transactional
    public Shown consolidate(Caller caller, String taskId) {
        requirePerson(caller);
        CampaignTask task = campaign(caller, requireId("task_id", taskId));
        String callerUnit = caller.unit().orElse("");
        if (!caller.hasAnyRole(DECIDERS) || !callerUnit.equals(task.issuingUnit())) {
            throw DomainException.permissionDenied(
                    "consolidating needs the role unit_leader or specialist of the issuing unit " + task.issuingUnit());
        }
        CampaignAssignment upward = lockAssignment(task, task.issuingUnit());
        if (upward.stage() != AssignmentStage.UPWARD) {
            throw DomainException.ruleViolated(
                    "NO_UPWARD_STAGE", "the campaign has no stage for the issuer to report to its parent");
        }
        Optional<CampaignReport> latest = reports.latest(task.taskId(), task.issuingUnit(), false);
        CampaignLifecycle.draftStep(latest);
        List<CampaignConsolidation.Source> sources = new ArrayList<>();
        Map<String, UnitNode> names = new HashMap<>();
        for (CampaignAssignment a : reports.assignments(task.taskId())) {
            if (a.stage() == AssignmentStage.ASSIGNEE) {
                UnitNode node = unitNode(a.unitCode(), names);
                sources.add(new CampaignConsolidation.Source(
                        a.unitCode(),
                        node.name(),
                        reports.latest(task.taskId(), a.unitCode(), true).orElse(null)));
            }
        }
        CampaignConsolidation consolidation = CampaignConsolidation.of(sources);
        Instant now = clock.now();
        CampaignReport draft = writeDraft(
                task,
                task.issuingUnit(),
                latest,
                consolidation.rows(),
                true,
                consolidation.sourceReportIds(),
                caller,
                now);
        UnitNode issuer = unitNode(task.issuingUnit(), names);
        for (String id : consolidation.newlyConsolidated()) {
            if (!reports.markConsolidated(id)) {
                throw illegal("a report taken in changed at the same time; consolidate again");
            }
            CampaignReport source = reload(id);
            feed.append(CampaignFeed.CONSOLIDATED, source, unitNode(source.unitCode(), names), issuer.code(), now);
        }
        reports.touch(task.taskId(), task.issuingUnit(), now);
        LOG.info(
                "campaign consolidated: task={} issuer={} version={} sources={}",
                task.taskId(),
                task.issuingUnit(),
                draft.version(),
                consolidation.sourceReportIds().size());
        return new Shown(draft, issuer);
    }

    /**
     * Every version of every line the caller may read, rows left out.
     *
     * @param unitCode blank: every unit the caller may read
     */
    @Transactional(readOnly = true)
    public List<Shown> list(Caller caller, String taskId, String unitCode) {
        requirePerson(caller);
        Visible visible = visible(caller, requireId("task_id", taskId));
        String only = null;
        if (unitCode != null && !unitCode.isBlank()) {
            only = scope.readable(caller, unitCode).code();
        }
        Map<String, UnitNode> names = new HashMap<>();
        List<Shown> shown = new ArrayList<>();
        for (CampaignReport r : reports.list(visible.task().taskId())) {
            if (visible.units().contains(r.unitCode()) && (only == null || only.equals(r.unitCode()))) {
                shown.add(new Shown(r, unitNode(r.unitCode(), names)));
            }
        }
        return shown;
    }

    /** @throws DomainException NOT_FOUND for an unknown id or a report of a unit outside the caller's subtree */
    @Transactional(readOnly = true)
    public Shown get(Caller caller, String reportId) {
        requirePerson(caller);
        String id = requireId("report_id", reportId);
        CampaignReport report =
                reports.find(id, true).orElseThrow(() -> DomainException.notFound("campaign report " + id));
        return new Shown(report, readableOrHidden(caller, report.unitCode(), "campaign report " + id));
    }

    /**
     * The unit's latest version that left it (submitted, returned, accepted or consolidated) as XLSX; machines with
     * report_viewer may call it for their subtree.
     *
     * @param unitCode blank: the caller's unit
     */
    @Transactional(readOnly = true)
    public Export export(Caller caller, String taskId, String unitCode) {
        String id = requireId("task_id", taskId);
        UnitNode unit = scope.readable(caller, unitCode);
        CampaignTask task = reports.task(id)
                .filter(CampaignTask::isCampaign)
                .orElseThrow(() -> DomainException.notFound("campaign " + id));
        CampaignReport report = reports.latestSubmitted(task.taskId(), unit.code())
                .orElseThrow(() -> DomainException.notFound(
                        "submitted report of unit " + unit.code() + " in campaign " + task.taskId()));
        byte[] content = CampaignXlsx.render(task.title(), unit.name(), task.template(), report);
        return new Export(
                content,
                CampaignFileNames.xlsx(task.taskId(), unit.code(), report.version()),
                report.reportId(),
                report.version());
    }

    // ------------------------------------------------------------------------------------------------------------

    private record Visible(CampaignTask task, Set<String> units) {}

    private record Decision(CampaignReport report, UnitNode unit, String receivingUnit) {}

    /** The report to return or accept, after the caller's right to decide it and its state are checked. */
    private Decision decision(Caller caller, String reportId, String action) {
        requirePerson(caller);
        CampaignReport found = reports.find(reportId, false)
                .orElseThrow(() -> DomainException.notFound("campaign report " + reportId));
        UnitNode unit = readableOrHidden(caller, found.unitCode(), "campaign report " + reportId);
        CampaignTask task = reports.task(found.taskId())
                .orElseThrow(() -> new IllegalStateException("report " + reportId + " of a missing task"));
        CampaignAssignment assignment = reports.lockAssignment(task.taskId(), found.unitCode())
                .orElseThrow(() -> new IllegalStateException("report " + reportId + " of a missing assignment"));
        String receiving = assignment.stage() == AssignmentStage.ASSIGNEE
                ? task.issuingUnit()
                : units.find(task.issuingUnit()).map(UnitNode::parent).orElse(null);
        if (!caller.hasAnyRole(DECIDERS)
                || receiving == null
                || !receiving.equals(caller.unit().orElse(""))) {
            throw DomainException.permissionDenied("only a unit_leader or specialist of the receiving unit "
                    + (receiving == null ? "" : receiving + " ") + "may " + action + " this report");
        }
        // read again under the line's lock: a concurrent decision or a new draft is seen
        CampaignReport report = reload(reportId);
        int latestVersion = reports.latest(task.taskId(), report.unitCode(), false)
                .map(CampaignReport::version)
                .orElse(report.version());
        CampaignLifecycle.requireDecidable(report, latestVersion, action);
        return new Decision(report, unit, receiving);
    }

    private CampaignReport writeDraft(
            CampaignTask task,
            String unitCode,
            Optional<CampaignReport> latest,
            List<CampaignRow> rows,
            boolean consolidation,
            List<String> sourceIds,
            Caller caller,
            Instant now) {
        CampaignLifecycle.DraftStep step = CampaignLifecycle.draftStep(latest);
        if (step == CampaignLifecycle.DraftStep.REPLACE) {
            String id = latest.orElseThrow().reportId();
            if (!reports.replaceDraft(id, rows, caller.username(), now, sourceIds)) {
                throw illegal("the draft was submitted at the same time");
            }
            return reports.find(id, true).orElseThrow();
        }
        CampaignReport draft = new CampaignReport(
                RandomCodes.base32(20),
                task.taskId(),
                unitCode,
                CampaignLifecycle.draftVersion(latest),
                ReportState.DRAFT,
                consolidation,
                rows,
                rows.size(),
                caller.username(),
                now,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                sourceIds);
        try {
            reports.insert(draft);
        } catch (RuntimeException e) {
            if (IdempotencyRepository.isDuplicateKey(e)) {
                throw DomainException.of(
                        ErrorKind.ABORTED,
                        ErrorReason.CONCURRENT_UPDATE,
                        "version " + draft.version() + " of this report was saved by someone else at the same time;"
                                + " reload it and save again");
            }
            throw e;
        }
        return draft;
    }

    /** One row per procedure of the catalogue, code and name filled where the template has those columns. */
    private List<CampaignRow> prefill(CampaignTemplate template) {
        if (template.prefill() != TemplatePrefill.PROCEDURES) {
            return List.of();
        }
        boolean code = template.column(TemplatePrefill.PROCEDURE_CODE).isPresent();
        boolean name = template.column(TemplatePrefill.PROCEDURE_NAME).isPresent();
        List<CampaignRow> rows = new ArrayList<>();
        for (String[] p : reports.procedures(CampaignRows.MAX_ROWS)) {
            Map<String, String> cells = new LinkedHashMap<>();
            if (code) {
                cells.put(TemplatePrefill.PROCEDURE_CODE, p[0]);
            }
            if (name) {
                cells.put(TemplatePrefill.PROCEDURE_NAME, p[1]);
            }
            rows.add(CampaignRow.of(cells));
        }
        return rows;
    }

    /** The task, if the caller may see it and it is a campaign. */
    private CampaignTask campaign(Caller caller, String taskId) {
        CampaignTask task = visible(caller, taskId).task();
        if (!task.isCampaign()) {
            throw DomainException.ruleViolated(
                    "NOT_A_CAMPAIGN", "task " + taskId + " is not a campaign: it has no report template");
        }
        return task;
    }

    /**
     * The task and the lines the caller may read: all of them when its subtree holds the issuer, else those of the
     * assigned units in its subtree; none at all answers NOT_FOUND, as for a task that does not exist.
     */
    private Visible visible(Caller caller, String taskId) {
        CampaignTask task = reports.task(taskId).orElseThrow(() -> DomainException.notFound("task " + taskId));
        Set<String> readable = new java.util.LinkedHashSet<>();
        boolean issuer = scope.covers(caller, task.issuingUnit());
        for (CampaignAssignment a : reports.assignments(taskId)) {
            if (issuer || scope.covers(caller, a.unitCode())) {
                readable.add(a.unitCode());
            }
        }
        if (!issuer && readable.isEmpty()) {
            throw DomainException.notFound("task " + taskId);
        }
        return new Visible(task, readable);
    }

    private UnitNode readableOrHidden(Caller caller, String unitCode, String what) {
        try {
            return scope.readable(caller, unitCode);
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                // the same answer as an unknown id: a foreign report's unit is not revealed
                throw DomainException.notFound(what);
            }
            throw e;
        }
    }

    /**
     * The line the caller acts for: its own unit (the one asked for must be it). A unit the caller may read but is
     * not its own is PERMISSION_DENIED; one it may not read, NOT_FOUND.
     */
    private UnitNode ownLine(Caller caller, String unitCode, String action) {
        UnitNode unit = scope.readable(caller, unitCode);
        if (!unit.code().equals(caller.unit().orElse(""))) {
            throw DomainException.permissionDenied("only officers of unit " + unit.code() + " may " + action + " it");
        }
        return unit;
    }

    private CampaignAssignment lockAssignment(CampaignTask task, String unitCode) {
        return reports.lockAssignment(task.taskId(), unitCode)
                .orElseThrow(() ->
                        DomainException.notFound("assignment of unit " + unitCode + " in campaign " + task.taskId()));
    }

    private CampaignReport reload(String reportId) {
        return reports.find(reportId, false).orElseThrow(() -> new IllegalStateException("report " + reportId));
    }

    private UnitNode unitNode(String code, Map<String, UnitNode> cache) {
        return cache.computeIfAbsent(code, c -> units.find(c).orElseGet(() -> new UnitNode(c, c, 0, null, 0)));
    }

    private static String requireId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        return value.strip();
    }

    /** Machines (client-credentials tokens) only read exports; everything else here is a person's. */
    private static void requirePerson(Caller caller) {
        if (isMachine(caller)) {
            throw DomainException.permissionDenied("a service account may only export campaign reports");
        }
    }

    /**
     * Keycloak names a client's service-account user {@code service-account-<client id>} (lower-cased) and reserves
     * that prefix; the gateway tells machines the same way (MachineCallers).
     */
    static boolean isMachine(Caller caller) {
        String username = caller.username();
        String client = caller.clientId();
        return username != null
                && client != null
                && !client.isBlank()
                && username.equalsIgnoreCase("service-account-" + client.toLowerCase(Locale.ROOT));
    }

    private static DomainException illegal(String why) {
        return DomainException.of(ErrorKind.FAILED_PRECONDITION, ErrorReason.ILLEGAL_TRANSITION, why);
    }
}
