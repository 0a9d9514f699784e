package vn.motcua.dossier.forms;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of one-stop-shop forms, independent of how a circular numbers them.
 *
 * <p>The platform stores and reasons about the <em>type</em>; the number ("Mẫu số 05") and
 * the title are presentation, looked up per {@link FormRegime}. Numbers shift between the
 * two circulars (the control slip is 05 in 2018 but 06 in 2025, and 05 in 2025 is the new
 * stop notice), so a number alone is ambiguous (domain.md 18.5 "Adoption lag").
 */
public enum FormType {
    RECEIPT(
            Paper.A5_PORTRAIT,
            true,
            "01",
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            "01",
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"),
    SUPPLEMENT_REQUEST(
            Paper.A5_PORTRAIT,
            true,
            "02",
            "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
            "02",
            "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"),
    /** 2025 drops "giải quyết" from the title (refusal at reception only). */
    REFUSAL(
            Paper.A5_PORTRAIT,
            true,
            "03",
            "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
            "03",
            "PHIẾU TỪ CHỐI TIẾP NHẬN HỒ SƠ"),
    /** Renamed in 2025: the late-dossier letter also asks for an extension. */
    APOLOGY(
            Paper.A5_PORTRAIT,
            true,
            "04",
            "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
            "04",
            "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN"),
    /** New in Circular 03/2025 (Decree 118/2025 Art 21); no 2018 equivalent. */
    STOP_NOTICE(Paper.A5_PORTRAIT, true, null, null, "05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"),
    CONTROL_SLIP(
            Paper.A5_PORTRAIT,
            true,
            "05",
            "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
            "06",
            "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"),
    /** Circular 01/2018 Art 9(2): the register prints on A4; landscape fits its columns. */
    TRACKING_REGISTER(Paper.A4_LANDSCAPE, false, "06", "SỔ THEO DÕI HỒ SƠ", "07", "SỔ THEO DÕI HỒ SƠ");

    /** Page formats used by the forms (Circular 01/2018 Art 9(2)). */
    public enum Paper {
        A5_PORTRAIT,
        A4_LANDSCAPE
    }

    private final Paper paper;
    private final boolean perDossier;
    private final String number2018;
    private final String title2018;
    private final String number2025;
    private final String title2025;

    FormType(
            Paper paper, boolean perDossier, String number2018, String title2018, String number2025, String title2025) {
        this.paper = paper;
        this.perDossier = perDossier;
        this.number2018 = number2018;
        this.title2018 = title2018;
        this.number2025 = number2025;
        this.title2025 = title2025;
    }

    public Paper paper() {
        return paper;
    }

    /** True when the form is about a single dossier (and so carries its code and QR). */
    public boolean perDossier() {
        return perDossier;
    }

    public boolean existsIn(FormRegime regime) {
        return number(regime, false) != null;
    }

    /** Two-digit form number ("05") in the given form set. */
    public String number(FormRegime regime) {
        return number(regime, true);
    }

    /** Upper-case Vietnamese title as printed on the form. */
    public String title(FormRegime regime) {
        requireIn(regime);
        return regime == FormRegime.REGIME_2018 ? title2018 : title2025;
    }

    /** "Mẫu số 05", as printed in the form's top corner. */
    public String formLabel(FormRegime regime) {
        return "Mẫu số " + number(regime);
    }

    /**
     * Resolves a form number as written in a document of the given form set, e.g. an internal
     * process decision that says "Mẫu 05". Accepts "5", "05", "Mẫu 05", "Mẫu số 05".
     */
    public static Optional<FormType> byNumber(FormRegime regime, String number) {
        String digits = number == null ? "" : number.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return Optional.empty();
        }
        String normalised = String.format("%02d", Integer.parseInt(digits));
        return Arrays.stream(values())
                .filter(t -> normalised.equals(t.number(regime, false)))
                .findFirst();
    }

    void requireIn(FormRegime regime) {
        if (!existsIn(regime)) {
            throw new FormNotInRegimeException(this, regime);
        }
    }

    /** Title from whichever form set defines the type; used in error messages. */
    String anyTitle() {
        return title2018 != null ? title2018 : title2025;
    }

    String definedIn() {
        return number2018 == null
                ? FormRegime.REGIME_2025.circular()
                : number2025 == null ? FormRegime.REGIME_2018.circular() : "both form sets";
    }

    private String number(FormRegime regime, boolean required) {
        String n = regime == FormRegime.REGIME_2018 ? number2018 : number2025;
        if (n == null && required) {
            throw new FormNotInRegimeException(this, regime);
        }
        return n;
    }
}
