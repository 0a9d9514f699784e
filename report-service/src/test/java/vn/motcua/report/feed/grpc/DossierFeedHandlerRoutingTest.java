package vn.motcua.report.feed.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.proto.dossier.v1.DossierStatus;
import vn.motcua.proto.dossier.v1.LegalRegime;
import vn.motcua.proto.dossier.v1.UnitCreated;
import vn.motcua.proto.dossier.v1.UnitRenamed;
import vn.motcua.report.it.ReportItSupport;
import vn.motcua.report.projection.domain.DossierFact;
import vn.motcua.report.projection.domain.ProjectionChange;

class DossierFeedHandlerRoutingTest {

    static final DossierChanged RECEIVED = ReportItSupport.receivedPayload(
            "H30.298.11077-261127-0001", "11077", List.of("30", "298", "11077"), "2026-11-27T02:15:00.123456Z");

    private final RecordingEngine engine = new RecordingEngine();
    private final DossierFeedHandler handler = new DossierFeedHandler(engine);

    private static FeedEvent event(String type, Any payload) {
        return new FeedEvent(
                "e-" + type,
                7,
                "dossier-service",
                "dossier",
                "D1",
                type,
                Instant.parse("2026-11-27T02:15:00Z"),
                "11077",
                payload);
    }

    private static Timestamp ts(String iso) {
        Instant i = Instant.parse(iso);
        return Timestamp.newBuilder()
                .setSeconds(i.getEpochSecond())
                .setNanos(i.getNano())
                .build();
    }

    @Test
    void receptionIsDecodedWithTheGeneratedClassIntoTheDossiersFactKeyedByAggregateId() {
        handler.apply(event("dossier.received", Any.pack(RECEIVED)));

        assertThat(engine.applied).hasSize(1);
        ProjectionChange.DossierUpdate u = (ProjectionChange.DossierUpdate) engine.applied.get(0);
        assertThat(u.factId()).isEqualTo("D1");
        assertThat(u.seq()).isEqualTo(7);
        assertThat(u.received()).isTrue();
        DossierFact f = u.fact();
        assertThat(f.code()).isEqualTo("H30.298.11077-261127-0001");
        assertThat(f.receivingUnitCode()).isEqualTo("11077");
        assertThat(f.unitCode()).isEqualTo("11077");
        assertThat(f.unitPath()).containsExactly("30", "298", "11077");
        assertThat(f.receivedAt()).isEqualTo(Instant.parse("2026-11-27T02:15:00.123456Z"));
        assertThat(f.channel()).isEqualTo("COUNTER");
        assertThat(f.state()).isEqualTo("RECEIVED");
        assertThat(f.resultKind()).isNull();
    }

    @Test
    void supplementPausesGivePausedSecondsAndRequestsAndTheAssigneeAndRatingComeFromTheirEvents() {
        DossierChanged changed = RECEIVED.toBuilder()
                .setCompetentUnitCode("298")
                .setBoundaryFree(true)
                .setChannel(Channel.CHANNEL_ONLINE)
                .setState(DossierStatus.DOSSIER_STATUS_IN_PROCESS)
                .setLegalRegime(LegalRegime.LEGAL_REGIME_2025)
                .addPauses(DossierChanged.Pause.newBuilder()
                        .setKind("SUPPLEMENT")
                        .setStartedAt(ts("2026-11-28T01:00:00Z"))
                        .setEndedAt(ts("2026-11-28T03:30:00Z")))
                .addPauses(DossierChanged.Pause.newBuilder()
                        .setKind("FINANCIAL_OBLIGATION")
                        .setStartedAt(ts("2026-11-29T01:00:00Z"))
                        .setEndedAt(ts("2026-11-29T05:00:00Z")))
                .addPauses(DossierChanged.Pause.newBuilder()
                        .setKind("SUPPLEMENT")
                        .setStartedAt(ts("2026-11-30T01:00:00Z")))
                .setAssignee("cv.ngocson")
                .build();
        handler.apply(event("dossier.assigned", Any.pack(changed)));
        handler.apply(event(
                "dossier.rated",
                Any.pack(changed.toBuilder()
                        .setRating(DossierChanged.Rating.newBuilder()
                                .setTimeScore(2)
                                .setSatisfied(false)
                                .setRatedAt(ts("2026-12-01T01:00:00Z")))
                        .build())));

        DossierFact assigned = ((ProjectionChange.DossierUpdate) engine.applied.get(0)).fact();
        assertThat(assigned.unitCode()).as("statistics unit = competent unit").isEqualTo("298");
        assertThat(assigned.boundaryFree()).isTrue();
        assertThat(assigned.channel()).isEqualTo("ONLINE");
        assertThat(assigned.legalRegime()).isEqualTo("REGIME_2025");
        assertThat(assigned.pausedSeconds()).as("closed supplement pauses only").isEqualTo(9000);
        assertThat(assigned.supplementRequests()).isEqualTo(2);
        assertThat(assigned.assignee()).isEqualTo("cv.ngocson");
        assertThat(assigned.rating()).isNull();
        DossierFact rated = ((ProjectionChange.DossierUpdate) engine.applied.get(1)).fact();
        assertThat(rated.assignee())
                .as("only dossier.assigned carries the assignee")
                .isNull();
        assertThat(rated.rating().time()).isEqualTo(2);
        assertThat(rated.rating().satisfied()).isFalse();
        assertThat(rated.rating().ratedAt()).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
    }

