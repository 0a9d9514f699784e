package vn.motcua.digitization.it;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.proto.dossier.v1.CatalogServiceGrpc;
import vn.motcua.proto.dossier.v1.Component;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.proto.dossier.v1.DossierServiceGrpc;
import vn.motcua.proto.dossier.v1.GetDossierRequest;
import vn.motcua.proto.dossier.v1.GetDossierResponse;
import vn.motcua.proto.dossier.v1.GetProcedureRequest;
import vn.motcua.proto.dossier.v1.GetProcedureResponse;
import vn.motcua.proto.dossier.v1.Procedure;
import vn.motcua.proto.dossier.v1.ProcedureVersion;
import vn.motcua.proto.feed.v1.ChangeEvent;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;
import vn.motcua.proto.feed.v1.SubscribeRequest;
import vn.motcua.proto.feed.v1.SubscribeResponse;

/**
 * A test double of dossier-service at digitization-service's boundary (the real one runs in the system tests): a
 * gRPC server on a loopback port with DossierService/GetDossier (a dossier is shown only to the usernames a test
 * lists for it, read from the forwarded token), CatalogService/GetProcedure, and a ChangeFeed streaming the
 * DossierChanged events a test publishes. {@link #down} makes every call UNAVAILABLE.
 */
public final class FakeDossierService implements AutoCloseable {

    private static final Context.Key<String> AUTHORIZATION = Context.key("fake-authorization");
    private static final Pattern USERNAME = Pattern.compile("\"preferred_username\"\\s*:\\s*\"([^\"]*)\"");

    /** The authorization header of every GetDossier, in order. */
    public final List<String> getDossierTokens = new CopyOnWriteArrayList<>();

    private final Map<String, Dossier> dossiers = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> visibleTo = new ConcurrentHashMap<>();
    private final Map<String, ProcedureVersion> procedures = new ConcurrentHashMap<>();
    private final List<ChangeEvent> feed = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private final Server server;

    private FakeDossierService() {
        ServerInterceptor authorization = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                Context context = Context.current().withValue(AUTHORIZATION, headers.get(MetadataKeys.AUTHORIZATION));
                return Contexts.interceptCall(context, call, headers, next);
            }
        };
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(ServerInterceptors.intercept(new Dossiers(), authorization))
                .addService(ServerInterceptors.intercept(new Catalog(), authorization))
                .addService(ServerInterceptors.intercept(new Feed(), authorization))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FakeDossierService start() {
        return new FakeDossierService();
    }

    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** A dossier, shown to these usernames (dossier-service's own scope rule, played by the test). */
    public void dossier(Dossier d, String... usernames) {
        dossiers.put(d.getCode(), d);
        if (!d.getSubmissionReference().isEmpty()) {
            dossiers.put(d.getSubmissionReference(), d);
        }
        visibleTo.put(d.getCode(), Set.of(usernames));
        if (!d.getSubmissionReference().isEmpty()) {
            visibleTo.put(d.getSubmissionReference(), Set.of(usernames));
        }
    }

    /** A procedure version with these components; names starting with "*" are present-only. */
    public void procedure(String code, int version, String... components) {
        Procedure.Builder p =
                Procedure.newBuilder().setCode(code).setVersion(version).setName("Thủ tục " + code);
        for (String c : components) {
            boolean presentOnly = c.startsWith("*");
            p.addComponents(Component.newBuilder()
                    .setName(presentOnly ? c.substring(1) : c)
                    .setQuantity(1)
                    .setPresentOnly(presentOnly));
        }
        procedures.put(
                code + "@" + version,
                ProcedureVersion.newBuilder().setProcedure(p).build());
    }

    /** Publishes a dossier event at the next seq (the same event id may be published again: a redelivery). */
    public synchronized long publish(String eventId, String eventType, String aggregateId, DossierChanged payload) {
        long seq = feed.size() + 1L;
        Instant now = Instant.now();
        feed.add(ChangeEvent.newBuilder()
                .setEventId(eventId)
                .setSeq(seq)
                .setSource("dossier-service")
                .setAggregateType("dossier")
                .setAggregateId(aggregateId)
                .setEventType(eventType)
                .setOccurredAt(
                        Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
                .setUnitCode(payload.getReceivingUnitCode())
                .setPayload(Any.pack(payload))
                .build());
        return seq;
    }

    static String username(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length < 2) {
            return null;
        }
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        Matcher m = USERNAME.matcher(claims);
        return m.find() ? m.group(1) : null;
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

    private final class Dossiers extends DossierServiceGrpc.DossierServiceImplBase {
        @Override
        public void getDossier(GetDossierRequest r, StreamObserver<GetDossierResponse> observer) {
            getDossierTokens.add(String.valueOf(AUTHORIZATION.get()));
            if (down) {
                observer.onError(Status.UNAVAILABLE.asRuntimeException());
                return;
            }
            Dossier d = dossiers.get(r.getCode());
            String user = username(AUTHORIZATION.get());
            if (d == null
                    || user == null
                    || !visibleTo.getOrDefault(r.getCode(), Set.of()).contains(user)) {
                observer.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            observer.onNext(GetDossierResponse.newBuilder().setDossier(d).build());
            observer.onCompleted();
        }
    }

    private final class Catalog extends CatalogServiceGrpc.CatalogServiceImplBase {
        @Override
        public void getProcedure(GetProcedureRequest r, StreamObserver<GetProcedureResponse> observer) {
            if (down) {
                observer.onError(Status.UNAVAILABLE.asRuntimeException());
                return;
            }
            ProcedureVersion v = procedures.get(r.getCode() + "@" + r.getVersion());
            if (v == null) {
                observer.onError(Status.NOT_FOUND.asRuntimeException());
                return;
            }
            observer.onNext(GetProcedureResponse.newBuilder().setVersion(v).build());
            observer.onCompleted();
        }
    }

    private final class Feed extends ChangeFeedGrpc.ChangeFeedImplBase {
        @Override
        public void subscribe(SubscribeRequest r, StreamObserver<SubscribeResponse> observer) {
            ServerCallStreamObserver<SubscribeResponse> call = (ServerCallStreamObserver<SubscribeResponse>) observer;
            long after = r.getAfterSeq();
            int next = 0;
            try {
                while (!call.isCancelled() && !Context.current().isCancelled()) {
                    for (; next < feed.size(); next++) {
                        ChangeEvent event = feed.get(next);
                        if (event.getSeq() > after) {
                            observer.onNext(SubscribeResponse.newBuilder()
                                    .setEvent(event)
                                    .build());
                        }
                    }
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the subscriber went away mid-send
            }
        }
    }
}
