package vn.motcua.dossier.dossier.domain;

import java.time.Instant;

/** Builder for {@link DossierFacts} in tests: starts from a dossier where every guard passes. */
final class TestFacts {
    static final String APPLICANT_ID = "001088000001";
    static final String OTHER_CITIZEN_ID = "001088000002";

    private String receiving = "U1";
    private String competent = "U1";
    private String handling = "U1";
    private String applicant = APPLICANT_ID;
    private LegalRegime regime = LegalRegime.REGIME_2025;
    private boolean extensionUsed;
    private boolean resultIssued;
    private boolean withinSupplementWindow = true;
    private boolean beforeDue = true;

    static TestFacts passing() {
        return new TestFacts();
    }

    TestFacts units(String receiving, String competent, String handling) {
        this.receiving = receiving;
        this.competent = competent;
        this.handling = handling;
        return this;
    }

    TestFacts applicant(String id) {
        this.applicant = id;
        return this;
    }

    TestFacts regime(LegalRegime regime) {
        this.regime = regime;
        return this;
    }

    TestFacts extensionUsed(boolean v) {
        this.extensionUsed = v;
        return this;
    }

    TestFacts resultIssued(boolean v) {
        this.resultIssued = v;
        return this;
    }

    TestFacts withinSupplementWindow(boolean v) {
        this.withinSupplementWindow = v;
        return this;
    }

    TestFacts atLeastOneWorkingDayBeforeDue(boolean v) {
        this.beforeDue = v;
        return this;
    }

    DossierFacts build() {
        Instant received = Instant.parse("2025-09-15T02:00:00Z");
        return DossierFacts.builder()
                .receivingUnitCode(receiving)
                .competentUnitCode(competent)
                .currentHandlingUnitCode(handling)
                .applicantCitizenId(applicant)
                .regime(regime)
                .receivedAt(received)
                .dueAt(received.plusSeconds(10 * 86_400))
                .extensionUsed(extensionUsed)
                .resultIssued(resultIssued)
                .withinSupplementWindow(withinSupplementWindow)
                .atLeastOneWorkingDayBeforeDue(beforeDue)
                .build();
    }
}
