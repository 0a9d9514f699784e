package vn.motcua.gateway.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.gateway.report.ReportJson;
import vn.motcua.proto.report.v1.Assignment;
import vn.motcua.proto.report.v1.BoardCounts;
import vn.motcua.proto.report.v1.CampaignReport;
import vn.motcua.proto.report.v1.CampaignRow;
import vn.motcua.proto.report.v1.CampaignTemplate;
import vn.motcua.proto.report.v1.Directive;
import vn.motcua.proto.report.v1.GetTaskBoardResponse;
import vn.motcua.proto.report.v1.GetTaskPunctualityResponse;
import vn.motcua.proto.report.v1.ListTaskNotificationsResponse;
import vn.motcua.proto.report.v1.ProgressReport;
import vn.motcua.proto.report.v1.Task;
import vn.motcua.proto.report.v1.TaskContacts;
import vn.motcua.proto.report.v1.TaskNotification;
import vn.motcua.proto.report.v1.TemplateColumn;
import vn.motcua.proto.report.v1.UnitPunctuality;
import vn.motcua.proto.report.v1.UnitRef;

/**
 * TaskService's and CampaignService's answers as the API shows them: the proto messages field for field in camelCase,
 * enums without their prefix (kind TASK, CAMPAIGN; expectedOutput REPORT_TEMPLATE, DOCUMENT, YES_NO; stage ASSIGNEE,
 * UPWARD; timeliness PENDING, ON_TIME, LATE, MISSING; state DRAFT, SUBMITTED, RETURNED, ACCEPTED, CONSOLIDATED; column
 * type TEXT, INTEGER, DECIMAL, DATE, YES_NO; prefill NONE, PROCEDURES; audience ASSIGNEE, LEADER; notification kind
 * ASSIGNED, DUE_SOON, OVERDUE, RETURNED), instants ISO-8601 UTC, absent values null and empty lists []. Units are the
 * unit JSON of the other report routes ({@link ReportJson.Unit}). Timeliness, counts and per-mille figures are the
 * service's, never recomputed here.
 */
public final class TaskJson {

    private TaskJson() {}

    @Nullable
    private static String textOf(String value) {
        return ProtoValues.text(value);
    }

    @Nullable
    private static String instantOf(boolean present, com.google.protobuf.Timestamp at) {
        return ProtoValues.instant(present, at);
    }

    @Nullable
    static ReportJson.Unit unitOf(boolean present, UnitRef u) {
        return present
                ? new ReportJson.Unit(
                        u.getCode(),
                        textOf(u.getName()),
                        ProtoValues.enumName(u.getLevel(), "UNIT_LEVEL_"),
                        textOf(u.getParentCode()),
                        u.getDepth())
                : null;
    }

    // --- directives and tasks -------------------------------------------------------------------------------------

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DirectiveJson(
            String directiveId,
            @Nullable ReportJson.Unit issuingUnit,
            @Nullable String number,
            @Nullable String signedOn,
            @Nullable String title,
            @Nullable String signer,
            @Nullable String documentId,
            @Nullable String issuedBy,
            @Nullable String issuedAt,
            List<TaskItem> tasks) {

        static DirectiveJson from(Directive d) {
            return new DirectiveJson(
                    d.getDirectiveId(),
                    unitOf(d.hasIssuingUnit(), d.getIssuingUnit()),
                    textOf(d.getNumber()),
                    textOf(d.getSignedOn()),
                    textOf(d.getTitle()),
                    textOf(d.getSigner()),
                    textOf(d.getDocumentId()),
                    textOf(d.getIssuedBy()),
                    instantOf(d.hasIssuedAt(), d.getIssuedAt()),
                    d.getTasksList().stream().map(TaskItem::from).toList());
        }
    }

