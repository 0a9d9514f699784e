package vn.motcua.report.feed.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.report.it.ReportItSupport.queryLong;

import com.google.protobuf.Any;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.report.it.ReportItSupport;

/**
 * The projection's exactly-once effect on MariaDB: the handler applied through FeedCursorStore in the consumer's
 * transaction, with redelivery, ignored types and a failing payload. The live subscriber is off here.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceptionEventAppliedOnceIT implements TestPropertyProvider {

    private static final String CONSUMER = DossierFeedConsumer.CONSUMER;
    private static final String SOURCE = DossierFeedConsumer.SOURCE;

    private final TestDatabase db = TestDatabase.create("report_once");

    @Inject
    ApplicationContext context;

    @Inject
    FeedCursorStore cursors;

    @Inject
    DossierFeedHandler handler;

    @Inject
    java.util.Optional<DossierFeedConsumer> consumer;

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

    private static FeedEvent received(long seq, String unit, String receivedAt) {
        DossierChanged payload = ReportItSupport.receivedPayload(
                "H30.298." + unit + "-" + seq, unit, List.of("30", "298", unit), receivedAt);
        return new FeedEvent(
                UUID.randomUUID().toString(),
                seq,
                SOURCE,
                "dossier",
                "D" + seq,
                DossierFeedHandler.DOSSIER_RECEIVED,
                Instant.parse(receivedAt),
                unit,
                Any.pack(payload));
    }

    private long count(String unit, LocalDate day) {
        return queryLong(db, "SELECT received FROM daily_reception WHERE unit_code = ? AND local_date = ?", unit, day);
    }

    @Test
    void featureSwitchKeepsTheSubscriberOff() {
        assertThat(consumer).isEmpty();
    }

    @Test
    void redeliveredEventCountsOnceAndNewEventsAddUp() {
        FeedEvent first = received(1, "11001", "2026-11-27T02:15:00.123456Z");

        assertThat(cursors.applyOnce(CONSUMER, SOURCE, first, handler)).isTrue();
        assertThat(cursors.applyOnce(CONSUMER, SOURCE, first, handler)).isFalse();
        assertThat(count("11001", LocalDate.of(2026, 11, 27))).isEqualTo(1);

        // 16:59:59 UTC is still the 27th in Hanoi, 17:00 is the 28th
        cursors.applyOnce(CONSUMER, SOURCE, received(2, "11001", "2026-11-27T16:59:59Z"), handler);
        cursors.applyOnce(CONSUMER, SOURCE, received(3, "11001", "2026-11-27T17:00:00Z"), handler);
        assertThat(count("11001", LocalDate.of(2026, 11, 27))).isEqualTo(2);
        assertThat(count("11001", LocalDate.of(2026, 11, 28))).isEqualTo(1);

        assertThat(queryLong(db, "SELECT COUNT(*) FROM unit_ancestor WHERE unit_code = ?", "11001"))
                .isEqualTo(3);
        assertThat(queryLong(
                        db,
                        "SELECT COUNT(*) FROM unit_ancestor WHERE unit_code = ? AND ancestor_code"
                                + " IN ('30', '298', '11001')",
                        "11001"))
                .isEqualTo(3);
        assertThat(cursors.cursor(CONSUMER, SOURCE)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void unknownEventTypeChangesNothingButMovesTheCursor() {
        long before = queryLong(db, "SELECT COALESCE(SUM(received), 0) FROM daily_reception");
        FeedEvent paid = new FeedEvent(
                UUID.randomUUID().toString(),
                100,
                SOURCE,
                "dossier",
                "D100",
                "dossier.fee_paid",
                Instant.parse("2026-11-27T03:00:00Z"),
                "11001",
                Any.getDefaultInstance());

        assertThat(cursors.applyOnce(CONSUMER, SOURCE, paid, handler)).isTrue();

        assertThat(queryLong(db, "SELECT COALESCE(SUM(received), 0) FROM daily_reception"))
                .isEqualTo(before);
        assertThat(cursors.cursor(CONSUMER, SOURCE)).isEqualTo(100);
    }

    @Test
    void failingPayloadRollsBackTheWholeEvent() {
        long cursorBefore = cursors.cursor(CONSUMER, SOURCE);
        FeedEvent broken = new FeedEvent(
                UUID.randomUUID().toString(),
                cursorBefore + 1,
                SOURCE,
                "dossier",
                "DX",
                DossierFeedHandler.DOSSIER_RECEIVED,
                Instant.parse("2026-11-27T03:00:00Z"),
                "11002",
                Any.pack(
                        ReportItSupport.receivedPayload("DX", "11002", List.of("30"), "2026-11-27T03:00:00Z")
                                .toBuilder()
                                .clearReceivingUnitCode()
                                .build()));

        assertThatThrownBy(() -> cursors.applyOnce(CONSUMER, SOURCE, broken, handler))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(cursors.cursor(CONSUMER, SOURCE)).isEqualTo(cursorBefore);
        assertThat(queryLong(db, "SELECT COUNT(*) FROM feed_consumed WHERE event_id = ?", broken.eventId()))
                .isZero();
    }
}
