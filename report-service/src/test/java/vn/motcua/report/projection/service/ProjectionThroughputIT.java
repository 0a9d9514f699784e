package vn.motcua.report.projection.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.platform.feed.FeedEventHandler;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.report.feed.grpc.DigitizationFeedHandler;
import vn.motcua.report.feed.grpc.DossierFeedHandler;
import vn.motcua.report.feed.grpc.FollowedFeed;
import vn.motcua.report.feed.grpc.PaymentFeedHandler;
import vn.motcua.report.it.FeedScript;
import vn.motcua.report.it.FixedImportedHistory;
import vn.motcua.report.it.GeneratedLoad;
import vn.motcua.report.it.ProjectionTables;
import vn.motcua.report.it.ReportItSupport;
import vn.motcua.report.it.ReportScenario;

/**
 * How fast the projection applies events on MariaDB, through the same path the followers take (FeedCursorStore
 * .applyBatch in runs of motcua.report.feeds.batch-size) but without gRPC: the figures are logged as events/s
 * ("Projection throughput"), never asserted. What is asserted is that the run and a rebuild agree, so the test can
 * fail. Size with -Dit.projection.throughput.dossiers (default 4000 dossiers, about 5 events each).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionThroughputIT implements TestPropertyProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionThroughputIT.class);
    private static final int DOSSIERS = Integer.getInteger("it.projection.throughput.dossiers", 4000);
    /** motcua.report.feeds.batch-size's default. */
    private static final int RUN = 1000;

    private final TestDatabase db = TestDatabase.create("report_throughput");

    @Inject
    ApplicationContext context;

    @Inject
    FeedCursorStore cursors;

    @Inject
    DossierFeedHandler dossierHandler;

    @Inject
    PaymentFeedHandler paymentHandler;

    @Inject
    DigitizationFeedHandler digitizationHandler;

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    FixedImportedHistory imports;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = ReportItSupport.properties(db, TestPorts.free());
        props.put("motcua.report.consume-dossier-feed", "false");
        props.put("it.imported-history-replay", "true");
        return props;
    }

    @AfterAll
    void dropDatabase() {
        context.stop();
        db.close();
    }

    private long apply(ReportScenario s) {
        long events = 0;
        events += inRuns(s.dossiers, dossierHandler);
        events += inRuns(s.payments, paymentHandler);
        events += inRuns(s.digitization, digitizationHandler);
        return events;
    }

    private long inRuns(FeedScript script, FeedEventHandler handler) {
        List<FeedEvent> all = script.events();
        for (int i = 0; i < all.size(); i += RUN) {
            cursors.applyBatch(
                    FollowedFeed.CONSUMER,
                    script.source(),
                    cursors.cursor(FollowedFeed.CONSUMER, script.source()),
                    all.subList(i, Math.min(all.size(), i + RUN)),
                    handler);
        }
        return all.size();
    }

    private static void log(String what, long count, String unit, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        LOG.info(
                "Projection throughput, {}: {} {} in {} s = {} {}/s",
                what,
                count,
                unit,
                String.format("%.2f", seconds),
                Math.round(count / seconds),
                unit);
    }

    @Test
    void eventsAndImportsAreAppliedInRunsAndARebuildAgrees() {
        ReportScenario scenario = new ReportScenario();
        GeneratedLoad.append(scenario, DOSSIERS);
        List<FixedImportedHistory.Row> history = GeneratedLoad.imports(DOSSIERS);

        long started = System.nanoTime();
        long events = apply(scenario);
        log("feed events in runs of " + RUN, events, "events", started);
        started = System.nanoTime();
        for (int i = 0; i < history.size(); i += 1000) {
            imports.importRows(history.subList(i, Math.min(history.size(), i + 1000)));
        }
        log("imported dossiers in batches of 1000", history.size(), "rows", started);
        Map<String, List<String>> first = ProjectionTables.dump(db);
        assertThat(first.get("dossier_fact"))
                .hasSize((int) ReportItSupport.queryLong(db, "SELECT COUNT(*) FROM dossier_fact"))
                .hasSizeGreaterThan(2 * DOSSIERS);

        started = System.nanoTime();
        rebuild.rebuild("it", "throughput");
        apply(scenario);
        ReportItSupport.awaitTrue(
                "the imports re-applied",
                Duration.ofMinutes(5),
                () -> ReportItSupport.queryLong(db, "SELECT COUNT(*) FROM projection_state WHERE rebuilding") == 0);
        log("rebuild: reset, feed events and imports replayed", events + history.size(), "events", started);

        assertThat(ProjectionTables.dump(db)).isEqualTo(first);
    }
}
