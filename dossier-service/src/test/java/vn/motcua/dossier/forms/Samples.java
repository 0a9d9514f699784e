package vn.motcua.dossier.forms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Shared fixture: a birth-registration dossier at the Tứ Kỳ one-stop desk. */
final class Samples {

    static final String CODE = "000.00.12.H23-250310-0001";
    static final String APPLICANT = "Nguyễn Thị Hà";
    /** 01:15 UTC = 08:15 in Vietnam (UTC+7). */
    static final Instant RECEIVED = Instant.parse("2025-03-10T01:15:00Z");

    static final String RECEIVED_LOCAL = "08 giờ 15 phút, ngày 10 tháng 03 năm 2025";
    /** 09:30 UTC = 16:30 in Vietnam; "09 giờ 30 phút" on a form would mean UTC leaked. */
    static final Instant DUE = Instant.parse("2025-03-12T09:30:00Z");

    static final String DUE_LOCAL = "16 giờ 30 phút, ngày 12 tháng 03 năm 2025";
    static final String DUE_UTC_WRONG = "09 giờ 30 phút, ngày 12 tháng 03 năm 2025";
    static final Instant NEW_APPOINTMENT = Instant.parse("2025-03-14T02:00:00Z");
    static final String NEW_APPOINTMENT_LOCAL = "09 giờ 00 phút, ngày 14 tháng 03 năm 2025";
    static final Instant ISSUED = Instant.parse("2025-03-10T01:20:00Z");

    static final FormHeader HEADER = new FormHeader("Bộ phận Tiếp nhận và Trả kết quả", "UBND HUYỆN TỨ KỲ", "Tứ Kỳ");

    private Samples() {}

    static DossierSnapshot dossier() {
        return dossier(CODE, APPLICANT);
    }

    static DossierSnapshot dossier(String code, String applicantName) {
        return new DossierSnapshot(
                code,
                "1.001193",
                "Đăng ký khai sinh",
                new Applicant(
                        applicantName,
                        "Thôn Đông, xã Quang Khải, huyện Tứ Kỳ, tỉnh Hải Dương",
                        "0912 345 678",
                        "ha.nguyen@example.vn"),
                RECEIVED,
                DUE,
                List.of(
                        new DocumentComponent("Tờ khai đăng ký khai sinh", CopyKind.ORIGINAL, 1),
                        new DocumentComponent("Giấy chứng sinh", CopyKind.ORIGINAL, 1),
                        new DocumentComponent("Căn cước của người đi đăng ký", CopyKind.COPY, 1)),
                50_000,
                "Bộ phận Tiếp nhận và Trả kết quả UBND huyện Tứ Kỳ",
                "Phòng Tư pháp huyện Tứ Kỳ",
                "Bộ phận Tiếp nhận và Trả kết quả UBND huyện Tứ Kỳ",
                "Trần Văn Minh",
                "01/2025",
                "0123",
                "7K3M9QXA");
    }

    static List<HandoverRow> handovers() {
        return List.of(
                new HandoverRow(
                        "Bộ phận TN&TKQ",
                        "Phòng Tư pháp",
                        Instant.parse("2025-03-10T02:00:00Z"),
                        "Trần Văn Minh",
                        "Lê Thị Lan",
                        HandoverResult.EARLY,
                        "Chuyển xử lý"),
                new HandoverRow(
                        "Phòng Tư pháp",
                        "Lãnh đạo UBND huyện",
                        Instant.parse("2025-03-11T03:00:00Z"),
                        "Lê Thị Lan",
                        "Phạm Quốc Tuấn",
                        HandoverResult.ON_TIME,
                        "Trình ký"),
                new HandoverRow(
                        "Lãnh đạo UBND huyện",
                        "Văn thư",
                        Instant.parse("2025-03-12T08:00:00Z"),
                        "Phạm Quốc Tuấn",
                        "Đỗ Thu Trang",
                        HandoverResult.LATE,
                        "Đóng dấu"),
                new HandoverRow(
                        "Văn thư",
                        "Bộ phận TN&TKQ",
                        Instant.parse("2025-03-12T09:00:00Z"),
                        "Đỗ Thu Trang",
                        "Trần Văn Minh",
                        null,
                        null));
    }

    static List<RegisterRow> registerRows(int count) {
        List<RegisterRow> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String code = String.format("000.00.12.H23-250310-%04d", i);
            String name = i == 1 ? APPLICANT : "Công dân số " + i;
            rows.add(RegisterRow.of(i, dossier(code, name)));
        }
        return rows;
    }

    /** Data that satisfies every form type. */
    static FormData data(FormType type) {
        if (type == FormType.TRACKING_REGISTER) {
            return FormData.forRegister(HEADER, ISSUED, new RegisterBook("01", 2025, registerRows(3)));
        }
        return FormData.forDossier(HEADER, ISSUED, dossier())
                .withReasons("Thiếu bản sao Giấy chứng nhận kết hôn của cha mẹ.\nTờ khai chưa ghi quê quán.")
                .withNewAppointment(NEW_APPOINTMENT)
                .withHandovers(handovers());
    }
}
