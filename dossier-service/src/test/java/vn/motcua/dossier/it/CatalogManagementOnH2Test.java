package vn.motcua.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.dossier.catalog.CatalogSamples;
import vn.motcua.dossier.catalog.domain.ProcedureVersion;
import vn.motcua.dossier.catalog.domain.PublicationState;
import vn.motcua.dossier.catalog.domain.ReviewIssue;
import vn.motcua.dossier.catalog.domain.ReviewItem;
import vn.motcua.dossier.catalog.service.CatalogManagementService;
import vn.motcua.dossier.catalog.service.CatalogReadService;
import vn.motcua.dossier.catalog.transfer.CatalogueFormat;
import vn.motcua.platform.auth.Caller;

/** The embedded default: the catalogue management SQL (V3, locking reads, listing rewrite) on H2 in MySQL mode. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogManagementOnH2Test implements TestPropertyProvider {

    private static final Caller DISTRICT_CONTROLLER =
            new Caller("kstt-298", "kstt.tuky", Set.of("tthc_controller"), "298", null, "motcua-gateway", "token");

    @Inject
    CatalogManagementService management;

    @Inject
    CatalogReadService reads;

    @Override
    public Map<String, String> getProperties() {
        return EmbeddedH2.properties();
    }

    @Test
    void versionsArePublishedListedWithdrawnAndExported() {
        ProcedureVersion v1 =
                management.createDraft(DISTRICT_CONTROLLER, "h2-1", CatalogSamples.buildingPermit(), List.of());
        ProcedureVersion v2 =
                management.createDraft(DISTRICT_CONTROLLER, null, CatalogSamples.buildingPermit(), List.of());
        assertThat(List.of(v1.version(), v2.version())).containsExactly(1, 2);
        assertThat(v2.receivingUnits())
                .isEqualTo(CatalogSamples.buildingPermit().receivingUnits());

        management.publish(DISTRICT_CONTROLLER, null, "1.009994", 2, "1520/QĐ-UBND", "2025-12-01");
        assertThat(reads.listing("11077").atDesk())
                .extracting(p -> p.code() + "@" + p.version())
                .contains("1.009994@2");
        assertThat(reads.get(Optional.empty(), "1.009994", 0).receivingUnits()).hasSize(2);

        byte[] csv = reads.export(DISTRICT_CONTROLLER, CatalogueFormat.CSV).content();
        assertThat(management.importDrafts(DISTRICT_CONTROLLER, "h2-import", CatalogueFormat.CSV, csv))
                .isGreaterThanOrEqualTo(6);

        ProcedureVersion withdrawn = management.withdraw(DISTRICT_CONTROLLER, null, "1.009994", "Bãi bỏ");
        assertThat(withdrawn.state()).isEqualTo(PublicationState.WITHDRAWN);
        assertThat(reads.listing("11077").atDesk()).extracting(p -> p.code()).doesNotContain("1.009994");

        List<ReviewItem> review = reads.review(DISTRICT_CONTROLLER, "2026-02-01");
        // the imported drafts are in effect (1 January 2026) and not published
        assertThat(review)
                .extracting(ReviewItem::code, ReviewItem::issue)
                .contains(org.assertj.core.groups.Tuple.tuple("1.001193", ReviewIssue.IN_EFFECT_NOT_PUBLISHED));
    }
}
