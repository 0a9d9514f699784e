package vn.motcua.dossier.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FormRendererTest {

    private static final float A5_W = 420.0f;
    private static final float A5_H = 595.0f;

    private final FormRenderer renderer = new FormRenderer();

    /** Every form type in every form set that defines it. */
    static Stream<Arguments> forms() {
        return Arrays.stream(FormRegime.values())
                .flatMap(regime -> Arrays.stream(FormType.values())
                        .filter(type -> type.existsIn(regime))
                        .map(type -> Arguments.of(type, regime)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forms")
    void printsVietnameseTitleCodeApplicantAndLocalTimes(FormType type, FormRegime regime) {
        String text = Pdfs.text(renderer.render(type, regime, Samples.data(type)));

        assertContains(text, type.title(regime));
        assertContains(text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assertContains(text, "Độc lập - Tự do - Hạnh phúc");
        assertContains(text, "Tứ Kỳ, ngày 10 tháng 03 năm 2025");
        assertContains(text, "UBND HUYỆN TỨ KỲ");
        assertContains(text, Samples.CODE);
        assertContains(text, Samples.APPLICANT);
        assertContains(text, Samples.RECEIVED_LOCAL);
        assertContains(text, "Mẫu số " + type.number(regime));
        assertContains(text, regime.circular());
        if (Set.of(FormType.RECEIPT, FormType.APOLOGY, FormType.CONTROL_SLIP, FormType.TRACKING_REGISTER)
                .contains(type)) {
            assertContains(text, Samples.DUE_LOCAL);
        }
        assertFalse(text.contains(Samples.DUE_UTC_WRONG), "time printed in UTC instead of Vietnam time");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forms")
    void a5PortraitExceptTheRegisterOnA4Landscape(FormType type, FormRegime regime) {
        float[] size = Pdfs.pageSize(renderer.render(type, regime, Samples.data(type)));
        if (type == FormType.TRACKING_REGISTER) {
            assertEquals(842f, size[0], 1f, "A4 landscape width");
            assertEquals(595f, size[1], 1f, "A4 landscape height");
        } else {
            assertEquals(A5_W, size[0], 1f, "A5 width");
            assertEquals(A5_H, size[1], 1f, "A5 height");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forms")
    void perDossierFormsCarryAQrCodeOfTheDossierCode(FormType type, FormRegime regime) {
        byte[] pdf = renderer.render(type, regime, Samples.data(type));
        if (type == FormType.TRACKING_REGISTER) {
            assertTrue(Pdfs.pageImages(pdf).isEmpty(), "the register is not about one dossier: no QR");
            return;
        }
        assertEquals(Samples.CODE, Pdfs.decodeQrFromRenderedPage(pdf), "QR as printed on the page");
        var images = Pdfs.pageImages(pdf);
        assertEquals(1, images.size());
        assertEquals(Samples.CODE, Pdfs.decode(images.get(0)), "embedded QR image");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("forms")
    void embedsTheBundledDejaVuFonts(FormType type, FormRegime regime) throws IOException {
        try (PDDocument doc = Pdfs.load(renderer.render(type, regime, Samples.data(type)))) {
            var res = doc.getPage(0).getResources();
            int fonts = 0;
            for (var name : res.getFontNames()) {
                PDFont font = res.getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " must be embedded");
                assertTrue(font.getName().contains("DejaVuSans"), font.getName());
                fonts++;
            }
            assertEquals(2, fonts, "regular and bold");
        }
    }

    @Test
    void rendersConcurrently() throws Exception {
        // Fonts are per document (see PdfFonts); parallel renders must not corrupt each other.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> texts = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                FormType type = i % 2 == 0 ? FormType.RECEIPT : FormType.CONTROL_SLIP;
                texts.add(pool.submit(
                        () -> Pdfs.text(renderer.render(type, FormRegime.REGIME_2025, Samples.data(type)))));
            }
            for (var t : texts) {
                assertContains(t.get(), Samples.APPLICANT);
                assertContains(t.get(), Samples.CODE);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void stopNoticeDoesNotExistUnderTheRegime2018FormSet() {
        FormNotInRegimeException e = assertThrows(
                FormNotInRegimeException.class,
                () -> renderer.render(
                        FormType.STOP_NOTICE, FormRegime.REGIME_2018, Samples.data(FormType.STOP_NOTICE)));
        assertEquals(FormType.STOP_NOTICE, e.formType());
        assertEquals(FormRegime.REGIME_2018, e.regime());
        assertContains(e.getMessage(), "STOP_NOTICE");
        assertContains(e.getMessage(), "REGIME_2018");
        assertContains(e.getMessage(), "03/2025/TT-VPCP");
    }

    @Test
    void receiptListsComponentsFeeAndRegisterEntry() {
        String text =
                Pdfs.text(renderer.render(FormType.RECEIPT, FormRegime.REGIME_2018, Samples.data(FormType.RECEIPT)));
        assertContains(text, "Giấy chứng sinh");
        assertContains(text, "Bản chính");
        assertContains(text, "Bản sao");
        assertContains(text, "50.000 đồng");
        assertContains(text, "Đăng ký khai sinh (mã thủ tục: 1.001193)");
        assertContains(text, "Quyển số: 01/2025, Số thứ tự: 0123");
        assertContains(text, "NGƯỜI NỘP HỒ SƠ");
        assertContains(text, "NGƯỜI TIẾP NHẬN HỒ SƠ");
        assertContains(text, "Trần Văn Minh");
    }

    @Test
    void receiptPrintsTheLookupKeyThePublicStatusNeeds() {
        String text =
                Pdfs.text(renderer.render(FormType.RECEIPT, FormRegime.REGIME_2018, Samples.data(FormType.RECEIPT)));
        assertContains(text, "Mã tra cứu hồ sơ trực tuyến (cùng mã hồ sơ): 7K3M9QXA");
    }

    @Test
    void apologyPrintsTheNewAppointmentAndRegimeSpecificWording() {
        FormData data = Samples.data(FormType.APOLOGY);
        String t2018 = Pdfs.text(renderer.render(FormType.APOLOGY, FormRegime.REGIME_2018, data));
        String t2025 = Pdfs.text(renderer.render(FormType.APOLOGY, FormRegime.REGIME_2025, data));
        assertContains(t2018, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
        assertContains(t2018, "hẹn lại thời gian trả kết quả");
        assertContains(t2025, "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN");
        assertContains(t2025, "đề nghị gia hạn thời gian giải quyết hồ sơ");
        for (String t : List.of(t2018, t2025)) {
            assertContains(t, Samples.NEW_APPOINTMENT_LOCAL);
            assertContains(t, "Thiếu bản sao Giấy chứng nhận kết hôn của cha mẹ.");
        }
    }

    @Test
    void refusalTitleChangesIn2025() {
        FormData data = Samples.data(FormType.REFUSAL);
        assertContains(
                Pdfs.text(renderer.render(FormType.REFUSAL, FormRegime.REGIME_2018, data)),
                "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
        String t2025 = Pdfs.text(renderer.render(FormType.REFUSAL, FormRegime.REGIME_2025, data));
        assertContains(t2025, "PHIẾU TỪ CHỐI TIẾP NHẬN HỒ SƠ");
        assertFalse(t2025.contains("TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT"));
    }

    @Test
    void decomposedInputPrintsAsPrecomposedVietnamese() {
        String nfd = Normalizer.normalize(Samples.APPLICANT, Normalizer.Form.NFD);
        assertFalse(nfd.equals(Samples.APPLICANT));
        FormData data = FormData.forDossier(Samples.HEADER, Samples.ISSUED, Samples.dossier(Samples.CODE, nfd));
        String text = Pdfs.text(renderer.render(FormType.RECEIPT, FormRegime.REGIME_2025, data));
        assertContains(text, Samples.APPLICANT);
    }

    @ParameterizedTest
    @EnumSource(
            value = FormType.class,
            names = {"SUPPLEMENT_REQUEST", "REFUSAL", "APOLOGY"})
    void lettersWithAReasonRejectAMissingReason(FormType type) {
        FormData data = Samples.data(type).withReasons("  ");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> renderer.render(type, FormRegime.REGIME_2025, data));
        assertContains(e.getMessage(), "reasons");
    }

    @Test
    void stopNoticeRejectsAMissingReason() {
        FormData data = Samples.data(FormType.STOP_NOTICE).withReasons(null);
        assertThrows(
                IllegalArgumentException.class,
                () -> renderer.render(FormType.STOP_NOTICE, FormRegime.REGIME_2025, data));
    }

    @Test
    void apologyRejectsAMissingOrEarlierNewAppointment() {
        FormData none = Samples.data(FormType.APOLOGY).withNewAppointment(null);
        assertContains(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> renderer.render(FormType.APOLOGY, FormRegime.REGIME_2018, none))
                        .getMessage(),
                "newAppointmentAt");
        FormData earlier = Samples.data(FormType.APOLOGY).withNewAppointment(Samples.RECEIVED);
        assertThrows(
                IllegalArgumentException.class,
                () -> renderer.render(FormType.APOLOGY, FormRegime.REGIME_2018, earlier));
    }

    @Test
    void receiptRequiresAnAppointment() {
        DossierSnapshot d = Samples.dossier();
        DossierSnapshot noDue = new DossierSnapshot(
                d.code(),
                d.procedureCode(),
                d.procedureName(),
                d.applicant(),
                d.receivedAt(),
                null,
                d.components(),
                d.feeTotalDong(),
                d.receivingUnit(),
                d.competentUnit(),
                d.returnPlace(),
                d.officerName(),
                d.registerBook(),
                d.registerNumber(),
                d.lookupKey());
        FormData data = FormData.forDossier(Samples.HEADER, Samples.ISSUED, noDue);
        assertContains(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> renderer.render(FormType.RECEIPT, FormRegime.REGIME_2018, data))
                        .getMessage(),
                "dueAt");
        // A refusal at reception has no appointment and must still print.
        Pdfs.text(renderer.render(FormType.REFUSAL, FormRegime.REGIME_2018, data.withReasons("Sai thẩm quyền")));
    }

    @Test
    void perDossierFormWithoutADossierIsRejected() {
        FormData registerData = Samples.data(FormType.TRACKING_REGISTER);
        for (FormType type : EnumSet.complementOf(EnumSet.of(FormType.TRACKING_REGISTER))) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> renderer.render(type, FormRegime.REGIME_2025, registerData),
                    type.name());
        }
    }

    static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), () -> "expected «" + expected + "» in: " + text);
    }
}
