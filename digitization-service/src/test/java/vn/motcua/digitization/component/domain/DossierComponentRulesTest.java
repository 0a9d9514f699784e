package vn.motcua.digitization.component.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.digitization.stamp.QrPayload;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorReason;

/** The rules about a component itself, beyond the state table; and what its QR stamp encodes. */
class DossierComponentRulesTest {

    private static final Instant NOW = Instant.parse("2026-05-04T02:00:00Z");

    private static DossierComponent scannable() {
        return DossierComponent.pending("TN-1", 1, "Giấy khai sinh", false, NOW);
    }

    private static DossierComponent presentOnly() {
        return DossierComponent.pending("TN-1", 3, "Căn cước công dân", true, NOW);
    }

    private static void assertRule(Runnable call, String rule) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.reason()).isEqualTo(ErrorReason.RULE_VIOLATED);
            assertThat(e.metadata()).containsEntry("rule", rule);
        });
    }

    @Test
    void presentOnlyComponentIsNeitherAttachedNorFilledOnlyExemptedAsPresentOnly() {
        assertRule(() -> presentOnly().attach("D", 1, ComponentSource.SCAN, NOW), DossierComponent.PRESENT_ONLY_RULE);
        assertRule(() -> presentOnly().fillFromWarehouse("WH-1", "D", 1, "a", NOW), DossierComponent.PRESENT_ONLY_RULE);
        assertRule(
                () -> presentOnly().exempt(ExemptionReason.STATE_SECRET, null, null, "a", NOW),
                DossierComponent.PRESENT_ONLY_RULE);
        DossierComponent exempt = presentOnly().exempt(ExemptionReason.PRESENT_ONLY, null, null, "a", NOW);
        assertThat(exempt.state()).isEqualTo(ComponentState.EXEMPT);
        assertThat(exempt.exemptionReason()).isEqualTo(ExemptionReason.PRESENT_ONLY);
        assertThat(exempt.reused()).isFalse();
    }

    @Test
    void presentOnlyExemptionIsOnlyForAPresentOnlyComponent() {
        assertRule(
                () -> scannable().exempt(ExemptionReason.PRESENT_ONLY, null, null, "a", NOW),
                DossierComponent.EXEMPTION_RULE);
    }

    @Test
    void nationalDatabaseExemptionNamesTheDatabaseAndCountsAsReuse() {
        assertRule(
                () -> scannable().exempt(ExemptionReason.NATIONAL_DATABASE, null, null, "a", NOW),
                DossierComponent.EXEMPTION_RULE);
        assertRule(
                () -> scannable().exempt(ExemptionReason.NATIONAL_DATABASE, ComponentSource.UPLOAD, null, "a", NOW),
                DossierComponent.EXEMPTION_RULE);
        assertRule(
                () -> scannable().exempt(ExemptionReason.STATE_SECRET, ComponentSource.POPULATION_DATA, null, "a", NOW),
                DossierComponent.EXEMPTION_RULE);
        DossierComponent fromData =
                scannable().exempt(ExemptionReason.NATIONAL_DATABASE, ComponentSource.POPULATION_DATA, null, "a", NOW);
        assertThat(fromData.reused()).isTrue();
        assertThat(fromData.fromWarehouse()).isFalse();
        assertThat(fromData.source()).isEqualTo(ComponentSource.POPULATION_DATA);
    }

    @Test
    void fillingFromTheWarehouseConfirmsAsReuseFromTheWarehouse() {
        DossierComponent filled = scannable().fillFromWarehouse("WH-1", "DOC-9", 2, "citizen", NOW);
        assertThat(filled.state()).isEqualTo(ComponentState.CONFIRMED);
        assertThat(filled.source()).isEqualTo(ComponentSource.WAREHOUSE);
        assertThat(filled.fromWarehouse()).isTrue();
        assertThat(filled.reused()).isTrue();
        assertThat(filled.warehouseItemId()).isEqualTo("WH-1");
        assertThat(filled.documentVersion()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(
            value = ComponentSource.class,
            names = {"UPLOAD", "SCAN"})
    void scannedOrUploadedFileIsNotReuse(ComponentSource source) {
        DossierComponent confirmed = scannable()
                .attach("DOC-1", 1, source, NOW)
                .checkPassed(2, "{}", "officer", NOW)
                .confirm("WH-2", "officer", NOW);
        assertThat(confirmed.reused()).isFalse();
        assertThat(confirmed.fromWarehouse()).isFalse();
        assertThat(confirmed.source()).isEqualTo(source);
        assertThat(confirmed.documentVersion()).isEqualTo(2);
        assertThat(confirmed.qrPayload()).isEqualTo("{}");
    }

    @Test
    void qrPayloadCarriesDossierCodeProcedureCodeApplicantIdAndTheComponentsName() {
        QrPayload payload = ComponentQr.payload("H30.298.11077-260501-0001", "1.001193", "001099012345", scannable());
        assertThat(payload)
                .isEqualTo(new QrPayload("H30.298.11077-260501-0001", "1.001193", "001099012345", "Giấy khai sinh"));
    }
}
