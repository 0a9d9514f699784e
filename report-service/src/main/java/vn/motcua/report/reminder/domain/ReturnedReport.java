package vn.motcua.report.reminder.domain;

/** A campaign report version sent back for correction: its unit is told once (kind RETURNED). */
public record ReturnedReport(
        String reportId, String taskId, String taskTitle, String unitCode, int version, String reason) {}