    @Test
    void aRunOfEventsGoesToTheProjectionAsOneUnitOfWork() {
        handler.applyAll(List.of(
                event("dossier.received", Any.pack(RECEIVED)),
                event("calendar.sessions-replaced", Any.getDefaultInstance()),
                event(
                        "unit.created",
                        Any.pack(UnitCreated.newBuilder()
                                .setCode("11077")
                                .setName("Xã Ngọc Sơn")
                                .setLevel(UnitLevel.UNIT_LEVEL_COMMUNE)
                                .setParentCode("298")
                                .setValidFrom("2025-07-01")
                                .build()))));
        assertThat(engine.runs).isEqualTo(1);
        assertThat(engine.applied).hasSize(2);
        ProjectionChange.UnitCreated unit = (ProjectionChange.UnitCreated) engine.applied.get(1);
        assertThat(unit.level()).isEqualTo(3);
        assertThat(unit.parentCode()).isEqualTo("298");
        assertThat(unit.validFrom()).hasToString("2025-07-01");
    }

    @Test
    void calendarDaysBecomeTaskCalendarEntriesWithTheirScope() {
        handler.applyAll(List.of(
                event(
                        "calendar.day-added",
                        Any.pack(vn.motcua.proto.dossier.v1.CalendarDayAdded.newBuilder()
                                .setDay(vn.motcua.proto.dossier.v1.CalendarDay.newBuilder()
                                        .setDate("2026-09-02")
                                        .setKind(vn.motcua.proto.dossier.v1.CalendarDayKind.CALENDAR_DAY_KIND_DAY_OFF)
                                        .setName("Quốc khánh"))
                                .build())),
                event(
                        "calendar.day-removed",
                        Any.pack(vn.motcua.proto.dossier.v1.CalendarDayRemoved.newBuilder()
                                .setDay(vn.motcua.proto.dossier.v1.CalendarDay.newBuilder()
                                        .setDate("2026-10-10")
                                        .setKind(
                                                vn.motcua.proto.dossier.v1.CalendarDayKind
                                                        .CALENDAR_DAY_KIND_MAKEUP_WORKDAY)
                                        .setUnitCode("30"))
                                .build()))));
        assertThat(engine.applied)
                .containsExactly(
                        new ProjectionChange.CalendarDayAdded(
                                "", java.time.LocalDate.parse("2026-09-02"), "DAY_OFF", "Quốc khánh"),
                        new ProjectionChange.CalendarDayRemoved("30", java.time.LocalDate.parse("2026-10-10")));
    }

    @Test
    void eventTypesWithoutProjectionAreIgnoredWithoutReadingThePayload() {
        Any garbage = Any.newBuilder()
                .setTypeUrl("type.googleapis.com/motcua.dossier.v1.DossierChanged")
                .setValue(ByteString.copyFromUtf8("not a message"))
                .build();
        handler.apply(event("calendar.sessions-replaced", garbage));
        handler.apply(event("payment.completed", Any.getDefaultInstance()));
        assertThat(engine.applied).isEmpty();
    }

    @Test
    void receptionWithoutWhatTheProjectionNeedsIsRejectedLoudly() {
        assertThatThrownBy(() -> handler.apply(event(
                        "dossier.received",
                        Any.pack(RECEIVED.toBuilder().clearReceivingUnitCode().build()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("receiving_unit_code");
        assertThatThrownBy(() -> handler.apply(event(
                        "dossier.received",
                        Any.pack(RECEIVED.toBuilder().clearReceivedAt().build()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("received_at");
        assertThat(engine.applied).isEmpty();
    }

    @Test
    void aBadEventFailsTheWholeRunAndIsNamed() {
        assertThatThrownBy(() -> handler.applyAll(List.of(
                        event("dossier.received", Any.pack(RECEIVED)),
                        new FeedEvent(
                                "bad-one",
                                8,
                                "dossier-service",
                                "dossier",
                                "D2",
                                "dossier.received",
                                Instant.EPOCH,
                                null,
                                Any.pack(RECEIVED.toBuilder().clearReceivedAt().build())))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad-one")
                .hasMessageContaining("seq 8");
        assertThat(engine.applied).isEmpty();
    }

    @Test
    void receptionWhosePayloadIsAnotherMessageOrUnreadableIsRejectedLoudly() {
        assertThatThrownBy(() -> handler.apply(event(
                        "dossier.received",
                        Any.pack(UnitRenamed.newBuilder().setCode("11077").build()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UnitRenamed");
        Any unreadable = Any.newBuilder()
                .setTypeUrl("type.googleapis.com/motcua.dossier.v1.DossierChanged")
                .setValue(ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xff}))
                .build();
        assertThatThrownBy(() -> handler.apply(event("dossier.received", unreadable)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a readable");
        assertThat(engine.applied).isEmpty();
    }
}
