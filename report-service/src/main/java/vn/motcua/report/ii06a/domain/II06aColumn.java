package vn.motcua.report.ii06a.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The columns of a row in the order the form prints them: (3)..(13) of domain.md 7.1, then the optional local columns.
 * {@link #key()} is the column's name in II06aCounts of the contract (diffs, JSON); {@link #header()} its Vietnamese
 * heading in CSV exports.
 */
public enum II06aColumn {
    TOTAL("total", "(3)", "Tổng số hồ sơ nhận giải quyết", II06aCounts::total),
    RECEIVED_ONLINE("received_online", "(4)", "Số mới tiếp nhận trực tuyến", II06aCounts::receivedOnline),
    RECEIVED_DIRECT_OR_POSTAL(
            "received_direct_or_postal",
            "(5)",
            "Số mới tiếp nhận trực tiếp, dịch vụ bưu chính",
            II06aCounts::receivedDirectOrPostal),
    CARRIED_OVER("carried_over", "(6)", "Số từ kỳ trước chuyển qua", II06aCounts::carriedOver),
    RESOLVED("resolved", "(7)", "Số hồ sơ đã giải quyết - Tổng số", II06aCounts::resolved),
    RESOLVED_EARLY("resolved_early", "(8)", "Đã giải quyết - Trước hạn", II06aCounts::resolvedEarly),
    RESOLVED_ON_TIME("resolved_on_time", "(9)", "Đã giải quyết - Đúng hạn", II06aCounts::resolvedOnTime),
    RESOLVED_LATE("resolved_late", "(10)", "Đã giải quyết - Quá hạn", II06aCounts::resolvedLate),
    IN_PROGRESS("in_progress", "(11)", "Số hồ sơ đang giải quyết - Tổng số", II06aCounts::inProgress),
    IN_PROGRESS_WITHIN_DUE(
            "in_progress_within_due", "(12)", "Đang giải quyết - Trong hạn", II06aCounts::inProgressWithinDue),
    IN_PROGRESS_OVERDUE("in_progress_overdue", "(13)", "Đang giải quyết - Quá hạn", II06aCounts::inProgressOverdue),
    RECEIVED_POSTAL("received_postal", null, "Tiếp nhận qua dịch vụ bưu chính công ích", II06aCounts::receivedPostal),
    RECEIVED_BOUNDARY_FREE(
            "received_boundary_free",
            null,
            "Tiếp nhận không phụ thuộc địa giới hành chính",
            II06aCounts::receivedBoundaryFree),
    RESOLVED_LATE_WITH_APOLOGY(
            "resolved_late_with_apology", null, "Quá hạn có văn bản xin lỗi", II06aCounts::resolvedLateWithApology),
    RESOLVED_LATE_WITHOUT_APOLOGY(
            "resolved_late_without_apology",
            null,
            "Quá hạn không có văn bản xin lỗi",
            II06aCounts::resolvedLateWithoutApology),
    WITHDRAWN("withdrawn", null, "Công dân rút hồ sơ", II06aCounts::withdrawn),
    REFUSED("refused", null, "Trả lại, từ chối giải quyết", II06aCounts::refused);

    private final String key;
    private final String formNumber;
    private final String header;
    private final ToLongFunction<II06aCounts> accessor;

    II06aColumn(String key, String formNumber, String header, ToLongFunction<II06aCounts> accessor) {
        this.key = key;
        this.formNumber = formNumber;
        this.header = header;
        this.accessor = accessor;
    }

    public String key() {
        return key;
    }

    /** "(3)".."(13)" for the official columns; empty for the optional local ones. */
    public Optional<String> formNumber() {
        return Optional.ofNullable(formNumber);
    }

    /**
     * The printed column number: "(3)".."(13)" for the form's columns, "(a)".."(f)" for the optional ones, which the
     * form does not number.
     */
    public String number() {
        if (formNumber != null) {
            return formNumber;
        }
        return "(" + (char) ('a' + optional().indexOf(this)) + ")";
    }

    public boolean official() {
        return formNumber != null;
    }

    public String header() {
        return header;
    }

    public long of(II06aCounts counts) {
        return accessor.applyAsLong(counts);
    }

    public static List<II06aColumn> optional() {
        return Arrays.stream(values()).filter(c -> !c.official()).toList();
    }

    public static Optional<II06aColumn> byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
