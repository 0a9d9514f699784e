package vn.motcua.report.campaign.domain;

import java.text.Normalizer;

/** {@code <task>-<unit>-v<version>.xlsx} in ASCII, safe in a Content-Disposition header and on any file system. */
public final class CampaignFileNames {

    private CampaignFileNames() {}

    public static String xlsx(String taskId, String unitCode, int version) {
        return ascii(taskId) + "-" + ascii(unitCode) + "-v" + version + ".xlsx";
    }

    /** Letters without diacritics, digits, '_' and '.'; anything else becomes '_'. */
    static String ascii(String text) {
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd')
                .replace('Đ', 'D');
        StringBuilder out = new StringBuilder();
        for (char c : stripped.toCharArray()) {
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.';
            out.append(safe ? c : '_');
        }
        String name = out.toString();
        return name.isEmpty() ? "x" : name;
    }
}
