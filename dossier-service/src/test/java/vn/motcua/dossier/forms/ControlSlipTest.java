package vn.motcua.dossier.forms;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.dossier.forms.FormRendererTest.assertContains;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ControlSlipTest {

    private final FormRenderer renderer = new FormRenderer();

    @ParameterizedTest
    @EnumSource(FormRegime.class)
    void listsEveryHandOverInOrder(FormRegime regime) {
        String text = Pdfs.text(renderer.render(FormType.CONTROL_SLIP, regime, Samples.data(FormType.CONTROL_SLIP)));

        assertContains(text, "TÊN CƠ QUAN");
        assertContains(text, "THỜI GIAN GIAO, NHẬN HỒ SƠ");
        int last = -1;
        int n = 1;
        for (HandoverRow row : Samples.handovers()) {
            String expected = n++ + ". Giao: " + row.fromUnit() + " Nhận: " + row.toUnit();
            int at = text.indexOf(expected, last + 1);
            assertTrue(at > last, () -> "row «" + expected + "» missing or out of order in: " + text);
            String time = VietnameseFormats.dateTime(row.handedAt());
            int timeAt = text.indexOf(time, at);
            assertTrue(timeAt > at, () -> "time " + time + " not after its row");
            assertContains(text.substring(at), "Người giao: " + row.giverName() + " Người nhận: " + row.receiverName());
            last = at;
        }
        // 02:00 UTC on the first hand-over is 09:00 in Vietnam.
        assertContains(text, "09 giờ 00 phút, ngày 10 tháng 03 năm 2025");
    }

    @ParameterizedTest
    @EnumSource(FormRegime.class)
    void printsResultsInRowOrderAndLeavesOpenStepsBlank(FormRegime regime) {
        String text = Pdfs.text(renderer.render(FormType.CONTROL_SLIP, regime, Samples.data(FormType.CONTROL_SLIP)));
        int early = text.indexOf("Trước hạn Chuyển xử lý");
        int onTime = text.indexOf("Đúng hạn Trình ký");
        int late = text.indexOf("Quá hạn Đóng dấu");
        assertTrue(early > 0 && onTime > early && late > onTime, text);
        // The last row has no result yet: its time is followed by the receiver, then nothing.
        assertTrue(text.trim().endsWith("Người giao: Đỗ Thu Trang Người nhận: Trần Văn Minh"), text);
    }

    @ParameterizedTest
    @EnumSource(FormRegime.class)
    void printsWithoutHandOversForHandwriting(FormRegime regime) {
        FormData data = Samples.data(FormType.CONTROL_SLIP).withHandovers(List.of());
        String text = Pdfs.text(renderer.render(FormType.CONTROL_SLIP, regime, data));
        assertContains(text, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
        assertContains(text, Samples.CODE);
    }
}
