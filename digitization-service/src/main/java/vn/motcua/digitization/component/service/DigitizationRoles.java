package vn.motcua.digitization.component.service;

import java.util.Set;
import vn.motcua.digitization.dossierlink.domain.LinkedDossier;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;

/**
 * Who may do what with a dossier's files (the brief's role table); which dossier a person sees is dossier-service's
 * rule, applied by fetching the dossier with their token.
 */
public final class DigitizationRoles {

    /** Upload files for a dossier and attach them to components. */
    public static final Set<String> UPLOADERS = Set.of(Roles.CITIZEN, Roles.RECEPTION_OFFICER, Roles.SPECIALIST);
    /** Check, confirm and exempt components (and upload or fill them as officers). */
    public static final Set<String> DIGITIZERS = Set.of(Roles.RECEPTION_OFFICER, Roles.SPECIALIST);
    /** Attach the dossier's electronic result. */
    public static final Set<String> RESULT_ATTACHERS = Set.of(Roles.SPECIALIST, Roles.UNIT_LEADER, Roles.CLERK);
    /** Read a dossier's digitization and its files (the dossier must also be visible to them). */
    public static final Set<String> READERS =
            Set.of(Roles.CITIZEN, Roles.RECEPTION_OFFICER, Roles.SPECIALIST, Roles.UNIT_LEADER, Roles.CLERK);

    public static final String DOSSIER_OPEN_RULE = "DOSSIER_OPEN_FOR_DIGITIZATION";

    private DigitizationRoles() {}

    public static void require(Caller caller, Set<String> roles, String what) {
        if (!caller.hasAnyRole(roles)) {
            throw DomainException.permissionDenied(
                    "only " + String.join(", ", roles.stream().sorted().toList()) + " may " + what);
        }
    }

    /**
     * The caller may act on the dossier's files now: its applicant while an online dossier is still theirs to
     * complete (SUBMITTED, PRE_SUPPLEMENT, SUPPLEMENT_REQUESTED), or an officer with one of {@code officerRoles}
     * while it is not finished.
     *
     * @throws DomainException NOT_FOUND for a citizen who is not the applicant; FAILED_PRECONDITION / RULE_VIOLATED
     *     when the dossier is past the caller's part; PERMISSION_DENIED for any other role
     */
    public static void requireActor(Caller caller, LinkedDossier d, Set<String> officerRoles, boolean applicantMay) {
        if (caller.hasAnyRole(officerRoles)) {
            if (d.status().finished()) {
                throw DomainException.ruleViolated(
                        DOSSIER_OPEN_RULE,
                        "dossier " + d.code() + " is " + d.status() + ": its files no longer change");
            }
            return;
        }
        if (applicantMay && caller.hasRole(Roles.CITIZEN)) {
            if (!d.isApplicant(caller)) {
                throw DomainException.notFound("dossier " + d.code());
            }
            if (!d.openToApplicant()) {
                throw DomainException.ruleViolated(
                        DOSSIER_OPEN_RULE,
                        "the applicant adds files only to an online dossier that is submitted or awaiting a"
                                + " supplement; dossier " + d.code() + " is " + d.channel() + ", " + d.status());
            }
            return;
        }
        throw DomainException.permissionDenied("this role may not change dossier " + d.code() + "'s files");
    }
}
