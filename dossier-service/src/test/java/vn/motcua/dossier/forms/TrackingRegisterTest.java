package vn.motcua.dossier.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.forms.FormRendererTest.assertContains;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrackingRegisterTest {

    private final FormRenderer renderer = new FormRenderer();

    @ParameterizedTest
    @EnumSource(FormRegime.class)
    void listsEveryRowInOrderOverSeveralPages(FormRegime regime) {
        List<RegisterRow> rows = Samples.registerRows(60);
        byte[] pdf = renderer.render(
                FormType.TRACKING_REGISTER,
                regime,
                FormData.forRegister(Samples.HEADER, Samples.ISSUED, new RegisterBook("02", 2025, rows)));
        String text = Pdfs.text(pdf);

        assertContains(text, "SỔ THEO DÕI HỒ SƠ");
        assertContains(text, "Quyển số: 02 - Năm 2025");
        assertContains(text, "Mẫu số " + (regime == FormRegime.REGIME_2018 ? "06" : "07"));
        int last = -1;
        for (RegisterRow row : rows) {
            int at = text.indexOf(row.dossierCode());
            assertTrue(at > last, () -> row.dossierCode() + " missing or out of order");
            assertEquals(at, text.lastIndexOf(row.dossierCode()), row.dossierCode() + " listed twice");
            last = at;
        }
        assertContains(text, Samples.APPLICANT);
        assertContains(text, "Công dân số 60");

        int pages = Pdfs.pageCount(pdf);
        assertTrue(pages > 1, "60 rows should need more than one page, got " + pages);
        for (int p = 1; p <= pages; p++) {
            String page = Pdfs.text(pdf, p, p);
            assertContains(page, "Mã hồ sơ"); // header row repeated
            assertContains(page, "Trang " + p); // pages numbered
        }
        float[] size = Pdfs.pageSize(pdf);
        assertTrue(size[0] > size[1], "landscape");
    }

    @ParameterizedTest
    @EnumSource(FormRegime.class)
    void emptyBookStillPrintsItsHeader(FormRegime regime) {
        byte[] pdf = renderer.render(
                FormType.TRACKING_REGISTER,
                regime,
                FormData.forRegister(Samples.HEADER, Samples.ISSUED, new RegisterBook("01", 2026, List.of())));
        assertContains(Pdfs.text(pdf), "Quyển số: 01 - Năm 2026");
    }
}
