package vn.motcua.report.projection.service;

import io.micronaut.context.BeanProvider;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.report.projection.domain.ProjectionState;
import vn.motcua.report.projection.repository.ProjectionStateRepository;

/**
 * Rebuilds the projection from its sources: the feeds replayed from seq 0 and the imported histories re-applied. The
 * steps (V2's comment on projection_state) are driven by flags, each step idempotent, so a kill -9 anywhere followed
 * by a restart ends with the same projection as an uninterrupted rebuild:
 * <ol>
 *   <li>generation + 1, resetting and rebuilding set (one committed update);</li>
 *   <li>every projection table emptied, report-service's cursors and dedup log dropped: writers refuse to apply
 *       while resetting, and the followers, finding their cursor gone, follow again from seq 0 without a restart;</li>
 *   <li>resetting cleared;</li>
 *   <li>the imported histories re-applied through {@link ImportedHistoryReplay} in the background (none in a
 *       deployment without the importer), then rebuilding cleared.</li>
 * </ol>
 * At startup, a reset left half-done is finished and an unfinished import replay is run again.
 */
@Singleton
public class ProjectionRebuild {

    /** The consumer name of every feed report-service follows (feed_cursor, feed_consumed). */
    public static final String FEED_CONSUMER = "report-service";

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final ProjectionStateRepository state;
    private final BeanProvider<ImportedHistoryReplay> replay;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-import-replay");
        t.setDaemon(true);
        return t;
    });

    public ProjectionRebuild(ProjectionStateRepository state, BeanProvider<ImportedHistoryReplay> replay) {
        this.state = state;
        this.replay = replay;
    }

    /**
     * Steps 1 to 3 now, step 4 in the background.
     *
     * @return the new generation
     */
    public long rebuild(String requestedBy, String reason) {
        long generation = state.beginReset(requestedBy, reason, clock.instant());
        LOG.info("Projection rebuild {} asked by {}: {}", generation, requestedBy, reason);
        finishReset();
        replayImports(generation);
        return generation;
    }

    /** Resumes what a stopped process left: a half-done reset, then an unfinished import replay. */
    @EventListener
    public void resume(ServerStartupEvent event) {
        resume();
    }

    /** @return the import replay started, if one was due */
    public Future<?> resume() {
        ProjectionState s = state.state();
        if (s.resetting()) {
            LOG.info("Finishing the reset of projection rebuild {} (the process stopped during it)", s.generation());
            finishReset();
        }
        if (s.rebuilding()) {
            LOG.info("Re-applying the imported histories of projection rebuild {}", s.generation());
            return replayImports(s.generation());
        }
        return null;
    }

    private void finishReset() {
        for (String table : ProjectionStateRepository.PROJECTION_TABLES) {
            state.truncate(table);
        }
        state.dropFeedPositions(FEED_CONSUMER);
        state.resetDone();
    }

    private Future<?> replayImports(long generation) {
        return background.submit(() -> {
            try {
                long rows = replay.isPresent() ? replay.get().replayAll() : 0;
                state.importsReplayed(generation);
                LOG.info("Projection rebuild {}: {} imported dossiers re-applied", generation, rows);
            } catch (RuntimeException e) {
                // the flag stays set: the next start replays them again
                LOG.error("Projection rebuild {}: re-applying the imported histories failed", generation, e);
                throw e;
            }
        });
    }

    @PreDestroy
    void shutdown() {
        background.shutdownNow();
    }
}
