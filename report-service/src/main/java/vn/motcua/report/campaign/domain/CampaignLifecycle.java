package vn.motcua.report.campaign.domain;

import java.util.Optional;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * The one home of which step a unit's line in a campaign may take next. At most one DRAFT per line; a saved draft is
 * replaced by the next save; after a return the next save is a new version and the returned one stays frozen;
 * SUBMITTED, ACCEPTED and CONSOLIDATED lines take no draft.
 */
public final class CampaignLifecycle {

    /** What a draft save does to the line. */
    public enum DraftStep {
        /** No version yet: version 1. */
        FIRST,
        /** The latest is a draft: its rows are replaced, same version. */
        REPLACE,
        /** The latest was returned: version n+1. */
        NEXT_VERSION
    }

    private CampaignLifecycle() {}

    /** @throws DomainException FAILED_PRECONDITION / ILLEGAL_TRANSITION while the latest is with the receiving unit */
    public static DraftStep draftStep(Optional<CampaignReport> latest) {
        if (latest.isEmpty()) {
            return DraftStep.FIRST;
        }
        return switch (latest.get().state()) {
            case DRAFT -> DraftStep.REPLACE;
            case RETURNED -> DraftStep.NEXT_VERSION;
            case SUBMITTED, ACCEPTED, CONSOLIDATED ->
                throw illegal(
                        latest.get(),
                        "save a draft",
                        "version " + latest.get().version() + " is "
                                + latest.get().state() + ": a new draft may be saved only after it is returned");
        };
    }

    /** The version a draft save writes. */
    public static int draftVersion(Optional<CampaignReport> latest) {
        return switch (draftStep(latest)) {
            case FIRST -> 1;
            case REPLACE -> latest.orElseThrow().version();
            case NEXT_VERSION -> latest.orElseThrow().version() + 1;
        };
    }

    /**
     * @return the draft to submit
     * @throws DomainException FAILED_PRECONDITION / ILLEGAL_TRANSITION without a draft
     */
    public static CampaignReport submittable(Optional<CampaignReport> latest) {
        if (latest.isEmpty()) {
            throw DomainException.of(
                    ErrorKind.FAILED_PRECONDITION,
                    ErrorReason.ILLEGAL_TRANSITION,
                    "there is no draft to submit: save a draft first");
        }
        CampaignReport r = latest.get();
        if (r.state() != ReportState.DRAFT) {
            throw illegal(r, "submit", "version " + r.version() + " is " + r.state() + ", not a draft");
        }
        return r;
    }

    /**
     * Return and accept: only the latest version, and only while SUBMITTED.
     *
     * @throws DomainException FAILED_PRECONDITION / ILLEGAL_TRANSITION otherwise
     */
    public static void requireDecidable(CampaignReport report, int latestVersion, String action) {
        if (report.version() != latestVersion) {
            throw illegal(report, action, "version " + report.version() + " is superseded by version " + latestVersion);
        }
        if (report.state() != ReportState.SUBMITTED) {
            throw illegal(report, action, "version " + report.version() + " is " + report.state() + ", not SUBMITTED");
        }
    }

    private static DomainException illegal(CampaignReport r, String action, String why) {
        return DomainException.of(
                ErrorKind.FAILED_PRECONDITION,
                ErrorReason.ILLEGAL_TRANSITION,
                "cannot " + action + " the campaign report of unit " + r.unitCode() + ": " + why);
    }
}
