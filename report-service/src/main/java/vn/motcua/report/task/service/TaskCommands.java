package vn.motcua.report.task.service;

import java.util.List;
import vn.motcua.report.task.domain.ExpectedOutput;
import vn.motcua.report.task.domain.TaskKind;
import vn.motcua.report.task.domain.TemplateColumn;
import vn.motcua.report.task.domain.TemplatePrefill;

/** The mutating requests as the service takes them (the gRPC adapter maps the protos; null = not given). */
public final class TaskCommands {

    private TaskCommands() {}

    public record IssueDirective(
            String requestId,
            String issuingUnitCode,
            String number,
            String signedOn,
            String title,
            String signer,
            String documentId) {}

    /**
     * @param kind           null when unspecified
     * @param expectedOutput null when unspecified
     * @param columns        the template's columns; empty when the request has no template
     * @param prefill        null when the request has no template
     */
    public record AssignTask(
            String requestId,
            String directiveId,
            TaskKind kind,
            String title,
            String description,
            List<String> assigneeUnitCodes,
            String deadline,
            String upwardDeadline,
            ExpectedOutput expectedOutput,
            List<TemplateColumn> columns,
            TemplatePrefill prefill,
            String followUpUser) {

        public boolean hasTemplate() {
            return !columns.isEmpty() || prefill != null;
        }
    }

    public record ReportProgress(
            String requestId, String taskId, String unitCode, String text, int percent, List<String> documentIds) {}

    public record Complete(
            String requestId, String taskId, String unitCode, boolean answer, String documentId, String note) {}
}
