package vn.motcua.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.dossier.catalog.CatalogService;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.platform.paging.Page;

/** The embedded default: the same migrations and the diacritic-insensitive search run on H2 in MySQL mode. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogSearchOnH2Test implements TestPropertyProvider {

    @Inject
    CatalogService catalog;

    @Override
    public Map<String, String> getProperties() {
        return EmbeddedH2.properties();
    }

    @Test
    void findsProcedureTypedWithoutDiacritics() {
        Page<Procedure> page = catalog.searchPublic("cap giay khai sinh", null, Page.Request.of(0, null));
        assertThat(page.items())
                .extracting(Procedure::name)
                .containsExactly("Cấp bản sao Giấy khai sinh từ sổ hộ tịch");
    }

    @Test
    void filtersByReceivingUnitAndPages() {
        Page<Procedure> first = catalog.searchPublic("", "11077", Page.Request.of(2, null));
        assertThat(first.items()).hasSize(2);
        assertThat(first.nextToken()).isNotEmpty();
        Page<Procedure> rest = catalog.searchPublic("", "11077", Page.Request.of(50, first.nextToken()));
        assertThat(rest.items())
                .extracting(Procedure::code)
                .doesNotContainAnyElementsOf(
                        first.items().stream().map(Procedure::code).toList())
                .doesNotContain("2.000720");
    }
}
