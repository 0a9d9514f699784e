package vn.motcua.report.projection.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.platform.feed.FeedEventHandler;
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
 * The embedded default (runtime.md): the projection's SQL (locking reads, upserts, the closure, TRUNCATE in a
 * rebuild) on H2 in MySQL mode, with the scenario's figures and a rebuild ending where the first run did.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionOnH2Test implements TestPropertyProvider {

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

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID()
            + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1";

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "datasources.default.url",
                url,
                "grpc.server.port",
                Integer.toString(TestPorts.free()),
                "motcua.report.consume-dossier-feed",
                "false",
                "motcua.report.feeds.payment.enabled",
                "false",
                "motcua.report.feeds.digitization.enabled",
                "false",
                "it.imported-history-replay",
                "true");
    }

    private void inRuns(FeedScript script, FeedEventHandler handler, int size) {
        List<FeedEvent> all = script.events();
        for (int i = 0; i < all.size(); i += size) {
            cursors.applyBatch(
                    FollowedFeed.CONSUMER,
                    script.source(),
                    cursors.cursor(FollowedFeed.CONSUMER, script.source()),
                    all.subList(i, Math.min(all.size(), i + size)),
                    handler);
        }
    }

    private Connection connect() {
        // a plain connection outside the context's transactions: a dump reads committed rows only
        try {
            return DriverManager.getConnection(url, "sa", "");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theScenarioCountsAsOnMariaDbAndARebuildEndsWhereTheFirstRunDid() {
        ReportScenario scenario = new ReportScenario();
        GeneratedLoad.append(scenario, 200);
        imports.importRows(GeneratedLoad.imports(30));
        inRuns(scenario.payments, paymentHandler, 50);
        inRuns(scenario.dossiers, dossierHandler, 100);
        inRuns(scenario.digitization, digitizationHandler, 50);

        assertThat(ProjectionTables.counters(this::connect, "stat_month"))
                .contains(
                        "unit_code=11077|field_code=Hộ tịch|month=202603|received_counter=3|resolved_early=1"
                                + "|resolved_late=2|refused=1|resolved_on_time_766=2|due_count=3"
                                + "|closed_due_count=3",
                        "unit_code=11080|field_code=Hộ tịch|month=202603|received_postal=1|resolved_early=1"
                                + "|withdrawn=1|resolved_on_time_766=1|due_count=1|closed_due_count=1");
        assertThat(ProjectionTables.counters(this::connect, "i766_month"))
                .contains("unit_code=11077|procedure_code=2.000001|month=202603|received=2|received_online=1"
                        + "|online_counted=1|financial_obligation=1|paid_online=1|paper_result_required=2"
                        + "|paper_result_electronic=1|digitized=1");
        Map<String, List<String>> first = ProjectionTables.dump(this::connect);

        rebuild.rebuild("h2", "the embedded database rebuilds too");
        inRuns(scenario.dossiers, dossierHandler, 37);
        inRuns(scenario.digitization, digitizationHandler, 500);
        inRuns(scenario.payments, paymentHandler, 3);
        ReportItSupport.awaitTrue(
                "the imports re-applied",
                java.time.Duration.ofSeconds(30),
                () -> ProjectionTables.rows(
                                this::connect, "SELECT COUNT(*) AS n FROM projection_state WHERE rebuilding", false)
                        .equals(List.of("n=0")));

        assertThat(ProjectionTables.dump(this::connect)).isEqualTo(first);
    }
}
