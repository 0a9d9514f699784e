package vn.motcua.report.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Circular 01/2018/TT-VPCP Art 13-15 (domain.md 9) as far as MotCua's data reaches: each of the nine indicators is
 * scored 0 / 1 / 2, or N/A with the reason when MotCua does not hold what it needs. Notes say how each score is
 * derived, in Vietnamese, since they are shown to officials.
 */
public final class Circular01 {

    /** Indicators an officer is scored on (Art 15). */
    public static final List<Integer> OFFICER_INDICATORS = List.of(1, 2, 3, 4, 7);

    /** Indicators scored per dossier (Art 14). */
    public static final List<Integer> DOSSIER_INDICATORS = List.of(1, 2, 3, 4, 6, 7);

    public static final String NOTE_1 = "Thời gian giải quyết so với quy định: trước hạn 2, đúng hạn 1, quá hạn 0 điểm,"
            + " theo phân loại trước hạn / đúng hạn / quá hạn của hồ sơ (so với hạn trả ban đầu, gia hạn không làm"
            + " hồ sơ quá hạn thành đúng hạn).";
    public static final String NOTE_2 = "Cần thời gian xử lý của từng cơ quan, đơn vị tham gia so với thời hạn từng"
            + " bước; dữ liệu báo cáo không có thời gian từng bước nên không tính.";
    public static final String NOTE_3 = "Số lần phải liên hệ để hoàn thiện hồ sơ, theo số lần yêu cầu bổ sung: không"
            + " lần nào 2, một lần 1, từ hai lần 0 điểm (không phân biệt được lỗi của người nộp).";
    public static final String NOTE_4 = "Số cơ quan phải liên hệ: nộp trực tuyến và nhận kết quả điện tử (hoặc TTHC"
            + " không yêu cầu kết quả giấy) là không phải đến cơ quan nào, 2 điểm; chỉ liên hệ Bộ phận Một cửa, 1"
            + " điểm; người nộp đánh giá tiêu chí số cơ quan phải liên hệ ở mức 1-2 trên 5, 0 điểm.";
    public static final String NOTE_5 = "Cần danh mục TTHC thuộc thẩm quyền và mô hình hoạt động của Bộ phận Một cửa"
            + " (tiếp nhận, thẩm định, phê duyệt, trả kết quả tại chỗ); MotCua không có dữ liệu này nên không tính.";
    public static final String NOTE_6 =
            "Cần kết quả niêm yết và công khai điện tử TTHC (CSDLQG); MotCua không có dữ" + " liệu này nên không tính.";
    public static final String NOTE_7 = "Thái độ của cán bộ: trước hạn và không có PAKN về hành vi cán bộ gắn với hồ"
            + " sơ 2; đúng hạn và không có PAKN 1; có PAKN về hành vi cán bộ, hoặc quá hạn, 0 điểm.";
    public static final String NOTE_8 = "PAKN tiếp nhận trong kỳ của cơ quan: không có PAKN, hoặc 100% đúng hạn và"
            + " không có PAKN lặp lại (kéo dài) 2; từ 90% đúng hạn và không lặp lại 1; còn lại 0.";
    public static final String NOTE_9 = "Hồ sơ tiếp nhận trong kỳ: từ 30% nộp trực tuyến và không có hồ sơ trực tuyến"
            + " quá hạn (giải quyết quá hạn trong kỳ hoặc đang quá hạn cuối kỳ) 2; từ 15% đến dưới 30% và không quá"
            + " hạn 1; còn lại 0. Điều kiện từ 20% TTHC cung cấp DVCTT mức độ 3-4 không kiểm tra được (cần danh mục"
            + " TTHC thuộc thẩm quyền).";
    public static final String NOTE_OPEN = "Hồ sơ chưa giải quyết xong: chưa đánh giá.";

    private Circular01() {}

    /** The per-dossier indicators 1, 2, 3, 4, 6, 7 of one dossier; null marks N/A. */
    public static Integer score(int indicator, DossierFacts d) {
        boolean open = d.resultKind() == null;
        return switch (indicator) {
            case 1 -> open ? null : timeliness(d.timeliness());
            case 3 -> d.supplementRequests() <= 0 ? 2 : d.supplementRequests() == 1 ? 1 : 0;
            case 4 -> agencies(d);
            case 7 -> open ? null : attitude(d);
            case 2, 6 -> null;
            default -> throw new IllegalArgumentException("not a per-dossier indicator: " + indicator);
        };
    }

    public static String note(int indicator) {
        return switch (indicator) {
            case 1 -> NOTE_1;
            case 2 -> NOTE_2;
            case 3 -> NOTE_3;
            case 4 -> NOTE_4;
            case 5 -> NOTE_5;
            case 6 -> NOTE_6;
            case 7 -> NOTE_7;
            case 8 -> NOTE_8;
            case 9 -> NOTE_9;
            default -> throw new IllegalArgumentException("no indicator " + indicator);
        };
    }

