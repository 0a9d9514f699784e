package vn.motcua.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.admin.UnitAdminJson;
import vn.motcua.gateway.admin.UserJson;
import vn.motcua.gateway.catalog.CatalogJson;
import vn.motcua.gateway.catalog.UnitJson;
import vn.motcua.gateway.report.DailyReceptionsJson;
import vn.motcua.gateway.support.GatewayIT;

/**
 * A list with nothing in it is sent as [] rather than left out: clients (the console first) read "no items" from an
 * empty array, and a missing property made the catalogue review crash on an empty answer.
 */
@MicronautTest(transactional = false)
class EmptyListsAreSentAsEmptyArraysIT extends GatewayIT {

    private String write(Object value) throws IOException {
        return new String(json.writeValueAsBytes(value), StandardCharsets.UTF_8);
    }

    @Test
    void everyListAnswerKeepsItsEmptyList() throws IOException {
        assertThat(write(new CatalogJson.Review(List.of()))).isEqualTo("{\"items\":[]}");
        assertThat(write(new UnitJson.Units(List.of()))).isEqualTo("{\"units\":[]}");
        assertThat(write(new UserJson.Users(List.of()))).isEqualTo("{\"users\":[]}");
        assertThat(write(new UnitAdminJson.Units(List.of()))).isEqualTo("{\"units\":[]}");
        assertThat(write(new UnitAdminJson.Days(List.of()))).isEqualTo("{\"days\":[]}");
        assertThat(write(new DailyReceptionsJson(List.of()))).isEqualTo("{\"rows\":[]}");
    }
}
