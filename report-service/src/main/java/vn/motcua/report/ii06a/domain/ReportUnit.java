package vn.motcua.report.ii06a.domain;

/**
 * A unit as a report prints it.
 *
 * @param level      common.v1.UnitLevel number; 0 when unknown
 * @param parentCode the parent within the report's tree; null for the report's root
 * @param depth      depth below the report's root (0 for the root)
 */
public record ReportUnit(String code, String name, int level, String parentCode, int depth) {

    public ReportUnit {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("unit code is required");
        }
        name = name == null || name.isBlank() ? code : name;
    }

    public ReportUnit atDepth(int newDepth, String newParent) {
        return new ReportUnit(code, name, level, newParent, newDepth);
    }
}
