package vn.motcua.e2e;

import java.util.EnumSet;
import java.util.Set;

/**
 * The columns of the authorization matrix: no token, and one demo account (deploy/keycloak/realm-motcua.json) per
 * role of architecture.md §5. The resources of the matrix live in commune 11077 (Ngọc Sơn) under district 298 (Tứ Kỳ)
 * under province 30 (Hải Dương), so "own unit" is 11077 or a unit above it and "other unit" is commune 11080.
 */
enum Subject {
    NONE(null, "no token"),
    CITIZEN("congdan.an", "citizen, the applicant"),
    CITIZEN_OTHER("congdan.binh", "another citizen"),
    RECEPTION_OWN("mc.ngocson", "reception_officer 11077"),
    RECEPTION_OTHER("mc.kyson", "reception_officer 11080"),
    SPECIALIST("cv.ngocson", "specialist 11077"),
    LEADER("ld.ngocson", "unit_leader 11077"),
    CLERK("vt.ngocson", "clerk 11077"),
    CONTROLLER("ks.tuky", "tthc_controller 298"),
    ADMIN_DISTRICT("admin.tuky", "unit_admin 298"),
    ADMIN_PROVINCE("admin.haiduong", "unit_admin 30"),
    REPORT_VIEWER("bc.haiduong", "report_viewer 30"),
    /** Client-credentials token of the province's report puller (report_viewer, unit 30). */
    MACHINE("province-report-puller", "machine report_viewer 30");

    static final Set<Subject> CITIZENS = EnumSet.of(CITIZEN, CITIZEN_OTHER);
    /** Officers whose unit is 11077 or above it: every dossier of the matrix is in their subtree. */
    static final Set<Subject> OFFICERS_IN_SCOPE = EnumSet.of(
            RECEPTION_OWN, SPECIALIST, LEADER, CLERK, CONTROLLER, ADMIN_DISTRICT, ADMIN_PROVINCE, REPORT_VIEWER);
    /** Every person with an officer role (the machine is not a person). */
    static final Set<Subject> OFFICERS = EnumSet.of(
            RECEPTION_OWN,
            RECEPTION_OTHER,
            SPECIALIST,
            LEADER,
            CLERK,
            CONTROLLER,
            ADMIN_DISTRICT,
            ADMIN_PROVINCE,
            REPORT_VIEWER);

    final String account;
    final String label;

    Subject(String account, String label) {
        this.account = account;
        this.label = label;
    }

    @Override
    public String toString() {
        return name() + " (" + (account == null ? label : account + ", " + label) + ")";
    }
}
