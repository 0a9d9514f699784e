package vn.motcua.dossier.dossier.domain;

/**
 * Internal dossier states (domain.md §4.2), each mapped to the status code synchronised to the national portal
 * DVCQG (§4.1, {@code TrangThaiHoSo}).
 *
 * <p>The internal states are finer than the DVCQG codes: PRE_SUPPLEMENT and SUPPLEMENT_REQUESTED both sync as 5,
 * and REFUSED has no code of its own (see {@link #REFUSED}).
 */
public enum DossierState {
    SUBMITTED(1, false, "Mới đăng ký"),
    /**
     * Supplement asked for before acceptance (Form 02 at reception). DVCQG has only one "supplement" code, so it
     * syncs as 5 like SUPPLEMENT_REQUESTED; the difference (clock never started) lives in our data only.
     */
    PRE_SUPPLEMENT(5, false, "Yêu cầu bổ sung hồ sơ trước khi tiếp nhận"),
    RECEIVED(2, false, "Đã tiếp nhận"),
    IN_PROCESS(4, false, "Đang xử lý"),
    SUPPLEMENT_REQUESTED(5, false, "Yêu cầu bổ sung giấy tờ"),
    AWAITING_PAYMENT(6, false, "Chờ thực hiện nghĩa vụ tài chính"),
    /**
     * Refused after appraisal (ND61 Art 19(8), Form 03). DVCQG has no code for it; domain §4.2 says "8 or 9 with a
     * negative result [U]". We sync 9 ("Đã xử lý xong"): processing did finish, within the time limit the law
     * imposes on refusals, which is what the 766 timeliness counts should see. 8 now means the 2025 formal stop
     * (Form 05), so using it would merge two different facts. The negative outcome travels as the result type.
     * Confirm against the DVCQG adapter spec before go-live.
     */
    REFUSED(9, true, "Từ chối giải quyết"),
    /** Rejected at reception (Form 03): never entered processing. */
    REJECTED(3, true, "Không được tiếp nhận"),
    STOPPED(8, true, "Dừng xử lý"),
    WITHDRAWN(7, true, "Đã rút hồ sơ"),
    /** Result signed and issued, waiting at the one-stop desk. Not final: it still has to be returned. */
    RESULT_READY(9, false, "Đã xử lý xong"),
    RETURNED(10, true, "Đã trả kết quả");

    private final int dvcqgStatusCode;
    private final boolean terminal;
    private final String labelVi;

    DossierState(int dvcqgStatusCode, boolean terminal, String labelVi) {
        this.dvcqgStatusCode = dvcqgStatusCode;
        this.terminal = terminal;
        this.labelVi = labelVi;
    }

    /** Code 1..10 sent to DVCQG in {@code TrangThaiHoSo}. */
    public int dvcqgStatusCode() {
        return dvcqgStatusCode;
    }

    /** A final state accepts no event at all; the transition table has no row leaving it. */
    public boolean isFinal() {
        return terminal;
    }

    /** User-facing Vietnamese label (portal and console). */
    public String labelVi() {
        return labelVi;
    }
}
