package vn.motcua.report.task.service;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.platform.idempotency.IdempotencyRepository;
import vn.motcua.platform.idempotency.RequestIdempotency;
import vn.motcua.platform.ids.RandomCodes;
import vn.motcua.platform.paging.Page;
import vn.motcua.report.scope.repository.UnitTreeRepository;
import vn.motcua.report.scope.service.ReportScope;
import vn.motcua.report.scope.service.UnitNode;
import vn.motcua.report.task.domain.Assignment;
import vn.motcua.report.task.domain.AssignmentStage;
import vn.motcua.report.task.domain.BoardCounts;
import vn.motcua.report.task.domain.CampaignTemplate;
import vn.motcua.report.task.domain.Directive;
import vn.motcua.report.task.domain.ExpectedOutput;
import vn.motcua.report.task.domain.LocalDeadlines;
import vn.motcua.report.task.domain.Progress;
import vn.motcua.report.task.domain.TaskItem;
import vn.motcua.report.task.domain.TaskKind;
import vn.motcua.report.task.domain.TemplatePrefill;
import vn.motcua.report.task.domain.Timeliness;
import vn.motcua.report.task.domain.WorkCalendar;
import vn.motcua.report.task.repository.CalendarRepository;
import vn.motcua.report.task.repository.TaskRepository;
import vn.motcua.report.task.service.TaskViews.AssignmentView;
import vn.motcua.report.task.service.TaskViews.Board;
import vn.motcua.report.task.service.TaskViews.DirectivePage;
import vn.motcua.report.task.service.TaskViews.DirectiveView;
import vn.motcua.report.task.service.TaskViews.ProgressResult;
import vn.motcua.report.task.service.TaskViews.ProgressView;
import vn.motcua.report.task.service.TaskViews.Punctuality;
import vn.motcua.report.task.service.TaskViews.TaskPage;
import vn.motcua.report.task.service.TaskViews.TaskView;
import vn.motcua.report.task.service.TaskViews.UnitPunctuality;

/**
 * Directives, tasks, progress, completion, the board and punctuality (issue 14, ADR 0012). Who may do what is checked
 * here (the gateway only coarse-checks): issuing and assigning need unit_leader for the issuing unit (ReportScope's
 * actingFor); progress needs an officer of the assigned unit itself, completion its unit_leader; reads show the whole
 * task to the issuer's side and only their own assignments to an assignee's side, and NOT_FOUND to anyone else. Machines
 * (client-credentials report_viewer) read punctuality only. Mutations claim their request_id first, in the same
 * transaction as the change and its feed event, so a refused request leaves nothing behind. Mutations run at READ
 * COMMITTED: what they read after taking an assignment's row lock (done or not, the last percent) and the task they
 * put on the feed are as committed, not as of a snapshot taken before the lock was granted.
 */
@Singleton
public class TaskService {

    private static final Logger LOG = LoggerFactory.getLogger(TaskService.class);

    static final int MAX_ASSIGNEES = 200;
    static final int MAX_TITLE = 500;
    static final int MAX_TEXT = 4000;
    static final int MAX_DOCUMENTS = 10;
    static final int MAX_PAGE = 200;
    static final int MAX_PUNCTUALITY_DAYS = 366;
    private static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String MACHINE_PREFIX = "service-account-";

    private final ReportScope scope;
    private final UnitTreeRepository units;
    private final TaskRepository tasks;
    private final CalendarRepository calendars;
    private final RequestIdempotency idempotency;
    private final TaskFeed feed;
    private final TaskClock clock;

