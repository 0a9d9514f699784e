package vn.motcua.report.importer.domain;

import java.time.Instant;
import java.util.List;

/**
 * One imported dossier, checked and normalized: instants in UTC to the microsecond, derived values (reception, end,
 * pauses) resolved, nothing personal. This is what import_row keeps, so that a projection rebuild re-applies exactly
 * what was imported.
 *
 * @param receivingUnitCode MaDonViTiepNhan, else the unit itself
 * @param fieldCode         LinhVuc as the procedure catalogue writes it; empty when the row has none
 * @param channel           COUNTER, ONLINE or POSTAL (KenhThucHien 1, 2, 3)
 * @param originalDueAt     NgayHenTraBanDau, else the due time itself (no extension)
 * @param supplementRequests SoLanBoSung, else the number of status-5 entries in the history
 * @param pausedSeconds     SoGiayTamDung, else the closed status-5 periods after reception in the history
 * @param onlinePayment     DuocThanhToanTrucTuyen: 0 no, 1 through the national portal, 2 through another gateway
 * @param feeTotal          whole đồng
 */
public record ImportedDossier(
        String code,
        String procedureCode,
        String serviceCode,
        String unitCode,
        String receivingUnitCode,
        String fieldCode,
        String channel,
        DvcqgStatus status,
        boolean refused,
        Instant submittedAt,
        Instant receivedAt,
        Instant dueAt,
        Instant originalDueAt,
        Instant finishedAt,
        Instant returnedAt,
        List<StatusStep> history,
        int supplementRequests,
        long pausedSeconds,
        int onlinePayment,
        long feeTotal,
        boolean componentsDigitized,
        boolean reusesData,
        boolean fromWarehouse,
        boolean vneidVerified,
        String resultCode,
        String resultUrl) {

    public ImportedDossier {
        history = List.copyOf(history);
    }

    /** dossier-service's DossierStatus name without prefix. */
    public String state() {
        return status.state(receivedAt != null, refused);
    }

    /** ISSUED, REFUSED, REJECTED, WITHDRAWN, STOPPED; null while open. */
    public String resultKind() {
        return status.resultKind(refused);
    }

    /** An apology and extension moved the due time (domain 6.3: reports may still count against the original). */
    public boolean extensionUsed() {
        return dueAt != null && originalDueAt != null && !dueAt.equals(originalDueAt);
    }

    public boolean boundaryFree() {
        return !receivingUnitCode.equals(unitCode);
    }
}
