package vn.motcua.report.indicator.domain;

/**
 * The formulas a Decision 766 rule set can choose from (domain.md 8). What each one counts is code (its numerator and
 * denominator, and what an empty denominator gives); a rule set only picks formulas and gives them points and a
 * full-marks threshold. Indicators MotCua cannot know are formulas too, so a rule set can list them honestly as N/A.
 */
public enum Formula {

    // Group 1: publicity. Everything here lives in CSDLQG or on DVCQG, not in MotCua.
    TTHC_PUBLISHED_ON_TIME(
            Basis.UNAVAILABLE,
            WhenEmpty.NOT_AVAILABLE,
            "Cần ngày quyết định công bố TTHC và ngày hiệu lực của văn bản quy định trên CSDLQG về TTHC;"
                    + " MotCua không có dữ liệu này nên không tính điểm."),
    TTHC_PUBLICIZED_ON_TIME(
            Basis.UNAVAILABLE,
            WhenEmpty.NOT_AVAILABLE,
            "Cần ngày công khai TTHC trên CSDLQG so với ngày quyết định công bố; MotCua không có dữ liệu này."),
    TTHC_PUBLISHED_COMPLETE(
            Basis.UNAVAILABLE,
            WhenEmpty.NOT_AVAILABLE,
            "Cần nội dung công khai đầy đủ các bộ phận của TTHC trên CSDLQG (Nghị định 63/2010 Điều 8 khoản 2);"
                    + " MotCua không có dữ liệu này."),
    DOSSIERS_SYNCED_TO_DVCQG(
            Basis.UNAVAILABLE,
            WhenEmpty.NOT_AVAILABLE,
            "Cần số hồ sơ đã đồng bộ lên Cổng DVCQG và số hồ sơ trên hệ thống báo cáo quốc gia; MotCua chưa theo"
                    + " dõi trạng thái đồng bộ DVCQG."),

    // Group 2: progress.
    DOSSIERS_ON_TIME(
            Basis.DOSSIERS,
            WhenEmpty.ZERO,
            "Tử số: hồ sơ giải quyết xong trong kỳ đúng hạn theo cách tính 766 (trừ thời gian tạm dừng bổ sung,"
                    + " yêu cầu bổ sung quá 1 lần là trễ hạn, so với hạn trả đã gia hạn) cộng hồ sơ đang giải quyết"
                    + " chưa đến hạn tại cuối kỳ. Mẫu số: hồ sơ tiếp nhận trong kỳ cộng hồ sơ kỳ trước chuyển"
                    + " sang."),

    // Group 3a: online services.
    FULL_ONLINE_DOSSIERS(
            Basis.DOSSIERS,
            WhenEmpty.ZERO,
            "Tử số: hồ sơ trực tuyến tiếp nhận trong kỳ của TTHC cung cấp dịch vụ công trực tuyến toàn trình (có"
                    + " kết quả điện tử nếu TTHC yêu cầu kết quả giấy). Mẫu số: hồ sơ tiếp nhận trong kỳ của các TTHC"
                    + " đó (mức độ trực tuyến theo danh mục TTHC hiện hành)."),
    TTHC_WITH_ONLINE_SERVICE(
            Basis.UNAVAILABLE,
            WhenEmpty.NOT_AVAILABLE,
            "Cần danh mục TTHC thuộc thẩm quyền của từng đơn vị và TTHC đủ điều kiện toàn trình trên CSDLQG;"
                    + " danh mục thủ tục của MotCua không cho biết thẩm quyền theo đơn vị."),
    ONLINE_SERVICES_USED(
            Basis.UNAVAILABLE,
            WhenEmpty.NOT_AVAILABLE,
            "Cần danh sách dịch vụ công trực tuyến đang công khai theo đơn vị xử lý trên Cổng DVCQG; MotCua không"
                    + " có dữ liệu này."),
    ONLINE_DOSSIERS(
            Basis.DOSSIERS,
            WhenEmpty.ZERO,
            "Tử số: hồ sơ nộp trực tuyến tiếp nhận trong kỳ (nếu TTHC yêu cầu kết quả giấy thì phải có kết quả"
                    + " điện tử). Mẫu số: hồ sơ tiếp nhận trong kỳ. Tỷ lệ đồng bộ DVCQG coi như 100%."),

