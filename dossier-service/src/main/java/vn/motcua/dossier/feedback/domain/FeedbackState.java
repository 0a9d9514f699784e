package vn.motcua.dossier.feedback.domain;

/**
 * Where a feedback (phản ánh, kiến nghị) stands. Decree 20/2008 Art 9 and 14, domain.md §13: received, then
 * classified: refused (not accepted) or taken into processing, which ends either in a forwarding to the competent
 * agency or in an answer that waits for publication (chờ công khai) until it is published.
 */
public enum FeedbackState {
    RECEIVED("Đã tiếp nhận"),
    REJECTED("Không tiếp nhận"),
    PROCESSING("Đang xử lý"),
    FORWARDED("Đã chuyển cơ quan có thẩm quyền"),
    ANSWERED("Đã trả lời, chờ công khai"),
    PUBLISHED("Đã công khai kết quả");

    private final String labelVi;

    FeedbackState(String labelVi) {
        this.labelVi = labelVi;
    }

    public String labelVi() {
        return labelVi;
    }

    /** No further step is owed by the unit: refused, forwarded or published. */
    public boolean isFinal() {
        return this == REJECTED || this == FORWARDED || this == PUBLISHED;
    }
}
