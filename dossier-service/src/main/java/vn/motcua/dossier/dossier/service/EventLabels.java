package vn.motcua.dossier.dossier.service;

import vn.motcua.dossier.dossier.domain.DossierEvent;

/** Vietnamese wording of each lifecycle event for the citizen timeline and the console. */
public final class EventLabels {

    private EventLabels() {}

    public static String vi(DossierEvent event) {
        return switch (event) {
            case SUBMIT_ONLINE -> "Nộp hồ sơ trực tuyến";
            case ACCEPT -> "Tiếp nhận hồ sơ trực tuyến";
            case REQUEST_PRE_SUPPLEMENT -> "Yêu cầu bổ sung hồ sơ trước khi tiếp nhận";
            case RESUBMIT -> "Nộp lại hồ sơ đã bổ sung";
            case REJECT -> "Từ chối tiếp nhận hồ sơ";
            case RECEIVE_AT_COUNTER -> "Tiếp nhận hồ sơ trực tiếp";
            case RECEIVE_BY_POST -> "Tiếp nhận hồ sơ qua dịch vụ bưu chính";
            case TRANSFER -> "Chuyển hồ sơ đến cơ quan giải quyết";
            case ASSIGN -> "Phân công cán bộ thụ lý";
            case APPRAISE -> "Thẩm định hồ sơ";
            case REQUEST_CONSULTATION -> "Lấy ý kiến cơ quan phối hợp";
            case ANSWER_CONSULTATION -> "Nhận ý kiến cơ quan phối hợp";
            case FORWARD_INTER_AGENCY -> "Chuyển cơ quan liên thông";
            case SUBMIT_FOR_APPROVAL -> "Trình lãnh đạo phê duyệt";
            case APPROVE -> "Lãnh đạo phê duyệt";
            case REQUEST_SUPPLEMENT -> "Yêu cầu bổ sung, hoàn thiện hồ sơ";
            case SUPPLEMENT_RECEIVED -> "Nhận hồ sơ bổ sung";
            case REFUSE -> "Từ chối giải quyết hồ sơ";
            case APOLOGISE_AND_EXTEND -> "Xin lỗi và hẹn lại ngày trả kết quả";
            case REQUIRE_FINANCIAL_OBLIGATION -> "Yêu cầu thực hiện nghĩa vụ tài chính";
            case OBLIGATION_FULFILLED -> "Hoàn thành nghĩa vụ tài chính";
            case WITHDRAW -> "Rút hồ sơ";
            case STOP -> "Dừng giải quyết hồ sơ";
            case ISSUE_RESULT -> "Ban hành kết quả giải quyết";
            case RETURN_RESULT -> "Trả kết quả cho người nộp";
        };
    }
}