    /** One dossier's six per-dossier scores, in indicator order. */
    public static List<EvaluationScore> dossier(DossierFacts d) {
        return DOSSIER_INDICATORS.stream()
                .map(i -> {
                    Integer s = score(i, d);
                    String note = s == null && (i == 1 || i == 7) ? NOTE_OPEN + " " + note(i) : note(i);
                    return new EvaluationScore(i, s == null ? EvaluationScore.NOT_AVAILABLE : s.toString(), 0, note);
                })
                .toList();
    }

    private static Integer timeliness(String timeliness) {
        return switch (timeliness == null ? "" : timeliness) {
            case "EARLY" -> 2;
            case "ON_TIME" -> 1;
            case "LATE" -> 0;
            default -> null;
        };
    }

    private static int agencies(DossierFacts d) {
        Integer rating = d.ratingAgencies();
        if (rating != null && rating >= 1 && rating <= 2) {
            return 0;
        }
        boolean nothingOnPaper = !d.requiresPaperResult() || d.resultElectronic();
        return "ONLINE".equals(d.channel()) && nothingOnPaper ? 2 : 1;
    }

    private static int attitude(DossierFacts d) {
        if (d.staffFeedback()) {
            return 0;
        }
        // Art 13: 1 point needs "on time", so a late dossier without a PAKN still scores 0
        return switch (d.timeliness() == null ? "" : d.timeliness()) {
            case "EARLY" -> 2;
            case "ON_TIME" -> 1;
            default -> 0;
        };
    }

    /**
     * Indicator 8 (unit): receptiveness to PAKN.
     *
     * @param onTime   PAKN handled in time (or open and still within the limit at the period end)
     * @param repeated PAKN followed by another about the answer (prolonged)
     */
    public static EvaluationScore indicator8(long total, long onTime, long repeated) {
        int score;
        if (total == 0 || (onTime == total && repeated == 0)) {
            score = 2;
        } else if (repeated == 0 && onTime * 10 >= total * 9) {
            score = 1;
        } else {
            score = 0;
        }
        return new EvaluationScore(
                8,
                Integer.toString(score),
                0,
                NOTE_8 + " Kỳ này: " + onTime + "/" + total + " PAKN đúng hạn, " + repeated + " PAKN lặp lại.");
    }

    /**
     * Indicator 9 (unit): online service progress and quality.
     *
     * @param received dossiers received in the period
     * @param online   of those, received online
     * @param onlineLate online dossiers resolved late in the period, or open and overdue at its end
     */
    public static EvaluationScore indicator9(long received, long online, long onlineLate) {
        if (received == 0) {
            return new EvaluationScore(
                    9, EvaluationScore.NOT_AVAILABLE, 0, NOTE_9 + " Kỳ này không có hồ sơ tiếp nhận: không tính.");
        }
        int score;
        if (onlineLate > 0) {
            score = 0;
        } else if (online * 100 >= received * 30) {
            score = 2;
        } else if (online * 100 >= received * 15) {
            score = 1;
        } else {
            score = 0;
        }
        String share = BigDecimal.valueOf(online * 100)
                .divide(BigDecimal.valueOf(received), 2, RoundingMode.HALF_UP)
                .toPlainString();
        return new EvaluationScore(
                9,
                Integer.toString(score),
                0,
                NOTE_9 + " Kỳ này: " + online + "/" + received + " hồ sơ trực tuyến (" + share + "%), " + onlineLate
                        + " hồ sơ trực tuyến quá hạn.");
    }

    /** Art 14: Σ scores / dossiers, 1 decimal, half-up. */
    public static BigDecimal average(long sum, long count) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }

    /** Art 15 officers: ≥ 5 → 100%; 3.5 to < 5 → 70% to < 100%; < 3.5 → < 70%. */
    public static String officerBand(BigDecimal total) {
        if (total.compareTo(BigDecimal.valueOf(5)) >= 0) {
            return "100%";
        }
        if (total.compareTo(new BigDecimal("3.5")) >= 0) {
            return "70% đến dưới 100%";
        }
        return "dưới 70%";
    }

    /** Art 15 agencies: ≥ 15 Xuất sắc; 12 to < 15 Tốt; 9 to < 12 Khá; 6 to < 9 Trung bình; < 6 Yếu. */
    public static String agencyRating(BigDecimal total) {
        if (total.compareTo(BigDecimal.valueOf(15)) >= 0) {
            return "Xuất sắc";
        }
        if (total.compareTo(BigDecimal.valueOf(12)) >= 0) {
            return "Tốt";
        }
        if (total.compareTo(BigDecimal.valueOf(9)) >= 0) {
            return "Khá";
        }
        if (total.compareTo(BigDecimal.valueOf(6)) >= 0) {
            return "Trung bình";
        }
        return "Yếu";
    }
}
