package vn.motcua.report.importer.domain;

import java.time.Instant;

/** One entry of a dossier's status history (TienTrinh): the portal status and when it was entered. */
public record StatusStep(DvcqgStatus status, Instant at) {}
