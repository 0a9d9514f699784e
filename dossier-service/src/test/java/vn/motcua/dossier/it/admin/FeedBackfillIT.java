package vn.motcua.dossier.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.backfill.FeedBackfill;
import vn.motcua.platform.lease.Lease;
import vn.motcua.platform.lease.Leases;
import vn.motcua.platform.testing.FeedPayloads;
import vn.motcua.proto.dossier.v1.CreateUnitRequest;

/**
 * The demo seed's units and published procedures reach the change feed at startup (report-service builds its unit
 * and procedure dimensions from it): each once, parents before children, under a lease; a unit created through the
 * API is announced by its creation only.
 */
@MicronautTest(transactional = false)
class FeedBackfillIT extends AdminItSupport {

    @Inject
    FeedBackfill backfill;

    @Inject
    Leases leases;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(FeedBackfill.ENABLED, "true");
    }

    /** (event type, aggregate id, payload as JSON) of the feed's unit and procedure events, oldest first. */
    private List<String[]> announced() {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("SELECT event_type, aggregate_id, " + FeedPayloads.COLUMNS
                        + " FROM feed_outbox WHERE aggregate_type IN ('unit', 'procedure') ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            List<String[]> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new String[] {
                    rs.getString(1), rs.getString(2), FeedPayloads.json(rs.getString(3), rs.getBytes(4))
                });
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(List<String[]> events, String type) {
        return events.stream().filter(e -> e[0].equals(type)).map(e -> e[1]).toList();
    }

    @Test
    void theSeedsUnitsAndPublishedProceduresWereAnnouncedOnceAtStartupParentsFirst() {
        List<String[]> events = announced();
        List<String> units = ids(events, "unit.created");
        assertThat(units).as("every seeded unit, once").doesNotHaveDuplicates().hasSize((int) count("admin_unit"));
        assertThat(units.get(0)).isEqualTo("30");
        assertThat(units.indexOf("298")).isLessThan(units.indexOf("11077"));
        String ngocSon = events.stream()
                .filter(e -> e[0].equals("unit.created") && e[1].equals("11077"))
                .findFirst()
                .orElseThrow()[2];
        assertThat(ngocSon).contains("\"parentCode\":\"298\"", "\"level\":\"UNIT_LEVEL_COMMUNE\"");
        assertThat(ids(events, "procedure.published"))
                .as("every current published version, once")
                .doesNotHaveDuplicates()
                .hasSize((int) longValue("SELECT COUNT(*) FROM procedure_version p WHERE p.state = 'PUBLISHED'"
                        + " AND p.version = (SELECT MAX(v.version) FROM procedure_version v WHERE v.code = p.code"
                        + " AND v.state IN ('PUBLISHED', 'WITHDRAWN'))"))
                .contains(BIRTH);
        assertThat(longValue("SELECT COUNT(*) FROM feed_announcement"))
                .isEqualTo(units.size() + ids(events, "procedure.published").size());

        // a restart announces nothing more
        FeedBackfill.Result again = backfill.announceMissing();
        assertThat(again).isEqualTo(new FeedBackfill.Result(0, 0, false));
        assertThat(announced()).hasSize(events.size());
    }

    @Test
    void aUnitCreatedThroughTheApiIsAnnouncedByItsCreationOnly() {
        units(admin("298"))
                .createUnit(CreateUnitRequest.newBuilder()
                        .setUnit(commune("11601", "000.96.24.H30", "Xã Mới Lập", "298"))
                        .setValidFrom("2026-03-09")
                        .build());
        assertThat(backfill.announceMissing().units()).isZero();
        assertThat(longValue(
                        "SELECT COUNT(*) FROM feed_outbox WHERE event_type = 'unit.created' AND aggregate_id = ?",
                        "11601"))
                .isEqualTo(1);
    }

    @Test
    void whileAnotherReplicaHoldsTheLeaseThisOneAnnouncesNothing() {
        Lease other = leases.named(FeedBackfill.LEASE, "another-replica");
        assertThat(other.held()).isTrue();
        try {
            long before = count("feed_outbox");
            assertThat(backfill.announceMissing().skipped()).isTrue();
            assertThat(count("feed_outbox")).isEqualTo(before);
        } finally {
            other.release();
        }
    }
}
