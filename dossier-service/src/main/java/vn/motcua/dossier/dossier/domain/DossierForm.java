package vn.motcua.dossier.dossier.domain;

/**
 * Forms (biểu mẫu) a transition produces, identified by their <em>type</em> rather than their number, because the
 * numbering moved between circulars (domain.md §3 and §18.5 "map by form type, not by number"): e.g. "Mẫu 05" is
 * the control slip in Circular 01/2018 but the stop notice in Circular 03/2025.
 *
 * <p>The processing-control slip (Mẫu 05 / 06) is not listed: it is not produced by one event, the service appends a
 * row to it on every hand-over.
 */
public enum DossierForm {
    /** The transition produces no form. A constant rather than null so tables and proto enums stay null-free. */
    NONE(null, null),
    /** Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
    FORM_01_RECEIPT("01", "01"),
    /** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
    FORM_02_SUPPLEMENT("02", "02"),
    /**
     * Phiếu từ chối (tiếp nhận) giải quyết hồ sơ. Circular 01/2018 uses it both at reception and after appraisal
     * (ND61 Art 17(1)(b), 19(8)); Circular 03/2025 names it "từ chối tiếp nhận" only, and which template a refusal
     * after appraisal uses under 2025 is [U]: we keep 03 until the 2025 form contents are read.
     */
    FORM_03_REFUSAL("03", "03"),
    /** 2018: Phiếu xin lỗi và hẹn lại ngày trả kết quả; 2025: Văn bản xin lỗi và đề nghị gia hạn. */
    FORM_04_APOLOGY("04", "04"),
    /** Thông báo dừng giải quyết hồ sơ: new in Circular 03/2025 (Mẫu 05); no 2018 counterpart. */
    FORM_STOP_NOTICE(null, "05");

    private final String number2018;
    private final String number2025;

    DossierForm(String number2018, String number2025) {
        this.number2018 = number2018;
        this.number2025 = number2025;
    }

    /** Template number printed on the form under the given regime, or null when the regime has no such form. */
    public String templateNumber(LegalRegime regime) {
        return regime == LegalRegime.REGIME_2018 ? number2018 : number2025;
    }
}
