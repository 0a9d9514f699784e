package vn.motcua.gateway.admin;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.common.v1.UnitRef;
import vn.motcua.proto.dossier.v1.*;

/**
 * Test double of dossier-service's UnitAdminService, WorkCalendarService and the register RPC of
 * DossierWorkflowService, on a loopback port: records each request and answers a fixed, realistic reply, or the
 * DomainException a test arranged (through the platform's GrpcErrors, as the real service does).
 */
final class FakeAdministration implements AutoCloseable {

    static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    static final ManagedUnit UNIT = ManagedUnit.newBuilder()
            .setUnit(UnitRef.newBuilder()
                    .setCode("11600")
                    .setName("Xã Tân Kỳ")
                    .setLevel(UnitLevel.UNIT_LEVEL_COMMUNE)
                    .setAgencyCode("000.96.24.H30")
                    .setParentCode("298"))
            .setValidFrom("2026-03-09")
            .build();

    final List<Message> received = new CopyOnWriteArrayList<>();
    volatile DomainException failure;
    private final Server server;

    FakeAdministration() {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(new Units())
                    .addService(new Calendar())
                    .addService(new Registers())
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    void reset() {
        received.clear();
        failure = null;
    }

    @SuppressWarnings("unchecked")
    <T extends Message> T last(Class<T> type) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (type.isInstance(received.get(i))) {
                return (T) received.get(i);
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private <T> void answer(Message request, StreamObserver<T> observer, T response) {
        received.add(request);
        if (failure != null) {
            observer.onError(GrpcErrors.toException(failure));
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }

    private final class Units extends UnitAdminServiceGrpc.UnitAdminServiceImplBase {
        @Override
        public void listManagedUnits(ListManagedUnitsRequest r, StreamObserver<ListManagedUnitsResponse> o) {
            answer(r, o, ListManagedUnitsResponse.newBuilder().addUnits(UNIT).build());
        }

        @Override
        public void createUnit(CreateUnitRequest r, StreamObserver<CreateUnitResponse> o) {
            answer(r, o, CreateUnitResponse.newBuilder().setUnit(UNIT).build());
        }

        @Override
        public void renameUnit(RenameUnitRequest r, StreamObserver<RenameUnitResponse> o) {
            answer(r, o, RenameUnitResponse.newBuilder().setUnit(UNIT).build());
        }

        @Override
        public void closeUnit(CloseUnitRequest r, StreamObserver<CloseUnitResponse> o) {
            answer(
                    r,
                    o,
                    CloseUnitResponse.newBuilder()
                            .setUnit(UNIT.toBuilder().setValidTo(r.getValidTo()))
                            .build());
        }

        @Override
        public void mergeUnits(MergeUnitsRequest r, StreamObserver<MergeUnitsResponse> o) {
            answer(
                    r,
                    o,
                    MergeUnitsResponse.newBuilder()
                            .setSuccessor(UNIT)
                            .addClosed(UNIT.toBuilder().setValidTo("2026-03-08").setSuccessorCode("11600"))
                            .build());
        }
    }

    private final class Calendar extends WorkCalendarServiceGrpc.WorkCalendarServiceImplBase {
        @Override
        public void listCalendarDays(ListCalendarDaysRequest r, StreamObserver<ListCalendarDaysResponse> o) {
            answer(
                    r,
                    o,
                    ListCalendarDaysResponse.newBuilder()
                            .addDays(CalendarDay.newBuilder()
                                    .setDate("2026-02-17")
                                    .setKind(CalendarDayKind.CALENDAR_DAY_KIND_DAY_OFF)
                                    .setName("Tết Nguyên đán"))
                            .build());
        }

        @Override
        public void addCalendarDay(AddCalendarDayRequest r, StreamObserver<AddCalendarDayResponse> o) {
            answer(r, o, AddCalendarDayResponse.newBuilder().setDay(r.getDay()).build());
        }

        @Override
        public void removeCalendarDay(RemoveCalendarDayRequest r, StreamObserver<RemoveCalendarDayResponse> o) {
            answer(
                    r,
                    o,
                    RemoveCalendarDayResponse.newBuilder()
                            .setRemoved(CalendarDay.newBuilder()
                                    .setDate(r.getDate())
                                    .setKind(CalendarDayKind.CALENDAR_DAY_KIND_DAY_OFF)
                                    .setName("Nghỉ bù")
                                    .setUnitCode(r.getUnitCode()))
                            .build());
        }

        @Override
        public void getWeeklySessions(GetWeeklySessionsRequest r, StreamObserver<GetWeeklySessionsResponse> o) {
            answer(
                    r,
                    o,
                    GetWeeklySessionsResponse.newBuilder()
                            .setUnitCode(r.getUnitCode())
                            .setWeekly(WeeklySessions.newBuilder()
                                    .addSessions(WorkSession.newBuilder()
                                            .setWeekday(Weekday.WEEKDAY_MONDAY)
                                            .setStart("07:00")
                                            .setEnd("11:30")))
                            .setDefinedAt("298")
                            .build());
        }

        @Override
        public void replaceWeeklySessions(
                ReplaceWeeklySessionsRequest r, StreamObserver<ReplaceWeeklySessionsResponse> o) {
            answer(
                    r,
                    o,
                    ReplaceWeeklySessionsResponse.newBuilder()
                            .setUnitCode(r.getUnitCode())
                            .setWeekly(r.getWeekly())
                            .setDefinedAt(r.getUnitCode())
                            .build());
        }
    }

    private final class Registers extends DossierWorkflowServiceGrpc.DossierWorkflowServiceImplBase {
        @Override
        public void renderTrackingRegister(
                RenderTrackingRegisterRequest r, StreamObserver<RenderTrackingRegisterResponse> o) {
            answer(
                    r,
                    o,
                    RenderTrackingRegisterResponse.newBuilder()
                            .setFileName("mau-06-so-theo-doi-11077.pdf")
                            .setPdf(ByteString.copyFrom(PDF))
                            .setRowCount(2)
                            .build());
        }
    }
}
