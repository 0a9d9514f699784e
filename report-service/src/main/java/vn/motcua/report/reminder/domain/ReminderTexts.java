package vn.motcua.report.reminder.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The Vietnamese wording of notifications, as shown in the inbox and e-mailed. Deadlines are written in local time
 * (Asia/Ho_Chi_Minh), the way the directive states them: "16:00 ngày 23/10/2026".
 */
public final class ReminderTexts {

    public static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter LOCAL_DEADLINE = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    // task_notification.message is VARCHAR(2000): a 500-character title and a 1000-character reason fit with room
    private static final int MAX_MESSAGE = 2000;

    private ReminderTexts() {}

    public static String deadline(Instant at) {
        return LOCAL_DEADLINE.format(at.atZone(LOCAL));
    }

    /** "1 ngày", "2 giờ", "1 ngày 6 giờ", "30 phút". */
    public static String offset(Duration d) {
        List<String> parts = new ArrayList<>();
        if (d.toDaysPart() > 0) {
            parts.add(d.toDaysPart() + " ngày");
        }
        if (d.toHoursPart() > 0) {
            parts.add(d.toHoursPart() + " giờ");
        }
        if (d.toMinutesPart() > 0) {
            parts.add(d.toMinutesPart() + " phút");
        }
        return parts.isEmpty() ? d.toSeconds() + " giây" : String.join(" ", parts);
    }

    public static String assigned(String title, Instant deadline) {
        return cut("Đơn vị được giao nhiệm vụ \"" + title + "\", hạn hoàn thành " + deadline(deadline) + ".");
    }

    public static String dueSoon(String title, Instant deadline, Duration before) {
        return cut("Nhắc việc: nhiệm vụ \"" + title + "\" đến hạn lúc " + deadline(deadline) + " (còn khoảng "
                + offset(before) + "), đơn vị chưa hoàn thành.");
    }

    public static String overdue(String title, Instant deadline, String unitName) {
        return cut("Nhiệm vụ \"" + title + "\" đã quá hạn " + deadline(deadline) + " mà " + unitName
                + " chưa hoàn thành. Đề nghị lãnh đạo đơn vị chỉ đạo hoàn thành ngay.");
    }

    public static String returned(String title, int version, String reason) {
        return cut("Báo cáo của nhiệm vụ \"" + title + "\" (phiên bản " + version
                + ") đã bị trả lại để chỉnh sửa. Lý do: " + reason);
    }

    /** The e-mail subject of a notification. */
    public static String subject(NotificationKind kind, String title) {
        return switch (kind) {
            case ASSIGNED -> "[MotCua] Nhiệm vụ mới: " + title;
            case DUE_SOON -> "[MotCua] Nhắc việc: " + title;
            case OVERDUE -> "[MotCua] Quá hạn: " + title;
            case RETURNED -> "[MotCua] Báo cáo bị trả lại: " + title;
        };
    }

    /** The e-mail body: the inbox text, the unit, where to act, and that nobody reads replies. */
    public static String body(String message, String unitName, String unitCode) {
        return message + "\n\nĐơn vị: " + unitName + " (" + unitCode + ")"
                + "\nXem và cập nhật tại trang \"Nhiệm vụ\" của hệ thống MotCua."
                + "\n\nThư được gửi tự động từ hệ thống MotCua, vui lòng không trả lời thư này.\n";
    }

    private static String cut(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
