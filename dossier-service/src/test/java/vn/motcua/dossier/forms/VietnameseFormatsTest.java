package vn.motcua.dossier.forms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.Normalizer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VietnameseFormatsTest {

    @Test
    void timesAreVietnamWallClock() {
        assertEquals(
                "16 giờ 30 phút, ngày 12 tháng 03 năm 2025",
                VietnameseFormats.dateTime(Instant.parse("2025-03-12T09:30:00Z")));
    }

    @Test
    void utcEveningIsNextDayInVietnam() {
        Instant t = Instant.parse("2025-12-31T17:05:00Z");
        assertEquals("00 giờ 05 phút, ngày 01 tháng 01 năm 2026", VietnameseFormats.dateTime(t));
        assertEquals("Tứ Kỳ, ngày 01 tháng 01 năm 2026", VietnameseFormats.placeAndDate("Tứ Kỳ", t));
    }

    @Test
    void missingTimeIsBlank() {
        assertEquals("", VietnameseFormats.dateTime(null));
    }

    @Test
    void moneyUsesDotGroupingAndDong() {
        assertEquals("0 đồng", VietnameseFormats.money(0));
        assertEquals("500 đồng", VietnameseFormats.money(500));
        assertEquals("50.000 đồng", VietnameseFormats.money(50_000));
        assertEquals("100.000 đồng", VietnameseFormats.money(100_000));
        assertEquals("1.234.567 đồng", VietnameseFormats.money(1_234_567));
        assertThrows(IllegalArgumentException.class, () -> VietnameseFormats.money(-1));
    }

    @Test
    void textIsNfc() {
        String nfd = Normalizer.normalize("Nguyễn Thị Hà", Normalizer.Form.NFD);
        assertEquals("Nguyễn Thị Hà", VietnameseFormats.text(nfd));
        assertEquals("", VietnameseFormats.text(null));
    }
}
