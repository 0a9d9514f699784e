package vn.motcua.digitization.feed.domain;

/** The event types of aggregate {@code dossier_digitization} (proto: DigitizationChanged). */
public enum DigitizationEventType {
    /** A component became CONFIRMED (scanned or uploaded, checked, stamped). */
    COMPONENT_DIGITIZED("digitization.component_digitized"),
    /** A component was marked exempt from scanning. */
    COMPONENT_EXEMPTED("digitization.component_exempted"),
    /** A component was filled from the applicant's warehouse. */
    COMPONENT_REUSED("digitization.component_reused"),
    /** A verified electronic result was attached. */
    RESULT_ATTACHED("digitization.result_attached"),
    /** The dossier's result went into the applicant's warehouse. */
    WAREHOUSE_LINKED("digitization.warehouse_linked");

    private final String feedType;

    DigitizationEventType(String feedType) {
        this.feedType = feedType;
    }

    public String feedType() {
        return feedType;
    }
}