    // Group 3b: online payment. A (3.6), B and C, and the composite 6·A + min(2; 2,5·B) + 2,5·C.
    ONLINE_PAYMENT_SCORE(
            Basis.COMPOSITE,
            WhenEmpty.ZERO,
            "Điểm = 6·A + min(2; 2,5·B) + 2,5·C (tối đa bằng điểm của chỉ số). A: tỷ lệ hồ sơ thanh toán trực"
                    + " tuyến; B: tỷ lệ TTHC có phí có hồ sơ thanh toán trực tuyến; C: tỷ lệ TTHC có phí có dữ liệu"
                    + " phí. Tỷ lệ có mẫu số bằng 0 tính là 0."),
    DOSSIERS_PAID_ONLINE(
            Basis.DOSSIERS,
            WhenEmpty.ZERO,
            "A (chỉ số 3.6). Tử số: hồ sơ tiếp nhận trong kỳ đã thanh toán trực tuyến. Mẫu số: hồ sơ tiếp nhận"
                    + " trong kỳ có nghĩa vụ tài chính (có yêu cầu thanh toán)."),
    FEE_PROCEDURES_PAID_ONLINE(
            Basis.PROCEDURES,
            WhenEmpty.ZERO,
            "B. Tử số: TTHC có phí có ít nhất một hồ sơ thanh toán trực tuyến trong kỳ. Mẫu số: TTHC có hồ sơ"
                    + " phát sinh nghĩa vụ tài chính trong kỳ. Đếm thủ tục, không đếm hồ sơ."),
    FEE_PROCEDURES_WITH_FEE_DATA(
            Basis.PROCEDURES,
            WhenEmpty.ZERO,
            "C (chỉ số 3.5). TTHC có phí có hồ sơ mang dữ liệu phí / TTHC có phí. Trên MotCua mọi yêu cầu thanh"
                    + " toán đều ghi số tiền, nên mọi TTHC có nghĩa vụ tài chính trong kỳ đều có dữ liệu phí; DVCQG"
                    + " đối chiếu với danh mục phí trên CSDLQG nên có thể khác."),

    // Group 4: digitization.
    ELECTRONIC_RESULTS(
            Basis.DOSSIERS,
            WhenEmpty.ZERO,
            "Tử số: hồ sơ của TTHC yêu cầu kết quả giấy có kết quả điện tử. Mẫu số: hồ sơ tiếp nhận trong kỳ của"
                    + " các TTHC yêu cầu kết quả giấy."),
    DIGITIZED_DOSSIERS(
            Basis.DOSSIERS,
            WhenEmpty.ZERO,
            "Tử số: hồ sơ đã số hóa đủ thành phần và có kết quả điện tử. Mẫu số: hồ sơ tiếp nhận trong kỳ."),
    REUSED_DIGITIZED_DATA(
            Basis.DOSSIERS,
            WhenEmpty.ZERO,
            "Tử số: hồ sơ có thành phần tái sử dụng dữ liệu đã số hóa. Mẫu số: hồ sơ tiếp nhận trong kỳ."),
    WAREHOUSE_LINKED_DOSSIERS(
            Basis.DOSSIERS,
            WhenEmpty.ZERO,
            "Tử số: hồ sơ có thành phần lấy từ kho dữ liệu của công dân trên Cổng DVCQG hoặc kết quả đưa vào kho."
                    + " Mẫu số: hồ sơ tiếp nhận trong kỳ."),
    POPULATION_DATA_DOSSIERS(
            Basis.UNAVAILABLE,
            WhenEmpty.NOT_AVAILABLE,
            "Cần cờ tài khoản xác thực VNeID hoặc tham chiếu CSDL quốc gia về dân cư của từng hồ sơ; MotCua chưa"
                    + " ghi nhận dữ liệu này."),
    POPULATION_DATA_PROCEDURES(
            Basis.UNAVAILABLE,
            WhenEmpty.NOT_AVAILABLE,
            "Cần ánh xạ trường dữ liệu TTHC với từ điển dữ liệu dùng chung trên Nền tảng số về kiểm soát TTHC;"
                    + " MotCua không có dữ liệu này."),
    ELECTRONIC_CERTIFIED_COPY_COMMUNES(
            Basis.COMMUNES,
            WhenEmpty.NOT_AVAILABLE,
            "Tử số: xã (cấp 3) có ít nhất một bản sao điện tử chứng thực từ bản chính trong kỳ. Mẫu số: xã thuộc"
                    + " phạm vi. Không có xã nào trong phạm vi thì không tính."),

