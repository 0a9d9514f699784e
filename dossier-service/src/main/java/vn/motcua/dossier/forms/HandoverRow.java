package vn.motcua.dossier.forms;

import java.time.Instant;
import java.util.Objects;

/**
 * One hand-over of the paper dossier on the control slip (Form 05 / 2025 Form 06):
 * BPMC → division → leader → … → BPMC.
 *
 * @param result null while the step is open; printed as a blank cell
 * @param note   free text; may be null
 */
public record HandoverRow(
        String fromUnit,
        String toUnit,
        Instant handedAt,
        String giverName,
        String receiverName,
        HandoverResult result,
        String note) {

    public HandoverRow {
        Objects.requireNonNull(fromUnit, "fromUnit");
        Objects.requireNonNull(toUnit, "toUnit");
        Objects.requireNonNull(handedAt, "handedAt");
    }
}
