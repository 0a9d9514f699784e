package vn.motcua.dossier.it.workflow;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.feed.v1.ChangeEvent;
import vn.motcua.proto.feed.v1.ChangeFeedGrpc;
import vn.motcua.proto.feed.v1.SubscribeRequest;
import vn.motcua.proto.feed.v1.SubscribeResponse;
import vn.motcua.proto.payment.v1.CreatePaymentRequestRequest;
import vn.motcua.proto.payment.v1.CreatePaymentRequestResponse;
import vn.motcua.proto.payment.v1.FeeLine;
import vn.motcua.proto.payment.v1.Payment;
import vn.motcua.proto.payment.v1.PaymentChanged;
import vn.motcua.proto.payment.v1.PaymentChannel;
import vn.motcua.proto.payment.v1.PaymentServiceGrpc;
import vn.motcua.proto.payment.v1.PaymentState;
import vn.motcua.proto.payment.v1.PaymentStatus;

/**
 * A test double of payment-service at dossier-service's boundary (the real one runs in the system tests): a gRPC
 * server on a loopback port with PaymentService/CreatePaymentRequest, idempotent on request_id as the contract says,
 * recording every call with its token and deadline, and a ChangeFeed that streams the PaymentChanged events a test
 * publishes. Knobs: stall or fail the next call before creating anything, lose the answer of the next call after
 * creating the payment, and replay the whole feed on every subscription whatever the cursor (an at-least-once
 * producer).
 */
final class FakePaymentService implements AutoCloseable {

    /** One CreatePaymentRequest as it arrived. */
    record Call(CreatePaymentRequestRequest request, String authorization, boolean hadDeadline) {}

    /** One Subscribe as it arrived. */
    record Subscription(long afterSeq, String authorization) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    /** Created payments by request_id. */
    final Map<String, Payment> payments = new ConcurrentHashMap<>();

    private final List<ChangeEvent> feed = new CopyOnWriteArrayList<>();
    private final AtomicReference<Status> failNext = new AtomicReference<>();
    private final AtomicReference<Status> loseNextAnswer = new AtomicReference<>();
    private final AtomicReference<java.time.Duration> stallNext = new AtomicReference<>();
    private final AtomicInteger paymentNumbers = new AtomicInteger();
    private volatile boolean replayEverything;
    private final LoopbackGrpcServer server;

    private FakePaymentService() {
        server = new LoopbackGrpcServer(new Payments(), new Feed());
    }

    static FakePaymentService start() {
        return new FakePaymentService();
    }

    String address() {
        return server.address();
    }

    /** The next CreatePaymentRequest fails with this status and creates nothing. */
    void failNext(Status status) {
        failNext.set(status);
    }

    /** The next CreatePaymentRequest creates (or finds) its payment, then answers this status instead. */
    void loseNextAnswer(Status status) {
        loseNextAnswer.set(status);
    }

    /** The next CreatePaymentRequest answers nothing for this long (longer than the caller's deadline). */
    void stallNext(java.time.Duration duration) {
        stallNext.set(duration);
    }

    /** true: every subscription streams the feed from its first event, whatever after_seq says. */
    void replayEverything(boolean replay) {
        replayEverything = replay;
    }

    /** Publishes an event at the next seq; the same event id may be published again (a duplicate delivery). */
    long publish(String eventId, String eventType, PaymentChanged payload) {
        long seq = feed.size() + 1L;
        Instant now = Instant.now();
        feed.add(ChangeEvent.newBuilder()
                .setEventId(eventId)
                .setSeq(seq)
                .setSource("payment-service")
                .setAggregateType("payment")
                .setAggregateId(payload.getId())
                .setEventType(eventType)
                .setOccurredAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()))
                .setUnitCode(payload.getUnitCode())
                .setPayload(Any.pack(payload))
                .build());
        return seq;
    }

    /** A payment.paid payload for a payment this double created. */
    PaymentChanged paid(Payment payment, String receiptNumber) {
        return PaymentChanged.newBuilder()
                .setId(payment.getId())
                .setDossierCode(payment.getDossierCode())
                .setUnitCode(payment.getUnitCode())
                .setProcedureCode(payment.getProcedureCode())
                .setStatus(PaymentStatus.PAYMENT_STATUS_PAID)
                .setState(PaymentState.PAYMENT_STATE_SUCCESS)
                .setChannel(PaymentChannel.PAYMENT_CHANNEL_ONLINE)
                .setAmount(payment.getAmount())
                .setReceiptNumber(receiptNumber)
                .build();
    }

    @Override
    public void close() {
        server.close();
    }

    private final class Payments extends PaymentServiceGrpc.PaymentServiceImplBase {
        @Override
        public void createPaymentRequest(
                CreatePaymentRequestRequest r, StreamObserver<CreatePaymentRequestResponse> observer) {
            calls.add(new Call(r, LoopbackGrpcServer.authorization(), LoopbackGrpcServer.hadDeadline()));
            java.time.Duration stall = stallNext.getAndSet(null);
            if (stall != null) {
                try {
                    Thread.sleep(stall.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                observer.onError(Status.CANCELLED.asRuntimeException());
                return;
            }
            Status failure = failNext.getAndSet(null);
            if (failure != null) {
                observer.onError(failure.asRuntimeException());
                return;
            }
            Payment payment = payments.computeIfAbsent(r.getRequestId(), id -> create(r));
            Status lost = loseNextAnswer.getAndSet(null);
            if (lost != null) {
                observer.onError(lost.asRuntimeException());
                return;
            }
            observer.onNext(CreatePaymentRequestResponse.newBuilder()
                    .setPayment(payment)
                    .build());
            observer.onCompleted();
        }

        private Payment create(CreatePaymentRequestRequest r) {
            long total = r.getLinesList().stream()
                    .mapToLong(l -> l.getAmount().getAmount())
                    .sum();
            return Payment.newBuilder()
                    .setId("PAY-FAKE" + paymentNumbers.incrementAndGet() + "-"
                            + UUID.randomUUID().toString().substring(0, 8).toUpperCase())
                    .setDossierCode(r.getDossierCode())
                    .setUnitCode(r.getUnitCode())
                    .setProcedureCode(r.getProcedureCode())
                    .setPayerName(r.getPayerName())
                    .setPayerCitizenId(r.getPayerCitizenId())
                    .addAllLines(r.getLinesList())
                    .setAmount(Money.newBuilder().setAmount(total).setCurrencyCode("VND"))
                    .setStatus(PaymentStatus.PAYMENT_STATUS_AWAITING)
                    .setState(PaymentState.PAYMENT_STATE_CREATED)
                    .setRevision(1)
                    .build();
        }
    }

    private final class Feed extends ChangeFeedGrpc.ChangeFeedImplBase {
        @Override
        public void subscribe(SubscribeRequest r, StreamObserver<SubscribeResponse> observer) {
            subscriptions.add(new Subscription(r.getAfterSeq(), LoopbackGrpcServer.authorization()));
            ServerCallStreamObserver<SubscribeResponse> call = (ServerCallStreamObserver<SubscribeResponse>) observer;
            long after = replayEverything ? 0 : r.getAfterSeq();
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

    static FeeLine line(String name, long amount) {
        return FeeLine.newBuilder()
                .setName(name)
                .setAmount(Money.newBuilder().setAmount(amount).setCurrencyCode("VND"))
                .build();
    }
}
