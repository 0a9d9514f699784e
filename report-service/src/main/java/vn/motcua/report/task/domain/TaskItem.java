package vn.motcua.report.task.domain;

import java.time.Instant;

/** A task of a directive. @param template null for a TASK */
public record TaskItem(
        String id,
        String directiveId,
        String issuingUnit,
        TaskKind kind,
        String title,
        String description,
        ExpectedOutput expectedOutput,
        CampaignTemplate template,
        String followUpUser,
        String createdBy,
        Instant createdAt) {}