    /** Directives issued by a unit, newest first, a page at a time. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Directives(
            List<DirectiveJson> directives, @Nullable String nextPageToken) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Column(
            @Nullable String key,
            @Nullable String label,
            @Nullable String type,
            boolean required) {

        static Column from(TemplateColumn c) {
            return new Column(
                    textOf(c.getKey()),
                    textOf(c.getLabel()),
                    ProtoValues.enumName(c.getType(), "COLUMN_TYPE_"),
                    c.getRequired());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Template(List<Column> columns, @Nullable String prefill) {

        @Nullable
        static Template of(boolean present, CampaignTemplate t) {
            return present
                    ? new Template(
                            t.getColumnsList().stream().map(Column::from).toList(),
                            ProtoValues.enumName(t.getPrefill(), "TEMPLATE_PREFILL_"))
                    : null;
        }
    }

    /** One unit's duty in a task: its deadline as set and as it takes effect, and how it stands. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AssignmentJson(
            @Nullable ReportJson.Unit unit,
            @Nullable String stage,
            @Nullable String deadline,
            @Nullable String effectiveDeadline,
            @Nullable String timeliness,
            @Nullable String doneAt,
            @Nullable String doneBy,
            int workingDaysLate,
            int progressPercent,
            @Nullable String lastActivityAt,
            boolean silent,
            boolean answer,
            @Nullable String documentId,
            int reportVersion,
            @Nullable String reportState) {

        @Nullable
        static AssignmentJson of(boolean present, Assignment a) {
            return present ? from(a) : null;
        }

        static AssignmentJson from(Assignment a) {
            return new AssignmentJson(
                    unitOf(a.hasUnit(), a.getUnit()),
                    ProtoValues.enumName(a.getStage(), "ASSIGNMENT_STAGE_"),
                    instantOf(a.hasDeadline(), a.getDeadline()),
                    instantOf(a.hasEffectiveDeadline(), a.getEffectiveDeadline()),
                    ProtoValues.enumName(a.getTimeliness(), "TIMELINESS_"),
                    instantOf(a.hasDoneAt(), a.getDoneAt()),
                    textOf(a.getDoneBy()),
                    a.getWorkingDaysLate(),
                    a.getProgressPercent(),
                    instantOf(a.hasLastActivityAt(), a.getLastActivityAt()),
                    a.getSilent(),
                    a.getAnswer(),
                    textOf(a.getDocumentId()),
                    a.getReportVersion(),
                    ProtoValues.enumName(a.getReportState(), "CAMPAIGN_REPORT_STATE_"));
        }
    }

    /** A task or campaign of a directive (named TaskItem: Task is the proto message). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TaskItem(
            String taskId,
            @Nullable String directiveId,
            @Nullable String directiveLabel,
            @Nullable ReportJson.Unit issuingUnit,
            @Nullable String kind,
            @Nullable String title,
            @Nullable String description,
            @Nullable String expectedOutput,
            @Nullable Template template,
            @Nullable String followUpUser,
            @Nullable String createdBy,
            @Nullable String createdAt,
            List<AssignmentJson> assignments) {

        @Nullable
        static TaskItem of(boolean present, Task t) {
            return present ? from(t) : null;
        }

        static TaskItem from(Task t) {
            return new TaskItem(
                    t.getTaskId(),
                    textOf(t.getDirectiveId()),
                    textOf(t.getDirectiveLabel()),
                    unitOf(t.hasIssuingUnit(), t.getIssuingUnit()),
                    ProtoValues.enumName(t.getKind(), "TASK_KIND_"),
                    textOf(t.getTitle()),
                    textOf(t.getDescription()),
                    ProtoValues.enumName(t.getExpectedOutput(), "EXPECTED_OUTPUT_"),
                    Template.of(t.hasTemplate(), t.getTemplate()),
                    textOf(t.getFollowUpUser()),
                    textOf(t.getCreatedBy()),
                    instantOf(t.hasCreatedAt(), t.getCreatedAt()),
                    t.getAssignmentsList().stream().map(AssignmentJson::from).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Tasks(List<TaskItem> tasks, @Nullable String nextPageToken) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Progress(
            String progressId,
            @Nullable String taskId,
            @Nullable ReportJson.Unit unit,
            @Nullable String text,
            int percent,
            List<String> documentIds,
            @Nullable String reportedBy,
            @Nullable String reportedAt) {

        @Nullable
        static Progress of(boolean present, ProgressReport p) {
            return present ? from(p) : null;
        }

        static Progress from(ProgressReport p) {
            return new Progress(
                    p.getProgressId(),
                    textOf(p.getTaskId()),
                    unitOf(p.hasUnit(), p.getUnit()),
                    textOf(p.getText()),
                    p.getPercent(),
                    List.copyOf(p.getDocumentIdsList()),
                    textOf(p.getReportedBy()),
                    instantOf(p.hasReportedAt(), p.getReportedAt()));
        }
    }

    /** The answer to a progress report: the report and the assignment as it now stands. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ProgressReported(
            @Nullable Progress progress, @Nullable AssignmentJson assignment) {}

    /** The answer to a completion: the assignment as it now stands. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Completed(@Nullable AssignmentJson assignment) {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Counts(int onTime, int late, int missing, int pending, int silent) {

        @Nullable
        static Counts of(boolean present, BoardCounts c) {
            return present
                    ? new Counts(c.getOnTime(), c.getLate(), c.getMissing(), c.getPending(), c.getSilent())
                    : null;
        }
    }

    /** The issuer's board: the task, its assignees' counts (stage ASSIGNEE only) and every progress report. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Board(@Nullable TaskItem task, @Nullable Counts counts, List<Progress> progress) {

        static Board from(GetTaskBoardResponse r) {
            return new Board(
                    TaskItem.of(r.hasTask(), r.getTask()),
                    Counts.of(r.hasCounts(), r.getCounts()),
                    r.getProgressList().stream().map(Progress::from).toList());
        }
    }

    /** onTimePerMille is -1 when nothing fell due in the period (the service's convention, shown as is). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UnitPunctualityJson(
            @Nullable ReportJson.Unit unit, @Nullable Counts counts, int onTimePerMille) {

        static UnitPunctualityJson from(UnitPunctuality u) {
            return new UnitPunctualityJson(
                    unitOf(u.hasUnit(), u.getUnit()), Counts.of(u.hasCounts(), u.getCounts()), u.getOnTimePerMille());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Punctuality(
            List<UnitPunctualityJson> units, @Nullable Counts total) {

        static Punctuality from(GetTaskPunctualityResponse r) {
            return new Punctuality(
                    r.getUnitsList().stream().map(UnitPunctualityJson::from).toList(),
                    Counts.of(r.hasTotal(), r.getTotal()));
        }
    }

    // --- reminders ------------------------------------------------------------------------------------------------

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Contacts(
            @Nullable String unitCode,
            List<String> assigneeEmails,
            List<String> leaderEmails,
            @Nullable String updatedBy,
            @Nullable String updatedAt) {

        static Contacts from(TaskContacts c) {
            return new Contacts(
                    textOf(c.getUnitCode()),
                    List.copyOf(c.getAssigneeEmailsList()),
                    List.copyOf(c.getLeaderEmailsList()),
                    textOf(c.getUpdatedBy()),
                    instantOf(c.hasUpdatedAt(), c.getUpdatedAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Notification(
            String notificationId,
            @Nullable String taskId,
            @Nullable String taskTitle,
            @Nullable ReportJson.Unit unit,
            @Nullable String audience,
            @Nullable String kind,
            @Nullable String message,
            @Nullable String createdAt,
            @Nullable String readAt,
            int emailedTo) {

        static Notification from(TaskNotification n) {
            return new Notification(
                    n.getNotificationId(),
                    textOf(n.getTaskId()),
                    textOf(n.getTaskTitle()),
                    unitOf(n.hasUnit(), n.getUnit()),
                    ProtoValues.enumName(n.getAudience(), "NOTIFICATION_AUDIENCE_"),
                    ProtoValues.enumName(n.getKind(), "NOTIFICATION_KIND_"),
                    textOf(n.getMessage()),
                    instantOf(n.hasCreatedAt(), n.getCreatedAt()),
                    instantOf(n.hasReadAt(), n.getReadAt()),
                    n.getEmailedTo());
        }
    }

    /** The unit's inbox, newest first, a page at a time, with how many are unread in all. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Notifications(
            List<Notification> notifications, @Nullable String nextPageToken, int unread) {

        static Notifications from(ListTaskNotificationsResponse r) {
            return new Notifications(
                    r.getNotificationsList().stream().map(Notification::from).toList(),
                    textOf(r.getNextPageToken()),
                    r.getUnread());
        }
    }

    // --- campaign reports -----------------------------------------------------------------------------------------

    /** One data row: column key to the value as text; a consolidation's rows name the unit they came from. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Row(
            Map<String, String> cells,
            @Nullable String sourceUnitCode,
            @Nullable String sourceUnitName) {

        static Row from(CampaignRow r) {
            // the service's order of the cells (the proto map keeps it), not the JSON library's
            return new Row(
                    new LinkedHashMap<>(r.getCellsMap()), textOf(r.getSourceUnitCode()), textOf(r.getSourceUnitName()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Report(
            String reportId,
            @Nullable String taskId,
            @Nullable ReportJson.Unit unit,
            int version,
            @Nullable String state,
            boolean consolidation,
            List<Row> rows,
            int rowCount,
            @Nullable String savedBy,
            @Nullable String savedAt,
            @Nullable String submittedBy,
            @Nullable String submittedAt,
            boolean late,
            @Nullable String returnedBy,
            @Nullable String returnedAt,
            @Nullable String returnReason,
            @Nullable String acceptedBy,
            @Nullable String acceptedAt,
            List<String> sourceReportIds) {

        static Report from(CampaignReport r) {
            return new Report(
                    r.getReportId(),
                    textOf(r.getTaskId()),
                    unitOf(r.hasUnit(), r.getUnit()),
                    r.getVersion(),
                    ProtoValues.enumName(r.getState(), "CAMPAIGN_REPORT_STATE_"),
                    r.getConsolidation(),
                    r.getRowsList().stream().map(Row::from).toList(),
                    r.getRowCount(),
                    textOf(r.getSavedBy()),
                    instantOf(r.hasSavedAt(), r.getSavedAt()),
                    textOf(r.getSubmittedBy()),
                    instantOf(r.hasSubmittedAt(), r.getSubmittedAt()),
                    r.getLate(),
                    textOf(r.getReturnedBy()),
                    instantOf(r.hasReturnedAt(), r.getReturnedAt()),
                    textOf(r.getReturnReason()),
                    textOf(r.getAcceptedBy()),
                    instantOf(r.hasAcceptedAt(), r.getAcceptedAt()),
                    List.copyOf(r.getSourceReportIdsList()));
        }
    }

    /** Every version of every unit's line in a campaign that the caller may read (rows left out). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Reports(List<Report> reports) {}
}
