package vn.motcua.report.it;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.proto.feed.v1.ChangeEvent;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;
import vn.motcua.proto.feed.v1.Heartbeat;
import vn.motcua.proto.feed.v1.SubscribeRequest;
import vn.motcua.proto.feed.v1.SubscribeResponse;

/**
 * A producer's ChangeFeed for the ITs, on a loopback port: serves the events appended to it (seq order, after the
 * subscriber's cursor) and a heartbeat with the high water every 50 ms, until the subscriber goes. It checks no token:
 * what is under test is the consumer.
 */
public final class FakeChangeFeed implements AutoCloseable {

    private final List<FeedEvent> events = new CopyOnWriteArrayList<>();
    private final Server server;

    private FakeChangeFeed(int port) {
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                    .addService(new Service())
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FakeChangeFeed start(int port) {
        return new FakeChangeFeed(port);
    }

    public int port() {
        return server.getPort();
    }

    public void appendAll(List<FeedEvent> more) {
        events.addAll(more);
    }

    public long highWater() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Service extends ChangeFeedGrpc.ChangeFeedImplBase {
        @Override
        public void subscribe(SubscribeRequest request, StreamObserver<SubscribeResponse> responseObserver) {
            ServerCallStreamObserver<SubscribeResponse> out =
                    (ServerCallStreamObserver<SubscribeResponse>) responseObserver;
            Thread t = new Thread(
                    () -> {
                        long cursor = request.getAfterSeq();
                        try {
                            while (!out.isCancelled()) {
                                for (FeedEvent e : events) {
                                    if (e.seq() > cursor) {
                                        out.onNext(SubscribeResponse.newBuilder()
                                                .setEvent(toProto(e))
                                                .build());
                                        cursor = e.seq();
                                    }
                                }
                                out.onNext(SubscribeResponse.newBuilder()
                                        .setHeartbeat(Heartbeat.newBuilder().setHighWaterSeq(highWater()))
                                        .build());
                                Thread.sleep(50);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException e) {
                            // the subscriber went away
                        }
                    },
                    "fake-feed");
            t.setDaemon(true);
            t.start();
        }
    }

    private static ChangeEvent toProto(FeedEvent e) {
        return ChangeEvent.newBuilder()
                .setEventId(e.eventId())
                .setSeq(e.seq())
                .setSource(e.source())
                .setAggregateType(e.aggregateType())
                .setAggregateId(e.aggregateId())
                .setEventType(e.eventType())
                .setOccurredAt(com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(e.occurredAt().getEpochSecond())
                        .setNanos(e.occurredAt().getNano()))
                .setUnitCode(e.unitCode() == null ? "" : e.unitCode())
                .setPayload(e.payload())
                .build();
    }
}
