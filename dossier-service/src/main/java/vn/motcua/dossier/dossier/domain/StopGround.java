package vn.motcua.dossier.dossier.domain;

import java.util.Set;

/**
 * Why a dossier is stopped (REGIME_2025). Circular 03/2025 Art 7 lists the applicant's request only: filed directly
 * or by post at the one-stop unit, which then issues the stop notice (7(1)), or online, where the portal issues it
 * (7(2)). No ground lets a unit stop a dossier on its own initiative; Decree 118 Art 21 itself was not read [U],
 * so a ground it may add is one more constant here (ADR 0004).
 */
public enum StopGround {
    /** The applicant asked online (Circular 03/2025 Art 7(2)). */
    APPLICANT_REQUEST_ONLINE("Theo đề nghị dừng giải quyết hồ sơ của người nộp hồ sơ, gửi trực tuyến"),
    /** The applicant's request was filed directly or by post at the one-stop unit (Art 7(1)). */
    APPLICANT_REQUEST_DIRECT_OR_POSTAL(
            "Theo đề nghị dừng giải quyết hồ sơ của người nộp hồ sơ, nộp trực tiếp hoặc qua dịch vụ bưu chính");

    private final String noticeWording;

    StopGround(String noticeWording) {
        this.noticeWording = noticeWording;
    }

    /** The grounds an officer may record: the applicant's request made at the desk or by post. */
    public static Set<StopGround> recordableByOfficers() {
        return Set.of(APPLICANT_REQUEST_DIRECT_OR_POSTAL);
    }

    /** The ground of a stop the applicant requests themself, online. */
    public static StopGround forApplicant() {
        return APPLICANT_REQUEST_ONLINE;
    }

    /** The sentence of the stop notice that says who asked (printed before the applicant's own reason). */
    public String noticeWording() {
        return noticeWording;
    }
}