    public TaskService(
            ReportScope scope,
            UnitTreeRepository units,
            TaskRepository tasks,
            CalendarRepository calendars,
            RequestIdempotency idempotency,
            TaskFeed feed,
            TaskClock clock) {
        this.scope = scope;
        this.units = units;
        this.tasks = tasks;
        this.calendars = calendars;
        this.idempotency = idempotency;
        this.feed = feed;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Directives

    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public DirectiveView issueDirective(Caller caller, TaskCommands.IssueDirective c) {
        requirePerson(caller);
        Instant now = clock.now();
        RequestIdempotency.Claim claim = idempotency.claim(
                caller,
                "IssueDirective",
                c.requestId(),
                RequestIdempotency.fingerprint(
                        c.issuingUnitCode(), c.number(), c.signedOn(), c.title(), c.signer(), c.documentId()),
                now);
        if (claim.isReplay()) {
            Directive d = tasks.directive(claim.resultRef()).orElseThrow();
            return new DirectiveView(d, unit(d.issuingUnit()), List.of());
        }
        UnitNode issuer = scope.actingFor(caller, Roles.UNIT_LEADER, c.issuingUnitCode());
        List<FieldViolation> v = new ArrayList<>();
        String number = text(c.number(), "number", 64, v);
        String title = text(c.title(), "title", 1000, v);
        String signer = text(c.signer(), "signer", 255, v);
        LocalDate signedOn = null;
        if (blank(c.signedOn())) {
            v.add(new FieldViolation("signed_on", "is required (YYYY-MM-DD)"));
        } else {
            try {
                signedOn = LocalDate.parse(c.signedOn().strip());
                if (signedOn.isAfter(LocalDate.ofInstant(now, WorkCalendar.ZONE))) {
                    v.add(new FieldViolation("signed_on", "may not be in the future"));
                }
            } catch (DateTimeParseException e) {
                v.add(new FieldViolation("signed_on", "must be an ISO date YYYY-MM-DD"));
            }
        }
        String documentId = documentId(c.documentId(), "document_id", v);
        if (!v.isEmpty()) {
            throw DomainException.invalid(v);
        }
        if (tasks.directiveNumberTaken(issuer.code(), number, signedOn)) {
            throw numberTaken(number);
        }
        Directive d = new Directive(
                RandomCodes.base32(20),
                issuer.code(),
                number,
                signedOn,
                title,
                signer,
                documentId,
                caller.username(),
                now);
        try {
            tasks.insert(d);
        } catch (RuntimeException e) {
            if (IdempotencyRepository.isDuplicateKey(e)) {
                throw numberTaken(number);
            }
            throw e;
        }
        DirectiveView view = new DirectiveView(d, issuer, List.of());
        feed.directiveIssued(view, now);
        claim.complete(d.id());
        LOG.info("directive issued: id={} unit={} number={} by={}", d.id(), issuer.code(), number, caller.username());
        return view;
    }

    private static DomainException numberTaken(String number) {
        return new DomainException(
                ErrorKind.ALREADY_EXISTS,
                ErrorReason.RULE_VIOLATED,
                "the unit already issued a directive numbered " + number + " on that day",
                Map.of("rule", "DIRECTIVE_NUMBER_UNIQUE"),
                List.of());
    }

    @Transactional
    public DirectivePage listDirectives(Caller caller, String unitCode, int pageSize, String pageToken) {
        requirePerson(caller);
        UnitNode unit = scope.readable(caller, unitCode);
        int size = pageSize(pageSize);
        Page.Keyset after = keyset(pageToken, "directives");
        List<Directive> found = tasks.directivesOf(unit.code(), after.at(), after.id(), size + 1);
        Page<Directive> page = Page.of(found, size, "directives", d -> Page.Keyset.key(d.issuedAt(), d.id()));
        return new DirectivePage(
                page.items().stream()
                        .map(d -> new DirectiveView(d, unit, List.of()))
                        .toList(),
                page.nextToken());
    }

    /** The directive with the tasks the caller may see: all for the issuer's side, those it is assigned otherwise. */
    @Transactional
    public DirectiveView getDirective(Caller caller, String directiveId) {
        requirePerson(caller);
        Directive d = tasks.directive(required(directiveId, "directive_id"))
                .orElseThrow(() -> DomainException.notFound("directive " + directiveId.strip()));
        List<TaskItem> items = tasks.tasksOf(d.id());
        Map<String, List<Assignment>> assignments =
                tasks.assignmentsOf(items.stream().map(TaskItem::id).toList());
        boolean issuerSide = scope.covers(caller, d.issuingUnit());
        List<TaskView> visible = new ArrayList<>();
        Instant now = clock.now();
        for (TaskItem t : items) {
            List<Assignment> shown = issuerSide
                    ? assignments.getOrDefault(t.id(), List.of())
                    : readableOnes(caller, assignments.getOrDefault(t.id(), List.of()));
            if (issuerSide || !shown.isEmpty()) {
                visible.add(view(t, d, shown, now));
            }
        }
        if (!issuerSide && visible.isEmpty()) {
            throw DomainException.notFound("directive " + d.id());
        }
        return new DirectiveView(d, unit(d.issuingUnit()), visible);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Tasks

    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public TaskView assignTask(Caller caller, TaskCommands.AssignTask c) {
        requirePerson(caller);
        Instant now = clock.now();
        RequestIdempotency.Claim claim = idempotency.claim(
                caller,
                "AssignTask",
                c.requestId(),
                RequestIdempotency.fingerprint(
                        c.directiveId(),
                        c.kind(),
                        c.title(),
                        c.description(),
                        c.assigneeUnitCodes(),
                        c.deadline(),
                        c.upwardDeadline(),
                        c.expectedOutput(),
                        c.columns(),
                        c.prefill(),
                        c.followUpUser()),
                now);
        if (claim.isReplay()) {
            return fullView(tasks.task(claim.resultRef()).orElseThrow(), now);
        }
        Directive d = tasks.directive(required(c.directiveId(), "directive_id"))
                .filter(x -> scope.covers(caller, x.issuingUnit()))
                .orElseThrow(() ->
                        DomainException.notFound("directive " + c.directiveId().strip()));
        UnitNode issuer = scope.actingFor(caller, Roles.UNIT_LEADER, d.issuingUnit());

        List<FieldViolation> v = new ArrayList<>();
        TaskKind kind = c.kind();
        if (kind == null) {
            v.add(new FieldViolation("kind", "is required: TASK or CAMPAIGN"));
        }
        String title = text(c.title(), "title", MAX_TITLE, v);
        String description = c.description() == null ? "" : c.description().strip();
        if (description.length() > MAX_TEXT) {
            v.add(new FieldViolation("description", "must be at most " + MAX_TEXT + " characters"));
        }
        List<String> assignees = assignees(issuer, c.assigneeUnitCodes(), v);
        Instant deadline = deadline(c.deadline(), "deadline", now, v);
        boolean campaign = kind == TaskKind.CAMPAIGN;
        Instant upward = null;
        if (campaign) {
            int before = v.size();
            upward = deadline(c.upwardDeadline(), "upward_deadline", now, v);
            // one problem per field: an upward deadline already refused is not also compared
            if (v.size() == before && deadline != null && !upward.isAfter(deadline)) {
                v.add(new FieldViolation("upward_deadline", "must be after deadline"));
            }
        } else if (!blank(c.upwardDeadline())) {
            v.add(new FieldViolation("upward_deadline", "is for campaigns only"));
        }
        ExpectedOutput output = c.expectedOutput();
        if (campaign) {
            if (output == null) {
                output = ExpectedOutput.REPORT_TEMPLATE;
            } else if (output != ExpectedOutput.REPORT_TEMPLATE) {
                v.add(new FieldViolation("expected_output", "a campaign's output is its REPORT_TEMPLATE"));
            }
        } else if (kind == TaskKind.TASK && (output == null || output == ExpectedOutput.REPORT_TEMPLATE)) {
            v.add(new FieldViolation("expected_output", "must be DOCUMENT or YES_NO for a task"));
        }
        CampaignTemplate template = null;
        if (campaign) {
            TemplatePrefill prefill = c.prefill() == null ? TemplatePrefill.NONE : c.prefill();
            List<FieldViolation> problems = CampaignTemplate.check("template", c.columns(), prefill);
            if (problems.isEmpty()) {
                template = new CampaignTemplate(c.columns(), prefill);
            } else {
                v.addAll(problems);
            }
        } else if (c.hasTemplate()) {
            v.add(new FieldViolation("template", "is for campaigns only"));
        }
        String followUp =
                blank(c.followUpUser()) ? caller.username() : c.followUpUser().strip();
        if (followUp.length() > 128) {
            v.add(new FieldViolation("follow_up_user", "must be at most 128 characters"));
        }
        if (!v.isEmpty()) {
            throw DomainException.invalid(v);
        }
        if (campaign && blank(issuer.parent())) {
            throw DomainException.ruleViolated(
                    "ISSUER_HAS_PARENT",
                    "unit " + issuer.code() + " has no unit above it to submit a campaign's consolidation to");
        }

        TaskItem task = new TaskItem(
                RandomCodes.base32(20),
                d.id(),
                issuer.code(),
                kind,
                title,
                description,
                output,
                template,
                followUp,
                caller.username(),
                now);
        Set<String> calendarUnits = new HashSet<>(assignees);
        calendarUnits.add(issuer.code());
        Map<String, WorkCalendar> cal = calendars.calendarsOf(calendarUnits);
        List<Assignment> rows = new ArrayList<>();
        for (String unit : assignees) {
            rows.add(fresh(task.id(), unit, AssignmentStage.ASSIGNEE, deadline, cal.get(unit)));
        }
        if (campaign) {
            rows.add(fresh(task.id(), issuer.code(), AssignmentStage.UPWARD, upward, cal.get(issuer.code())));
        }
        tasks.insert(task, rows);
        TaskView view = fullView(task, d, now);
        feed.taskChanged(TaskFeed.TASK_ASSIGNED, view, null, null, issuer.code(), now);
        claim.complete(task.id());
        LOG.info(
                "task assigned: id={} directive={} kind={} assignees={} by={}",
                task.id(),
                d.id(),
                kind,
                assignees.size(),
                caller.username());
        return view;
    }

    private static Assignment fresh(
            String taskId, String unit, AssignmentStage stage, Instant deadline, WorkCalendar calendar) {
        return new Assignment(
                taskId,
                unit,
                stage,
                deadline,
                calendar.effectiveDeadline(deadline),
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                0,
                null);
    }

    /** Distinct units strictly below the issuer, in the order given. */
    private List<String> assignees(UnitNode issuer, List<String> codes, List<FieldViolation> v) {
        if (codes.isEmpty() || codes.size() > MAX_ASSIGNEES) {
            v.add(new FieldViolation("assignee_unit_codes", "must name 1 to " + MAX_ASSIGNEES + " units"));
            return List.of();
        }
        List<String> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = "assignee_unit_codes[" + i + "]";
            String code = codes.get(i) == null ? "" : codes.get(i).strip();
            if (code.isEmpty()) {
                v.add(new FieldViolation(field, "is empty"));
            } else if (!seen.add(code)) {
                v.add(new FieldViolation(field, "repeats unit " + code));
            } else if (code.equals(issuer.code())) {
                v.add(new FieldViolation(field, "is the issuing unit itself"));
            } else if (!units.ancestorsOf(code).contains(issuer.code())) {
                v.add(new FieldViolation(field, "is not a unit below " + issuer.code()));
            } else {
                found.add(code);
            }
        }
        return found;
    }

    private static Instant deadline(String value, String field, Instant now, List<FieldViolation> v) {
        if (blank(value)) {
            v.add(new FieldViolation(field, "is required (local YYYY-MM-DDTHH:MM)"));
            return null;
        }
        Instant at = LocalDeadlines.parse(value.strip()).orElse(null);
        if (at == null) {
            v.add(new FieldViolation(field, "must be a local date-time YYYY-MM-DDTHH:MM"));
        } else if (!at.isAfter(now)) {
            v.add(new FieldViolation(field, "must be in the future"));
        }
        return at;
    }

    /**
     * @param view ASSIGNED (the unit's own assignments) or ISSUED (every assignment)
     */
    @Transactional
    public TaskPage listTasks(
            Caller caller, boolean issued, String unitCode, boolean openOnly, int pageSize, String pageToken) {
        requirePerson(caller);
        UnitNode unit = scope.readable(caller, unitCode);
        int size = pageSize(pageSize);
        String list = issued ? "issued" : openOnly ? "assigned-open" : "assigned";
        Page.Keyset after = keyset(pageToken, list);
        List<TaskItem> found = issued
                ? tasks.issuedBy(unit.code(), after.at(), after.id(), size + 1)
                : tasks.assignedTo(unit.code(), openOnly, after.at(), after.id(), size + 1);
        Page<TaskItem> page = Page.of(found, size, list, t -> Page.Keyset.key(t.createdAt(), t.id()));
        Map<String, List<Assignment>> assignments =
                tasks.assignmentsOf(page.items().stream().map(TaskItem::id).toList());
        Map<String, Directive> directives = new HashMap<>();
        Instant now = clock.now();
        List<TaskView> views = new ArrayList<>();
        for (TaskItem t : page.items()) {
            Directive d = directives.computeIfAbsent(
                    t.directiveId(), id -> tasks.directive(id).orElseThrow());
            List<Assignment> shown = assignments.getOrDefault(t.id(), List.of()).stream()
                    .filter(a -> issued || a.unitCode().equals(unit.code()))
                    .toList();
            views.add(view(t, d, shown, now));
        }
        return new TaskPage(views, page.nextToken());
    }

    @Transactional
    public TaskView getTask(Caller caller, String taskId) {
        requirePerson(caller);
        TaskItem t = tasks.task(required(taskId, "task_id"))
                .orElseThrow(() -> DomainException.notFound("task " + taskId.strip()));
        List<Assignment> all = tasks.assignmentsOf(t.id());
        boolean issuerSide = scope.covers(caller, t.issuingUnit());
        List<Assignment> shown = issuerSide ? all : readableOnes(caller, all);
        if (shown.isEmpty() && !issuerSide) {
            throw DomainException.notFound("task " + t.id());
        }
        return view(t, tasks.directive(t.directiveId()).orElseThrow(), shown, clock.now());
    }

    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public ProgressResult reportProgress(Caller caller, TaskCommands.ReportProgress c) {
        requirePerson(caller);
        Instant now = clock.now();
        RequestIdempotency.Claim claim = idempotency.claim(
                caller,
                "ReportTaskProgress",
                c.requestId(),
                RequestIdempotency.fingerprint(c.taskId(), c.unitCode(), c.text(), c.percent(), c.documentIds()),
                now);
        if (claim.isReplay()) {
            Progress p = tasks.progress(claim.resultRef()).orElseThrow();
            TaskItem t = tasks.task(p.taskId()).orElseThrow();
            return new ProgressResult(
                    new ProgressView(p, unit(p.unitCode())),
                    assignmentView(t, tasks.assignment(p.taskId(), p.unitCode()).orElseThrow(), now));
        }
        Target target = ownAssignment(caller, c.taskId(), c.unitCode(), null);
        List<FieldViolation> v = new ArrayList<>();
        String text = text(c.text(), "text", MAX_TEXT, v);
        if (c.percent() < 0 || c.percent() > 100) {
            v.add(new FieldViolation("percent", "must be 0 to 100"));
        } else if (c.percent() < target.assignment().progressPercent()) {
            v.add(new FieldViolation(
                    "percent",
                    "may not go below the previous report's "
                            + target.assignment().progressPercent()));
        }
        List<String> documents = new ArrayList<>();
        if (c.documentIds().size() > MAX_DOCUMENTS) {
            v.add(new FieldViolation("document_ids", "must hold at most " + MAX_DOCUMENTS + " documents"));
        } else {
            for (int i = 0; i < c.documentIds().size(); i++) {
                String id = documentId(c.documentIds().get(i), "document_ids[" + i + "]", v);
                if (id == null) {
                    v.add(new FieldViolation("document_ids[" + i + "]", "is empty"));
                } else {
                    documents.add(id);
                }
            }
        }
        if (!v.isEmpty()) {
            throw DomainException.invalid(v);
        }
        if (target.assignment().done()) {
            throw alreadyDone("report progress on");
        }
        Progress p = new Progress(
                RandomCodes.base32(20),
                target.task().id(),
                target.assignment().unitCode(),
                text,
                c.percent(),
                documents,
                caller.username(),
                now);
        tasks.recordProgress(p);
        ProgressView progress = new ProgressView(p, unit(p.unitCode()));
        TaskView full = fullView(target.task(), now);
        feed.taskChanged(TaskFeed.TASK_PROGRESS_REPORTED, full, progress, p.unitCode(), p.unitCode(), now);
        claim.complete(p.id());
        return new ProgressResult(progress, of(full, p.unitCode()));
    }

    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public AssignmentView complete(Caller caller, TaskCommands.Complete c) {
        requirePerson(caller);
        Instant now = clock.now();
        RequestIdempotency.Claim claim = idempotency.claim(
                caller,
                "CompleteTask",
                c.requestId(),
                RequestIdempotency.fingerprint(c.taskId(), c.unitCode(), c.answer(), c.documentId(), c.note()),
                now);
        if (claim.isReplay()) {
            String[] ref = claim.resultRef().split("\\|", 2);
            TaskItem t = tasks.task(ref[0]).orElseThrow();
            return assignmentView(t, tasks.assignment(ref[0], ref[1]).orElseThrow(), now);
        }
        Target target = ownAssignment(caller, c.taskId(), c.unitCode(), Roles.UNIT_LEADER);
        TaskItem t = target.task();
        List<FieldViolation> v = new ArrayList<>();
        String documentId = documentId(c.documentId(), "document_id", v);
        String note = c.note() == null || c.note().isBlank() ? null : c.note().strip();
        if (note != null && note.length() > MAX_TEXT) {
            v.add(new FieldViolation("note", "must be at most " + MAX_TEXT + " characters"));
        }
        if (t.expectedOutput() == ExpectedOutput.DOCUMENT && documentId == null && v.isEmpty()) {
            v.add(new FieldViolation("document_id", "is required: the task's output is a document"));
        }
        if (!v.isEmpty()) {
            throw DomainException.invalid(v);
        }
        if (t.kind() == TaskKind.CAMPAIGN) {
            throw DomainException.ruleViolated(
                    "CAMPAIGN_DONE_BY_SUBMISSION",
                    "a campaign assignment is done by submitting its report (SubmitCampaignReport), not completed");
        }
        if (target.assignment().done()) {
            throw alreadyDone("complete");
        }
        String unitCode = target.assignment().unitCode();
        Boolean answer = t.expectedOutput() == ExpectedOutput.YES_NO ? c.answer() : null;
        if (!tasks.complete(t.id(), unitCode, now, caller.username(), answer, documentId, note)) {
            throw alreadyDone("complete");
        }
        TaskView full = fullView(t, now);
        feed.taskChanged(TaskFeed.TASK_COMPLETED, full, null, unitCode, unitCode, now);
        claim.complete(t.id() + "|" + unitCode);
        LOG.info("task completed: id={} unit={} by={}", t.id(), unitCode, caller.username());
        return of(full, unitCode);
    }

    private static DomainException alreadyDone(String what) {
        return new DomainException(
                ErrorKind.FAILED_PRECONDITION,
                ErrorReason.ILLEGAL_TRANSITION,
                "cannot " + what + " an assignment that is done",
                Map.of("from", "DONE", "event", what.toUpperCase(Locale.ROOT).replace(' ', '_')),
                List.of());
    }

    private record Target(TaskItem task, Assignment assignment) {}

    /**
     * The caller's own unit's assignment in the task, locked. Anyone who may not read the task gets NOT_FOUND; a
     * reader who is not of the assigned unit itself (or lacks {@code role}) gets PERMISSION_DENIED.
     */
    private Target ownAssignment(Caller caller, String taskId, String unitCode, String role) {
        TaskItem t = tasks.task(required(taskId, "task_id"))
                .orElseThrow(() -> DomainException.notFound("task " + taskId.strip()));
        UnitNode unit = scope.readable(caller, unitCode);
        List<Assignment> all = tasks.assignmentsOf(t.id());
        boolean issuerSide = scope.covers(caller, t.issuingUnit());
        boolean readsTask = issuerSide || !readableOnes(caller, all).isEmpty();
        Assignment a = all.stream()
                .filter(x -> x.unitCode().equals(unit.code()))
                .findFirst()
                .orElse(null);
        if (!readsTask || (a == null && !issuerSide)) {
            throw DomainException.notFound("task " + t.id());
        }
        if (a == null) {
            throw DomainException.notFound("assignment of unit " + unit.code() + " in task " + t.id());
        }
        if (!unit.code().equals(caller.unitCode())) {
            throw DomainException.permissionDenied(
                    "only officers of unit " + unit.code() + " itself act on its assignment");
        }
        if (role != null && !caller.hasRole(role)) {
            throw DomainException.permissionDenied("this needs the role " + role);
        }
        return new Target(t, tasks.lockAssignment(t.id(), unit.code()).orElseThrow());
    }

    // ------------------------------------------------------------------------------------------------------------
    // Board and punctuality

    @Transactional
    public Board board(Caller caller, String taskId) {
        requirePerson(caller);
        TaskItem t = tasks.task(required(taskId, "task_id"))
                .orElseThrow(() -> DomainException.notFound("task " + taskId.strip()));
        if (!scope.covers(caller, t.issuingUnit())) {
            // an assignee knows the task exists (GetTask shows it its assignment): refused, not hidden
            if (!readableOnes(caller, tasks.assignmentsOf(t.id())).isEmpty()) {
                throw DomainException.permissionDenied("the board is the issuing unit's");
            }
            throw DomainException.notFound("task " + t.id());
        }
        Instant now = clock.now();
        TaskView view = fullView(t, now);
        BoardCounts counts = BoardCounts.ZERO;
        for (AssignmentView a : view.assignments()) {
            if (a.assignment().stage() == AssignmentStage.ASSIGNEE) {
                counts = counts.plus(a.timeliness(), a.assignment().silent());
            }
        }
        Map<String, UnitNode> known = new HashMap<>();
        List<ProgressView> progress = tasks.progressOf(t.id()).stream()
                .map(p -> new ProgressView(p, known.computeIfAbsent(p.unitCode(), this::unit)))
                .toList();
        return new Board(view, counts, progress);
    }

    /** Per unit of the subtree, its assignments (either stage) whose effective deadline falls in [from, to] local. */
    @Transactional
    public Punctuality punctuality(Caller caller, String unitCode, String fromDate, String toDate) {
        List<UnitNode> subtree = scope.readableSubtree(caller, unitCode);
        List<FieldViolation> v = new ArrayList<>();
        LocalDate from = date(fromDate, "from_date", v);
        LocalDate to = date(toDate, "to_date", v);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                v.add(new FieldViolation("to_date", "must not be before from_date"));
            } else if (ChronoUnit.DAYS.between(from, to) >= MAX_PUNCTUALITY_DAYS) {
                v.add(new FieldViolation("to_date", "the period may span at most " + MAX_PUNCTUALITY_DAYS + " days"));
            }
        }
        if (!v.isEmpty()) {
            throw DomainException.invalid(v);
        }
        Instant now = clock.now();
        List<Assignment> due = tasks.dueInSubtree(
                subtree.get(0).code(),
                from.atStartOfDay(WorkCalendar.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(WorkCalendar.ZONE).toInstant());
        Map<String, BoardCounts> byUnit = new HashMap<>();
        for (Assignment a : due) {
            byUnit.merge(a.unitCode(), BoardCounts.ZERO.plus(a.timeliness(now), a.silent()), BoardCounts::plus);
        }
        List<UnitPunctuality> rows = new ArrayList<>();
        BoardCounts total = BoardCounts.ZERO;
        Set<String> listed = new HashSet<>();
        for (UnitNode u : subtree) {
            BoardCounts counts = byUnit.get(u.code());
            if (counts != null) {
                rows.add(new UnitPunctuality(u, counts));
                total = total.plus(counts);
                listed.add(u.code());
            }
        }
        for (Map.Entry<String, BoardCounts> e : byUnit.entrySet()) {
            if (!listed.contains(e.getKey())) {
                // a unit of the closure the ordered subtree left out (a placeholder): still counted
                rows.add(new UnitPunctuality(unit(e.getKey()), e.getValue()));
                total = total.plus(e.getValue());
            }
        }
        return new Punctuality(rows, total);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Views

    private TaskView fullView(TaskItem t, Instant now) {
        return fullView(t, tasks.directive(t.directiveId()).orElseThrow(), now);
    }

    private TaskView fullView(TaskItem t, Directive d, Instant now) {
        return view(t, d, tasks.assignmentsOf(t.id()), now);
    }

    private TaskView view(TaskItem t, Directive d, List<Assignment> assignments, Instant now) {
        Set<String> late = new HashSet<>();
        for (Assignment a : assignments) {
            Timeliness tl = a.timeliness(now);
            if (tl == Timeliness.LATE || tl == Timeliness.MISSING) {
                late.add(a.unitCode());
            }
        }
        Map<String, WorkCalendar> cal = late.isEmpty() ? Map.of() : calendars.calendarsOf(late);
        Map<String, UnitNode> known = new LinkedHashMap<>();
        List<AssignmentView> views = new ArrayList<>();
        for (Assignment a : assignments) {
            views.add(assignmentView(a, known.computeIfAbsent(a.unitCode(), this::unit), now, cal.get(a.unitCode())));
        }
        return new TaskView(t, d, known.computeIfAbsent(t.issuingUnit(), this::unit), views);
    }

    private AssignmentView assignmentView(TaskItem t, Assignment a, Instant now) {
        Timeliness tl = a.timeliness(now);
        WorkCalendar cal =
                tl == Timeliness.LATE || tl == Timeliness.MISSING ? calendars.calendarOf(a.unitCode()) : null;
        return assignmentView(a, unit(a.unitCode()), now, cal);
    }

    private static AssignmentView assignmentView(Assignment a, UnitNode unit, Instant now, WorkCalendar cal) {
        Timeliness tl = a.timeliness(now);
        int daysLate = 0;
        if (cal != null && (tl == Timeliness.LATE || tl == Timeliness.MISSING)) {
            daysLate = cal.workingDaysLate(a.effectiveDeadline(), a.done() ? a.doneAt() : now);
        }
        return new AssignmentView(a, unit, tl, daysLate);
    }

    private static AssignmentView of(TaskView view, String unitCode) {
        return view.assignments().stream()
                .filter(a -> a.assignment().unitCode().equals(unitCode))
                .findFirst()
                .orElseThrow();
    }

    private UnitNode unit(String code) {
        return units.find(code).orElseGet(() -> new UnitNode(code, code, 0, null, 0));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Scope and input helpers

    /** Whether the unit is the caller's or below it. */
    private List<Assignment> readableOnes(Caller caller, List<Assignment> all) {
        return all.stream().filter(a -> scope.covers(caller, a.unitCode())).toList();
    }

    /**
     * Machines (client-credentials tokens) read punctuality and campaign exports only. Keycloak names a client's
     * service-account user service-account-&lt;client id&gt; and issues its tokens to that client (gateway
     * MachineCallers holds the same rule).
     */
    private static void requirePerson(Caller caller) {
        String username = caller.username();
        String client = caller.clientId();
        if (username != null
                && client != null
                && !client.isBlank()
                && username.equalsIgnoreCase(MACHINE_PREFIX + client.toLowerCase(Locale.ROOT))) {
            throw DomainException.permissionDenied("machines read task punctuality and campaign exports only");
        }
    }

    private static int pageSize(int requested) {
        if (requested < 0 || requested > MAX_PAGE) {
            throw DomainException.invalid("page_size", "must be between 1 and " + MAX_PAGE);
        }
        return requested == 0 ? 50 : requested;
    }

    private static Page.Keyset keyset(String token, String list) {
        try {
            return Page.Keyset.of(Page.Request.of(1, token).forList(list));
        } catch (DomainException e) {
            throw DomainException.invalid("page_token", "is not a token this list issued");
        }
    }

    private static String required(String value, String field) {
        if (blank(value)) {
            throw DomainException.invalid(field, "is required");
        }
        return value.strip();
    }

    private static String text(String value, String field, int max, List<FieldViolation> v) {
        String s = value == null ? "" : value.strip();
        if (s.isEmpty() || s.length() > max) {
            v.add(new FieldViolation(field, "must be 1 to " + max + " characters"));
        }
        return s;
    }

    /** null when blank; a violation when not an id a document service could have issued. */
    private static String documentId(String value, String field, List<FieldViolation> v) {
        if (blank(value)) {
            return null;
        }
        String s = value.strip();
        if (!DOCUMENT_ID.matcher(s).matches()) {
            v.add(new FieldViolation(field, "is not a document id"));
        }
        return s;
    }

    private static LocalDate date(String value, String field, List<FieldViolation> v) {
        if (blank(value)) {
            v.add(new FieldViolation(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            v.add(new FieldViolation(field, "must be an ISO date YYYY-MM-DD"));
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
