package vn.motcua.dossier.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormTypeTest {

    @Test
    void numbersPerFormSet() {
        assertNumbers(FormRegime.REGIME_2018, "01", "02", "03", "04", null, "05", "06");
        assertNumbers(FormRegime.REGIME_2025, "01", "02", "03", "04", "05", "06", "07");
    }

    @Test
    void titlesPerFormSet() {
        assertEquals("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", FormType.RECEIPT.title(FormRegime.REGIME_2018));
        assertEquals("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", FormType.APOLOGY.title(FormRegime.REGIME_2018));
        assertEquals("VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN", FormType.APOLOGY.title(FormRegime.REGIME_2025));
        assertEquals("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", FormType.STOP_NOTICE.title(FormRegime.REGIME_2025));
        assertEquals("Mẫu số 06", FormType.CONTROL_SLIP.formLabel(FormRegime.REGIME_2025));
    }

    @Test
    void sameNumberMeansDifferentFormsInTheTwoSets() {
        // domain.md 18.5: a document citing "Mẫu 05" needs its form set to be understood.
        assertEquals(Optional.of(FormType.CONTROL_SLIP), FormType.byNumber(FormRegime.REGIME_2018, "Mẫu 05"));
        assertEquals(Optional.of(FormType.STOP_NOTICE), FormType.byNumber(FormRegime.REGIME_2025, "Mẫu số 05"));
        assertEquals(Optional.of(FormType.TRACKING_REGISTER), FormType.byNumber(FormRegime.REGIME_2018, "6"));
        assertEquals(Optional.of(FormType.CONTROL_SLIP), FormType.byNumber(FormRegime.REGIME_2025, "06"));
        assertEquals(Optional.empty(), FormType.byNumber(FormRegime.REGIME_2018, "07"));
        assertEquals(Optional.empty(), FormType.byNumber(FormRegime.REGIME_2018, "Mẫu"));
    }

    @Test
    void stopNoticeIsOnlyIn2025() {
        assertFalse(FormType.STOP_NOTICE.existsIn(FormRegime.REGIME_2018));
        assertTrue(FormType.STOP_NOTICE.existsIn(FormRegime.REGIME_2025));
        assertThrows(FormNotInRegimeException.class, () -> FormType.STOP_NOTICE.number(FormRegime.REGIME_2018));
        assertThrows(FormNotInRegimeException.class, () -> FormType.STOP_NOTICE.title(FormRegime.REGIME_2018));
    }

    @Test
    void onlyTheRegisterIsA4AndNotPerDossier() {
        for (FormType t : FormType.values()) {
            boolean register = t == FormType.TRACKING_REGISTER;
            assertEquals(register ? FormType.Paper.A4_LANDSCAPE : FormType.Paper.A5_PORTRAIT, t.paper(), t.name());
            assertEquals(!register, t.perDossier(), t.name());
        }
    }

    private static void assertNumbers(FormRegime regime, String... expected) {
        String[] actual = Arrays.stream(FormType.values())
                .map(t -> t.existsIn(regime) ? t.number(regime) : null)
                .toArray(String[]::new);
        assertEquals(Arrays.asList(expected), Arrays.asList(actual));
    }
}
