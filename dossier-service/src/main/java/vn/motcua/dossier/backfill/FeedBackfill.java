package vn.motcua.dossier.backfill;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.dossier.catalog.domain.ProcedureVersion;
import vn.motcua.dossier.catalog.repository.ProcedureVersionRepository;
import vn.motcua.dossier.catalog.service.CatalogEvents;
import vn.motcua.dossier.common.FeedAnnouncements;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitRepository;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.dossier.unit.service.UnitEvents;
import vn.motcua.platform.lease.Lease;
import vn.motcua.platform.lease.Leases;

/**
 * At startup, announces on the change feed every unit (unit.created, and unit.closed if it has ended) and every
 * current published procedure version (procedure.published) that the feed never carried: the demo seed and rows
 * older than the feed would otherwise stay invisible to consumers (report-service's unit and procedure dimensions).
 * One replica does it, under the database lease {@value #LEASE}; each announcement is recorded in feed_announcement
 * in the transaction of its event, so a restart, or the next replica, carries on where it stopped and nothing is
 * announced twice. Units go parents first. Switched off with {@value #ENABLED} = false.
 */
@Singleton
@Requires(property = FeedBackfill.ENABLED, notEquals = "false")
public class FeedBackfill {

    public static final String ENABLED = "motcua.dossier.feed-backfill.enabled";
    public static final String LEASE = "feed-backfill:dossier-service";

    /** Announcements per transaction. */
    private static final int CHUNK = 200;

    private static final Logger LOG = LoggerFactory.getLogger(FeedBackfill.class);

    private final Leases leases;
    private final TransactionOperations<Connection> tx;
    private final UnitRepository units;
    private final ProcedureVersionRepository versions;
    private final UnitEvents unitEvents;
    private final CatalogEvents catalogEvents;
    private final FeedAnnouncements announcements;
    private final Clock clock;

    public FeedBackfill(
            Leases leases,
            TransactionOperations<Connection> tx,
            UnitRepository units,
            ProcedureVersionRepository versions,
            UnitEvents unitEvents,
            CatalogEvents catalogEvents,
            FeedAnnouncements announcements,
            Clock clock) {
        this.leases = leases;
        this.tx = tx;
        this.units = units;
        this.versions = versions;
        this.unitEvents = unitEvents;
        this.catalogEvents = catalogEvents;
        this.announcements = announcements;
        this.clock = clock;
    }

    /** What one run announced; {@code skipped} when another replica held the lease. */
    public record Result(int units, int procedures, boolean skipped) {}

    @EventListener
    public void onStartup(ServerStartupEvent event) {
        try {
            Result r = announceMissing();
            if (r.units() + r.procedures() > 0) {
                LOG.info(
                        "Announced on the change feed {} units and {} procedure versions it never carried",
                        r.units(),
                        r.procedures());
            }
        } catch (RuntimeException e) {
            // the service still serves; the next start tries again
            LOG.warn("The feed back-fill of units and procedures failed: {}", e.toString(), e);
        }
    }

    public Result announceMissing() {
        Lease lease = leases.named(LEASE);
        if (!lease.held()) {
            return new Result(0, 0, true);
        }
        try {
            UnitTree tree = new UnitTree(tx.executeRead(status -> units.findAll()));
            Set<String> unitsDone = announcements.announced(FeedAnnouncements.UNIT);
            List<AdminUnit> unitsToDo = tree.all().stream()
                    .filter(u -> !unitsDone.contains(u.code()))
                    .sorted(Comparator.comparingInt(
                                    (AdminUnit u) -> tree.path(u.code()).size())
                            .thenComparing(AdminUnit::code))
                    .toList();
            for (List<AdminUnit> chunk : chunks(unitsToDo)) {
                Instant now = clock.instant();
                tx.executeWrite(status -> {
                    chunk.forEach(u -> unitEvents.announceExisting(u, now));
                    return null;
                });
            }
            Set<String> versionsDone = announcements.announced(FeedAnnouncements.PROCEDURE);
            List<ProcedureVersion> versionsToDo = tx.executeRead(status -> versions.currentPublished()).stream()
                    .filter(v -> !versionsDone.contains(FeedAnnouncements.procedureKey(v.code(), v.version())))
                    .toList();
            for (List<ProcedureVersion> chunk : chunks(versionsToDo)) {
                Instant now = clock.instant();
                tx.executeWrite(status -> {
                    chunk.forEach(v -> catalogEvents.announceExisting(v, rootOf(tree, v), now));
                    return null;
                });
            }
            return new Result(unitsToDo.size(), versionsToDo.size(), false);
        } finally {
            lease.release();
        }
    }

    /** The root above the version's first receiving unit: the controller's side of the tree. */
    private static String rootOf(UnitTree tree, ProcedureVersion v) {
        return v.receivingUnitCodes().stream()
                .map(tree::path)
                .filter(path -> !path.isEmpty())
                .map(path -> path.get(0))
                .findFirst()
                .orElse(null);
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
