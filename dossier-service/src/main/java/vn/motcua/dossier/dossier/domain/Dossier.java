package vn.motcua.dossier.dossier.domain;

import java.time.Instant;

/**
 * A dossier as stored. originalDueAt is kept next to dueAt so reports can still count an extended dossier
 * against its first appointment (domain.md 6.3). revision counts the transitions applied (the stored row version):
 * clients send it back to act only on the dossier they saw.
 */
public record Dossier(String code, String procedureCode, int procedureVersion, String procedureName,
                      String receivingUnitCode, String competentUnitCode, String handlingUnitCode,
                      DossierState state, Channel channel, Applicant applicant, String note, Instant receivedAt,
                      Instant originalDueAt, Instant dueAt, Instant finishedAt, boolean extensionUsed,
                      long revision) {
}
