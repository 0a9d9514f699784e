package vn.motcua.report.importer.domain;

import java.util.Optional;

/**
 * The national portal's dossier status codes ({@code TrangThaiHoSo}, domain.md 4.1) and what an imported dossier in
 * that status is for the reports: its state (dossier-service's DossierStatus name) and how it ended.
 * <p>
 * The mapping mirrors dossier-service's own (DossierState.dvcqgStatusCode, ResultKind.of), read backwards:
 * <ul>
 *   <li>5 is a supplement request after reception (SUPPLEMENT_REQUESTED), or before it (PRE_SUPPLEMENT) when the
 *       row has no reception time;</li>
 *   <li>9 and 10 are ISSUED, unless the row says {@code KetQuaTuChoi = 1}: the portal has no code for a refusal after
 *       appraisal, and dossier-service syncs one as 9 with a negative result, so the import needs that flag to tell
 *       them apart (REFUSED);</li>
 *   <li>3 (not accepted) is REJECTED and never received: like a live rejection it counts in no report.</li>
 * </ul>
 */
public enum DvcqgStatus {
    SUBMITTED(1, "Mới đăng ký", Reception.FORBIDDEN, null),
    RECEIVED(2, "Được tiếp nhận", Reception.REQUIRED, null),
    REJECTED(3, "Không được tiếp nhận", Reception.FORBIDDEN, "REJECTED"),
    IN_PROCESS(4, "Đang xử lý", Reception.REQUIRED, null),
    SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung giấy tờ", Reception.OPTIONAL, null),
    AWAITING_PAYMENT(6, "Yêu cầu thực hiện nghĩa vụ tài chính", Reception.REQUIRED, null),
    WITHDRAWN(7, "Công dân yêu cầu rút hồ sơ", Reception.OPTIONAL, "WITHDRAWN"),
    STOPPED(8, "Dừng xử lý", Reception.REQUIRED, "STOPPED"),
    FINISHED(9, "Đã xử lý xong", Reception.REQUIRED, "ISSUED"),
    RETURNED(10, "Đã trả kết quả", Reception.REQUIRED, "ISSUED");

    /** Whether a dossier in this status has been accepted (has NgayTiepNhan). */
    public enum Reception {
        REQUIRED,
        OPTIONAL,
        FORBIDDEN
    }

    private final int code;
    private final String labelVi;
    private final Reception reception;
    private final String resultKind;

    DvcqgStatus(int code, String labelVi, Reception reception, String resultKind) {
        this.code = code;
        this.labelVi = labelVi;
        this.reception = reception;
        this.resultKind = resultKind;
    }

    public static Optional<DvcqgStatus> of(int code) {
        for (DvcqgStatus s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public int code() {
        return code;
    }

    public String labelVi() {
        return labelVi;
    }

    public Reception reception() {
        return reception;
    }

    /** The dossier ended in this status (it needs an end time). */
    public boolean isEnd() {
        return resultKind != null;
    }

    /** Nothing may follow this status in a history (9 may still be followed by 10, the hand-over). */
    public boolean isFinal() {
        return isEnd() && this != FINISHED;
    }

    /** Only a finished or returned dossier can be a refusal after appraisal (KetQuaTuChoi). */
    public boolean mayBeRefusal() {
        return this == FINISHED || this == RETURNED;
    }

    /**
     * @param received whether the dossier has a reception time
     * @param refused  KetQuaTuChoi: the result is a refusal after appraisal
     * @return dossier-service's DossierStatus name without prefix
     */
    public String state(boolean received, boolean refused) {
        if (refused && mayBeRefusal()) {
            return "REFUSED";
        }
        return switch (this) {
            case SUBMITTED -> "SUBMITTED";
            case RECEIVED -> "RECEIVED";
            case REJECTED -> "REJECTED";
            case IN_PROCESS -> "IN_PROCESS";
            case SUPPLEMENT_REQUESTED -> received ? "SUPPLEMENT_REQUESTED" : "PRE_SUPPLEMENT";
            case AWAITING_PAYMENT -> "AWAITING_PAYMENT";
            case WITHDRAWN -> "WITHDRAWN";
            case STOPPED -> "STOPPED";
            case FINISHED -> "RESULT_READY";
            case RETURNED -> "RETURNED";
        };
    }

    /** @return ISSUED, REFUSED, REJECTED, WITHDRAWN or STOPPED; null while open */
    public String resultKind(boolean refused) {
        return refused && mayBeRefusal() ? "REFUSED" : resultKind;
    }
}