    // Group 5: satisfaction.
    FEEDBACK_ON_TIME(
            Basis.FEEDBACK,
            WhenEmpty.FULL_MARKS,
            "Tử số: PAKN tiếp nhận trong kỳ được xử lý đúng hạn, hoặc còn đang xử lý và chưa quá 15 ngày làm việc"
                    + " (ước tính 21 ngày lịch) tính đến cuối kỳ. Mẫu số: PAKN tiếp nhận trong kỳ. Không có PAKN thì"
                    + " đạt điểm tối đa."),
    FEEDBACK_SATISFACTION(
            Basis.FEEDBACK,
            WhenEmpty.FULL_MARKS,
            "Tử số: PAKN tiếp nhận trong kỳ không bị đánh giá không hài lòng, không quá hạn và không bị phản ánh"
                    + " lặp lại (mỗi PAKN tính một lần). Mẫu số: PAKN tiếp nhận trong kỳ. Không có PAKN thì đạt điểm"
                    + " tối đa."),
    DOSSIER_RECEIVING_SATISFACTION(
            Basis.COMPOSITE,
            WhenEmpty.ZERO,
            "Tỷ lệ = 100% − (% hồ sơ giải quyết quá hạn + % hồ sơ có PAKN hoặc đánh giá không hài lòng), trên hồ sơ"
                    + " tiếp nhận trong kỳ; hồ sơ vừa quá hạn vừa có PAKN bị trừ hai lần như công thức DVCQG."),
    DOSSIERS_RESOLVED_LATE(
            Basis.DOSSIERS,
            WhenEmpty.ZERO,
            "Tử số: hồ sơ tiếp nhận trong kỳ đã giải quyết xong sau hạn trả (hạn đã gia hạn). Mẫu số: hồ sơ tiếp"
                    + " nhận trong kỳ."),
    DOSSIERS_WITH_FEEDBACK_OR_DISLIKE(
            Basis.DOSSIERS,
            WhenEmpty.ZERO,
            "Tử số: hồ sơ tiếp nhận trong kỳ có PAKN gắn với hồ sơ hoặc được đánh giá không hài lòng. Mẫu số: hồ sơ"
                    + " tiếp nhận trong kỳ."),
    FEEDBACK_ABOUT_REGULATION(
            Basis.FEEDBACK,
            WhenEmpty.ZERO,
            "Tử số: PAKN tiếp nhận trong kỳ về quy định hành chính. Mẫu số: PAKN tiếp nhận trong kỳ."),
    FEEDBACK_ABOUT_STAFF(
            Basis.FEEDBACK,
            WhenEmpty.ZERO,
            "Tử số: PAKN tiếp nhận trong kỳ về hành vi của cán bộ, công chức. Mẫu số: PAKN tiếp nhận trong kỳ.");

    /** What a formula counts, which decides whether its numerator and denominator open into dossiers. */
    public enum Basis {
        /** Dossiers: drillable. */
        DOSSIERS,
        /** Distinct procedures (TTHC). */
        PROCEDURES,
        /** Communes of the scope. */
        COMMUNES,
        /** PAKN (feedback), not dossiers. */
        FEEDBACK,
        /** A score computed from several ratios; no single numerator. */
        COMPOSITE,
        /** Data MotCua does not hold: always N/A. */
        UNAVAILABLE
    }

    /** What a zero denominator gives (domain.md 8.1, 18.1: stated per indicator where DVCQG's behaviour is known). */
    public enum WhenEmpty {
        ZERO,
        NOT_AVAILABLE,
        FULL_MARKS
    }

    private final Basis basis;
    private final WhenEmpty whenEmpty;
    private final String note;

    Formula(Basis basis, WhenEmpty whenEmpty, String note) {
        this.basis = basis;
        this.whenEmpty = whenEmpty;
        this.note = note;
    }

    public Basis basis() {
        return basis;
    }

    public WhenEmpty whenEmpty() {
        return whenEmpty;
    }

    /** How the figure is derived, or why it is N/A, in Vietnamese. */
    public String note() {
        return note;
    }

    public boolean drillable() {
        return basis == Basis.DOSSIERS;
    }

    /** The formula named {@code id} (its enum name), or null. */
    public static Formula byId(String id) {
        for (Formula f : values()) {
            if (f.name().equals(id)) {
                return f;
            }
        }
        return null;
    }
}
