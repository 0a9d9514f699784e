package vn.motcua.report.projection.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.report.it.ProjectionTables.counters;
import static vn.motcua.report.it.ProjectionTables.rows;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.platform.feed.FeedEventHandler;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.report.feed.grpc.DigitizationFeedHandler;
import vn.motcua.report.feed.grpc.DossierFeedHandler;
import vn.motcua.report.feed.grpc.FollowedFeed;
import vn.motcua.report.feed.grpc.PaymentFeedHandler;
import vn.motcua.report.it.FeedScript;
import vn.motcua.report.it.ProjectionTables;
import vn.motcua.report.it.ReportItSupport;
import vn.motcua.report.it.ReportScenario;
import vn.motcua.report.projection.domain.DossierFact;
import vn.motcua.report.projection.domain.ImportedDigitization;
import vn.motcua.report.projection.domain.ImportedPayment;

/**
 * The projection on MariaDB, fed through FeedCursorStore exactly as the followers feed it (no live subscriber):
 * {@link ReportScenario}'s events give the facts and counters computed by hand; the same events in another order
 * across feeds and in other runs give the same tables; a duplicate is applied once; a procedure published late, a
 * unit placed elsewhere later and imported dossiers are folded in the same way.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionCountersIT implements TestPropertyProvider {

    private static final String CONSUMER = FollowedFeed.CONSUMER;

    private final TestDatabase db = TestDatabase.create("report_counters");
    private final ReportScenario scenario = new ReportScenario();
    private Map<String, List<String>> incremental;

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
    DossierFactSink sink;

    @Inject
    TransactionOperations<Connection> tx;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = ReportItSupport.properties(db, TestPorts.free());
        props.put("motcua.report.consume-dossier-feed", "false");
        return props;
    }

    @AfterAll
    void dropDatabase() {
        context.stop();
        db.close();
    }

    private FeedEventHandler handlerOf(FeedScript script) {
        // the extra scripts of the later tests are dossier-service's events under their own cursor
        if (script.source().startsWith(FeedScript.DOSSIER_SOURCE)) {
            return dossierHandler;
        }
        return script.source().equals(FeedScript.PAYMENT_SOURCE) ? paymentHandler : digitizationHandler;
    }

    private void oneByOne(FeedScript script) {
        for (FeedEvent e : script.events()) {
            assertThat(cursors.applyOnce(CONSUMER, script.source(), e, handlerOf(script)))
                    .isTrue();
        }
    }

    private void inRuns(FeedScript script, int size) {
        List<FeedEvent> all = script.events();
        for (int i = 0; i < all.size(); i += size) {
            List<FeedEvent> run = all.subList(i, Math.min(all.size(), i + size));
            cursors.applyBatch(
                    CONSUMER, script.source(), cursors.cursor(CONSUMER, script.source()), run, handlerOf(script));
        }
    }

    private static List<String> lines(String... lines) {
        return List.of(lines);
    }

    @Test
    @Order(1)
    void theScenarioGivesTheFactsAndCountersComputedByHand() {
        // payment-service's and digitization-service's events come before the dossier they are about
        oneByOne(scenario.payments);
        oneByOne(scenario.digitization);
        oneByOne(scenario.dossiers);

        assertThat(counters(db, "stat_day"))
                .containsExactlyInAnyOrderElementsOf(lines(
                        "unit_code=11077|field_code=Hộ tịch|day=2026-03-02|received_counter=2",
                        "unit_code=11077|field_code=Hộ tịch|day=2026-03-03|received_counter=1",
                        "unit_code=11077|field_code=Hộ tịch|day=2026-03-04|resolved_early=1|resolved_on_time_766=1"
                                + "|due_count=1",
                        "unit_code=11077|field_code=Hộ tịch|day=2026-03-05|resolved_late=1|resolved_on_time_766=1"
                                + "|due_count=2|closed_due_count=2",
                        "unit_code=11077|field_code=Hộ tịch|day=2026-03-06|resolved_late=1|refused=1"
                                + "|closed_due_count=1",
                        "unit_code=11077|field_code=Đất đai|day=2026-03-02|received_online=1",
                        "unit_code=11077|field_code=Đất đai|day=2026-03-04|received_counter=1",
                        "unit_code=11077|field_code=Đất đai|day=2026-03-09|resolved_late=1"
                                + "|resolved_late_with_apology=1|resolved_on_time_766=1",
                        "unit_code=11077|field_code=Đất đai|day=2026-03-10|due_count=1|closed_due_count=1",
                        "unit_code=11077|field_code=Đất đai|day=2026-03-20|due_count=1",
                        "unit_code=11080|field_code=Hộ tịch|day=2026-03-03|received_postal=1|resolved_early=1"
                                + "|withdrawn=1|resolved_on_time_766=1",
                        "unit_code=11080|field_code=Hộ tịch|day=2026-03-04|due_count=1|closed_due_count=1"));
        assertThat(counters(db, "stat_month"))
                .containsExactlyInAnyOrderElementsOf(lines(
                        "unit_code=11077|field_code=Hộ tịch|month=202603|received_counter=3|resolved_early=1"
                                + "|resolved_late=2|refused=1|resolved_on_time_766=2|due_count=3"
                                + "|closed_due_count=3",
                        "unit_code=11077|field_code=Đất đai|month=202603|received_online=1|received_counter=1"
                                + "|resolved_late=1|resolved_late_with_apology=1|resolved_on_time_766=1"
                                + "|due_count=2|closed_due_count=1",
                        "unit_code=11080|field_code=Hộ tịch|month=202603|received_postal=1|resolved_early=1"
                                + "|withdrawn=1|resolved_on_time_766=1|due_count=1|closed_due_count=1"));
        assertThat(counters(db, "i766_month"))
                .containsExactlyInAnyOrderElementsOf(lines(
                        "unit_code=11077|procedure_code=1.001193|month=202603|received=3|resolved_late=2"
                                + "|feedback_or_dislike=1|rated=1",
                        "unit_code=11077|procedure_code=2.000001|month=202603|received=2|received_online=1"
                                + "|online_counted=1|financial_obligation=1|paid_online=1"
                                + "|paper_result_required=2|paper_result_electronic=1|digitized=1",
                        "unit_code=11080|procedure_code=1.001193|month=202603|received=1|received_postal=1"));
        assertThat(rows(db, "SELECT unit_code, local_date, received FROM daily_reception ORDER BY 1, 2"))
                .containsExactly(
                        "unit_code=11077|local_date=2026-03-02|received=3",
                        "unit_code=11077|local_date=2026-03-03|received=1",
                        "unit_code=11077|local_date=2026-03-04|received=1",
                        "unit_code=11080|local_date=2026-03-03|received=1");
        assertThat(rows(
                        db,
                        "SELECT fact_id, code, unit_code, field_code, channel, state, result_kind, timeliness,"
                                + " on_time_766, supplement_requests, pre_supplement_requests, paused_seconds, assignee,"
                                + " rating_satisfied, extension_used FROM dossier_fact ORDER BY fact_id"))
                .containsExactly(
                        "fact_id=A1|code=H30.298.11077-260302-0001|unit_code=11077|field_code=Hộ tịch|channel=COUNTER"
                                + "|state=RESULT_READY|result_kind=ISSUED|timeliness=EARLY|on_time_766=1"
                                + "|supplement_requests=0|pre_supplement_requests=0|paused_seconds=0"
                                + "|assignee=cv.ngocson|rating_satisfied=1|extension_used=0",
                        "fact_id=A2|code=" + ReportScenario.D2_CODE + "|unit_code=11077|field_code=Đất đai"
                                + "|channel=ONLINE|state=RESULT_READY|result_kind=ISSUED|timeliness=LATE|on_time_766=1"
                                + "|supplement_requests=0|pre_supplement_requests=0|paused_seconds=0|assignee=null"
                                + "|rating_satisfied=null|extension_used=1",
                        "fact_id=A3|code=H30.298.11080-260303-0003|unit_code=11080|field_code=Hộ tịch|channel=POSTAL"
                                + "|state=WITHDRAWN|result_kind=WITHDRAWN|timeliness=EARLY|on_time_766=1"
                                + "|supplement_requests=0|pre_supplement_requests=0|paused_seconds=0|assignee=null"
                                + "|rating_satisfied=null|extension_used=0",
                        "fact_id=A4|code=" + ReportScenario.D4_CODE + "|unit_code=11077|field_code=Hộ tịch"
                                + "|channel=COUNTER|state=RESULT_READY|result_kind=ISSUED|timeliness=LATE"
                                + "|on_time_766=1|supplement_requests=1|pre_supplement_requests=0"
                                + "|paused_seconds=10800|assignee=null|rating_satisfied=null|extension_used=0",
                        "fact_id=A5|code=H30.298.11077-260304-0005|unit_code=11077|field_code=Đất đai|channel=COUNTER"
                                + "|state=RECEIVED|result_kind=null|timeliness=OPEN|on_time_766=0"
                                + "|supplement_requests=1|pre_supplement_requests=1|paused_seconds=0|assignee=null"
                                + "|rating_satisfied=null|extension_used=0",
                        "fact_id=A6|code=H30.298.11077-260302-0006|unit_code=11077|field_code=Hộ tịch|channel=COUNTER"
                                + "|state=REFUSED|result_kind=REFUSED|timeliness=LATE|on_time_766=0"
                                + "|supplement_requests=0|pre_supplement_requests=0|paused_seconds=0|assignee=null"
                                + "|rating_satisfied=null|extension_used=0",
                        "fact_id=A7|code=REF-7|unit_code=11077|field_code=Hộ tịch|channel=ONLINE|state=REJECTED"
                                + "|result_kind=REJECTED|timeliness=ON_TIME|on_time_766=1|supplement_requests=0"
                                + "|pre_supplement_requests=0|paused_seconds=0|assignee=null|rating_satisfied=null"
                                + "|extension_used=0");
        assertThat(rows(db, "SELECT counted FROM dossier_fact WHERE fact_id = 'A7'"))
                .as("never received: counts nowhere")
                .containsExactly("counted=null");
        assertThat(rows(db, "SELECT code, name, level, parent_code FROM unit_dim ORDER BY code"))
                .containsExactly(
                        "code=11077|name=Xã Ngọc Sơn|level=3|parent_code=298",
                        "code=11080|name=11080|level=0|parent_code=298",
                        "code=298|name=Huyện Tứ Kỳ|level=2|parent_code=30",
                        "code=30|name=Tỉnh Hải Dương|level=1|parent_code=null");
        assertThat(rows(db, "SELECT unit_code, ancestor_code FROM unit_ancestor ORDER BY 1, 2"))
                .containsExactly(
                        "unit_code=11077|ancestor_code=11077",
                        "unit_code=11077|ancestor_code=298",
                        "unit_code=11077|ancestor_code=30",
                        "unit_code=11080|ancestor_code=11080",
                        "unit_code=11080|ancestor_code=298",
                        "unit_code=11080|ancestor_code=30",
                        "unit_code=298|ancestor_code=298",
                        "unit_code=298|ancestor_code=30",
                        "unit_code=30|ancestor_code=30");
        assertThat(rows(db, "SELECT payment_id, dossier_code, status, channel FROM payment_fact"))
                .containsExactly(
                        "payment_id=P1|dossier_code=" + ReportScenario.D2_CODE + "|status=PAID|channel=ONLINE");
        assertThat(rows(db, "SELECT feedback_id, dossier_code, state FROM feedback_fact"))
                .containsExactly("feedback_id=FB1|dossier_code=" + ReportScenario.D4_CODE + "|state=RECEIVED");
        incremental = ProjectionTables.dump(db);
    }

    @Test
    @Order(2)
    void theSameEventsInAnotherOrderAcrossFeedsAndInRunsGiveTheSameTables() {
        rebuild.rebuild("it", "order does not matter");
        assertThat(counters(db, "stat_day")).isEmpty();

        // this time the dossiers come first, each feed in runs of other sizes
        inRuns(scenario.dossiers, 7);
        inRuns(scenario.digitization, 2);
        inRuns(scenario.payments, 1);

        assertThat(ProjectionTables.dump(db)).isEqualTo(incremental);
    }

    @Test
    @Order(3)
    void aRedeliveredEventIsAppliedOnce() {
        FeedEvent received = scenario.dossiers.events().get(5);
        assertThat(cursors.applyOnce(CONSUMER, FeedScript.DOSSIER_SOURCE, received, dossierHandler))
                .isFalse();
        List<FeedEvent> again = new ArrayList<>(scenario.payments.events());
        cursors.applyBatch(
                CONSUMER,
                FeedScript.PAYMENT_SOURCE,
                cursors.cursor(CONSUMER, FeedScript.PAYMENT_SOURCE),
                again,
                paymentHandler);

        assertThat(ProjectionTables.dump(db)).isEqualTo(incremental);
    }

    @Test
    @Order(4)
    void aProcedurePublishedAfterItsDossiersMovesThemToItsField() {
        FeedScript more = new FeedScript("dossier-service-more");
        more.dossier("A8", "H30.298.11077-260310-0008", "11077", "3.000003", Channel.CHANNEL_COUNTER)
                .received("H30.298.11077-260310-0008", "2026-03-10 08:00", "2026-03-12 17:00");
        oneByOne(more);
        assertThat(counters(db, "stat_day"))
                .contains(
                        "unit_code=11077|field_code=|day=2026-03-10|received_counter=1",
                        "unit_code=11077|field_code=|day=2026-03-12|due_count=1");

        FeedScript publication = new FeedScript("dossier-service-publication");
        publication.procedure("3.000003", 1, "Môi trường", true);
        oneByOne(publication);

        assertThat(counters(db, "stat_day"))
                .noneMatch(row -> row.contains("field_code=|"))
                .contains(
                        "unit_code=11077|field_code=Môi trường|day=2026-03-10|received_counter=1",
                        "unit_code=11077|field_code=Môi trường|day=2026-03-12|due_count=1");
        assertThat(counters(db, "stat_month")).noneMatch(row -> row.contains("field_code=|"));
        assertThat(counters(db, "i766_month"))
                .contains("unit_code=11077|procedure_code=3.000003|month=202603|received=1|paper_result_required=1");
        assertThat(rows(db, "SELECT field_code FROM dossier_fact WHERE fact_id = 'A8'"))
                .containsExactly("field_code=Môi trường");
    }

    @Test
    @Order(5)
    void aUnitFirstSeenOnAPathMovesWithItsClosureWhenItsCreationPlacesItElsewhere() {
        FeedScript units = new FeedScript("dossier-service-units");
        units.unit("297", "Huyện Thanh Hà", UnitLevel.UNIT_LEVEL_DISTRICT, "30");
        units.unit("11080", "Xã Kỳ Sơn", UnitLevel.UNIT_LEVEL_COMMUNE, "297");
        oneByOne(units);

        assertThat(rows(db, "SELECT ancestor_code FROM unit_ancestor WHERE unit_code = '11080' ORDER BY 1"))
                .containsExactly("ancestor_code=11080", "ancestor_code=297", "ancestor_code=30");
        assertThat(rows(db, "SELECT name, level, parent_code FROM unit_dim WHERE code = '11080'"))
                .containsExactly("name=Xã Kỳ Sơn|level=3|parent_code=297");
        assertThat(rows(db, "SELECT COUNT(*) AS n FROM unit_ancestor WHERE ancestor_code = '298'"))
                .containsExactly("n=2");
    }

    @Test
    @Order(6)
    void anImportedDossierCountsOnceHoweverOftenItIsAppliedAndItsFlagsFollowIt() {
        DossierFact fact = new DossierFact(
                DossierFact.IMPORT_PREFIX + "OLD-1",
                "OLD-1",
                "11077",
                "11077",
                null,
                List.of("30", "298", "11077"),
                "2.000001",
                0,
                "ONLINE",
                "RETURNED",
                "ISSUED",
                "REGIME_2018",
                false,
                false,
                FeedScript.instant("2026-02-10 08:00"),
                FeedScript.instant("2026-02-10 08:00"),
                FeedScript.instant("2026-02-12 17:00"),
                FeedScript.instant("2026-02-12 17:00"),
                FeedScript.instant("2026-02-11 08:00"),
                0,
                0,
                null,
                null,
                true,
                "IMP-1");
        for (int i = 0; i < 2; i++) {
            tx.executeWrite(status -> {
                sink.upsertImported(
                        fact,
                        new ImportedPayment(true, true, 50_000),
                        new ImportedDigitization(true, true, false, false));
                return null;
            });
        }
        String row202602 = "unit_code=11077|procedure_code=2.000001|month=202602|received=1|received_online=1"
                + "|online_counted=1|financial_obligation=1|paid_online=1|paper_result_required=1"
                + "|paper_result_electronic=1|digitized=1";
        assertThat(counters(db, "i766_month")).contains(row202602);
        assertThat(counters(db, "stat_day"))
                .contains(
                        "unit_code=11077|field_code=Đất đai|day=2026-02-10|received_online=1",
                        "unit_code=11077|field_code=Đất đai|day=2026-02-11|resolved_early=1|resolved_on_time_766=1",
                        "unit_code=11077|field_code=Đất đai|day=2026-02-12|due_count=1|closed_due_count=1");
        assertThat(rows(db, "SELECT payment_id, status, channel FROM payment_fact WHERE dossier_code = 'OLD-1'"))
                .containsExactly("payment_id=IMPORT:OLD-1|status=PAID|channel=ONLINE");

        // the same dossier imported again, now without an online payment: the flags follow, nothing is doubled
        tx.executeWrite(status -> {
            sink.upsertImported(fact, new ImportedPayment(true, false, 50_000), ImportedDigitization.NONE);
            return null;
        });
        assertThat(counters(db, "i766_month"))
                .contains("unit_code=11077|procedure_code=2.000001|month=202602|received=1|received_online=1"
                        + "|financial_obligation=1|paper_result_required=1");
        assertThat(rows(db, "SELECT status, channel FROM payment_fact WHERE dossier_code = 'OLD-1'"))
                .containsExactly("status=IMPORTED|channel=null");
        assertThat(rows(db, "SELECT imported, import_id, updated_seq FROM dossier_fact WHERE code = 'OLD-1'"))
                .containsExactly("imported=1|import_id=IMP-1|updated_seq=0");
    }

    @Test
    @Order(7)
    void anImportWhoseIdIsNotItsCodeIsRefusedAndNothingOfItStays() {
        DossierFact wrong = new DossierFact(
                "OLD-2",
                "OLD-2",
                "11077",
                "11077",
                null,
                List.of(),
                "2.000001",
                0,
                "COUNTER",
                "RETURNED",
                "ISSUED",
                null,
                false,
                false,
                null,
                Instant.parse("2026-02-10T01:00:00Z"),
                null,
                null,
                null,
                0,
                0,
                null,
                null,
                true,
                "IMP-2");
        Map<String, List<String>> before = ProjectionTables.dump(db);
        assertThatThrownBy(() -> tx.executeWrite(status -> {
                    sink.upsertImported(wrong, ImportedPayment.NONE, ImportedDigitization.NONE);
                    return null;
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IMPORT:OLD-2");
        assertThat(ProjectionTables.dump(db)).isEqualTo(before);
    }
}
