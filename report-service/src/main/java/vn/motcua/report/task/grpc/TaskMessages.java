package vn.motcua.report.task.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.report.v1.Assignment;
import vn.motcua.proto.report.v1.AssignmentStage;
import vn.motcua.proto.report.v1.BoardCounts;
import vn.motcua.proto.report.v1.CampaignReportState;
import vn.motcua.proto.report.v1.CampaignTemplate;
import vn.motcua.proto.report.v1.ColumnType;
import vn.motcua.proto.report.v1.Directive;
import vn.motcua.proto.report.v1.ExpectedOutput;
import vn.motcua.proto.report.v1.ProgressReport;
import vn.motcua.proto.report.v1.Task;
import vn.motcua.proto.report.v1.TaskKind;
import vn.motcua.proto.report.v1.TemplateColumn;
import vn.motcua.proto.report.v1.TemplatePrefill;
import vn.motcua.proto.report.v1.Timeliness;
import vn.motcua.proto.report.v1.UnitRef;
import vn.motcua.report.scope.service.UnitNode;
import vn.motcua.report.task.service.TaskViews;

/** Task views to their proto messages (answers and feed payloads alike). */
public final class TaskMessages {

    private TaskMessages() {}

    public static UnitRef unit(UnitNode u) {
        UnitLevel level = UnitLevel.forNumber(u.level());
        return UnitRef.newBuilder()
                .setCode(u.code())
                .setName(u.name() == null ? u.code() : u.name())
                .setLevel(level == null ? UnitLevel.UNIT_LEVEL_UNSPECIFIED : level)
                .setParentCode(nz(u.parent()))
                .build();
    }

    public static Directive directive(TaskViews.DirectiveView v) {
        vn.motcua.report.task.domain.Directive d = v.directive();
        Directive.Builder b = Directive.newBuilder()
                .setDirectiveId(d.id())
                .setIssuingUnit(unit(v.issuingUnit()))
                .setNumber(d.number())
                .setSignedOn(d.signedOn().toString())
                .setTitle(d.title())
                .setSigner(d.signer())
                .setDocumentId(nz(d.documentId()))
                .setIssuedBy(d.issuedBy())
                .setIssuedAt(timestamp(d.issuedAt()));
        v.tasks().forEach(t -> b.addTasks(task(t)));
        return b.build();
    }

    public static Task task(TaskViews.TaskView v) {
        vn.motcua.report.task.domain.TaskItem t = v.task();
        Task.Builder b = Task.newBuilder()
                .setTaskId(t.id())
                .setDirectiveId(t.directiveId())
                .setDirectiveLabel(v.directive().label())
                .setIssuingUnit(unit(v.issuingUnit()))
                .setKind(
                        t.kind() == vn.motcua.report.task.domain.TaskKind.CAMPAIGN
                                ? TaskKind.TASK_KIND_CAMPAIGN
                                : TaskKind.TASK_KIND_TASK)
                .setTitle(t.title())
                .setDescription(t.description())
                .setExpectedOutput(ExpectedOutput.valueOf(
                        "EXPECTED_OUTPUT_" + t.expectedOutput().name()))
                .setFollowUpUser(t.followUpUser())
                .setCreatedBy(t.createdBy())
                .setCreatedAt(timestamp(t.createdAt()));
        if (t.template() != null) {
            b.setTemplate(template(t.template()));
        }
        v.assignments().forEach(a -> b.addAssignments(assignment(a)));
        return b.build();
    }

    public static CampaignTemplate template(vn.motcua.report.task.domain.CampaignTemplate t) {
        CampaignTemplate.Builder b = CampaignTemplate.newBuilder()
                .setPrefill(TemplatePrefill.valueOf(
                        "TEMPLATE_PREFILL_" + t.prefill().name()));
        for (vn.motcua.report.task.domain.TemplateColumn c : t.columns()) {
            b.addColumns(TemplateColumn.newBuilder()
                    .setKey(c.key())
                    .setLabel(c.label())
                    .setType(ColumnType.valueOf("COLUMN_TYPE_" + c.type().name()))
                    .setRequired(c.required()));
        }
        return b.build();
    }

    public static Assignment assignment(TaskViews.AssignmentView v) {
        vn.motcua.report.task.domain.Assignment a = v.assignment();
        Assignment.Builder b = Assignment.newBuilder()
                .setUnit(unit(v.unit()))
                .setStage(
                        AssignmentStage.valueOf("ASSIGNMENT_STAGE_" + a.stage().name()))
                .setDeadline(timestamp(a.deadline()))
                .setEffectiveDeadline(timestamp(a.effectiveDeadline()))
                .setTimeliness(Timeliness.valueOf("TIMELINESS_" + v.timeliness().name()))
                .setDoneBy(nz(a.doneBy()))
                .setWorkingDaysLate(v.workingDaysLate())
                .setProgressPercent(a.progressPercent())
                .setSilent(a.silent())
                .setAnswer(Boolean.TRUE.equals(a.answer()))
                .setDocumentId(nz(a.documentId()))
                .setReportVersion(a.reportVersion());
        if (a.doneAt() != null) {
            b.setDoneAt(timestamp(a.doneAt()));
        }
        if (a.lastActivityAt() != null) {
            b.setLastActivityAt(timestamp(a.lastActivityAt()));
        }
        if (a.reportState() != null) {
            b.setReportState(reportState(a.reportState()));
        }
        return b.build();
    }

    private static CampaignReportState reportState(String state) {
        try {
            return CampaignReportState.valueOf("CAMPAIGN_REPORT_STATE_" + state);
        } catch (IllegalArgumentException e) {
            return CampaignReportState.CAMPAIGN_REPORT_STATE_UNSPECIFIED;
        }
    }

    public static ProgressReport progress(TaskViews.ProgressView v) {
        vn.motcua.report.task.domain.Progress p = v.progress();
        return ProgressReport.newBuilder()
                .setProgressId(p.id())
                .setTaskId(p.taskId())
                .setUnit(unit(v.unit()))
                .setText(p.text())
                .setPercent(p.percent())
                .addAllDocumentIds(p.documentIds())
                .setReportedBy(p.reportedBy())
                .setReportedAt(timestamp(p.reportedAt()))
                .build();
    }

    public static BoardCounts counts(vn.motcua.report.task.domain.BoardCounts c) {
        return BoardCounts.newBuilder()
                .setOnTime(c.onTime())
                .setLate(c.late())
                .setMissing(c.missing())
                .setPending(c.pending())
                .setSilent(c.silent())
                .build();
    }

    public static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
