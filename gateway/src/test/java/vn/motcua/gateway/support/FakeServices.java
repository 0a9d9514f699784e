package vn.motcua.gateway.support;

import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.common.v1.PageInfo;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.common.v1.UnitRef;
import vn.motcua.proto.dossier.v1.*;
import vn.motcua.proto.dossier.v1.Applicant;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.Component;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.DossierServiceGrpc;
import vn.motcua.proto.dossier.v1.DossierStatus;
import vn.motcua.proto.dossier.v1.FeeItem;
import vn.motcua.proto.dossier.v1.GetDossierRequest;
import vn.motcua.proto.dossier.v1.GetDossierResponse;
import vn.motcua.proto.dossier.v1.ListProceduresRequest;
import vn.motcua.proto.dossier.v1.ListProceduresResponse;
import vn.motcua.proto.dossier.v1.ListUnitsRequest;
import vn.motcua.proto.dossier.v1.ListUnitsResponse;
import vn.motcua.proto.dossier.v1.LookupDossierStatusRequest;
import vn.motcua.proto.dossier.v1.LookupDossierStatusResponse;
import vn.motcua.proto.dossier.v1.OnlineLevel;
import vn.motcua.proto.dossier.v1.Procedure;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;
import vn.motcua.proto.dossier.v1.ReceiveDossierResponse;
import vn.motcua.proto.dossier.v1.SearchPublicProceduresRequest;
import vn.motcua.proto.dossier.v1.SearchPublicProceduresResponse;
import vn.motcua.proto.dossier.v1.TimeLimit;
import vn.motcua.proto.dossier.v1.TimeLimitUnit;
import vn.motcua.proto.report.v1.CountDailyReceptionsRequest;
import vn.motcua.proto.report.v1.CountDailyReceptionsResponse;
import vn.motcua.proto.report.v1.DailyReceptionCount;
import vn.motcua.proto.report.v1.ReportServiceGrpc;

/**
 * Test double of dossier-service, report-service and payment-service at the gRPC contract boundary, on a real loopback port so the
 * gateway's configured channels are exercised. It records every call (method, request message, metadata) and answers
 * realistic responses, or the failure a test arranged (a DomainException becomes status + ErrorInfo through the
 * platform's GrpcErrors, exactly as in a real service).
 */
public final class FakeServices implements AutoCloseable {

    public record Received(String method, Message request, Metadata headers) {

        public String header(Metadata.Key<String> key) {
            return headers.get(key);
        }

        public String authorization() {
            return header(MetadataKeys.AUTHORIZATION);
        }
    }

    public static final Instant RECEIVED_AT = Instant.parse("2025-03-03T01:30:00Z");
    public static final Instant DUE_AT = Instant.parse("2025-03-07T10:00:00Z");
    /** What RenderForm answers: the start of a PDF file, with a byte that is not valid UTF-8. */
    public static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj<<>>endobj\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    private static final Context.Key<Metadata> HEADERS = Context.key("fake-headers");

    private final HealthStatusManager health = new HealthStatusManager();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile Server server;
    private volatile Throwable failure;
    private volatile Duration delay = Duration.ZERO;
    private volatile List<UnitRef> unitTree;
    private volatile String formFileName;

    private FakeServices() {
        server = listen(0);
        port = server.getPort();
    }

    /** A server with both services and grpc.health.v1 (SERVING), on the given port (0: any free one). */
    private Server listen(int wanted) {
        ServerInterceptor capture = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                return Contexts.interceptCall(Context.current().withValue(HEADERS, headers), call, headers, next);
            }
        };
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, HealthCheckResponse.ServingStatus.SERVING);
        IOException last = null;
        // restarting on the same port may briefly find it still held by the old listener
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", wanted))
                        .addService(ServerInterceptors.intercept(new Dossiers(), capture))
                        .addService(ServerInterceptors.intercept(new Reports(), capture))
                        .addService(ServerInterceptors.intercept(new Workflows(), capture))
                        .addService(ServerInterceptors.intercept(new Catalog(), capture))
                        .addService(ServerInterceptors.intercept(new Feedbacks(), capture))
                        .addService(ServerInterceptors.intercept(new Payments(), capture))
                        .addService(ServerInterceptors.intercept(new Reconciliations(), capture))
                        .addService(health.getHealthService())
                        .build()
                        .start();
            } catch (IOException e) {
                last = e;
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new UncheckedIOException(last);
    }

    /** Stops listening (the services become unreachable) until {@link #restart()}. */
    public void stop() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Listens again on the same port. */
    public void restart() {
        if (!server.isShutdown()) {
            return;
        }
        server = listen(port);
    }

    /**
     * ListUnits answers from this tree from now on: the subtree under request.under_code (root included), or all
     * of it; {@link #reset()} restores the default answer.
     */
    public void unitTree(List<UnitRef> units) {
        this.unitTree = List.copyOf(units);
    }

    /** A unit of a tree for {@link #unitTree(List)}. */
    public static UnitRef unit(String code, String parentCode, UnitLevel level) {
        return UnitRef.newBuilder()
                .setCode(code)
                .setName("Đơn vị " + code)
                .setLevel(level)
                .setAgencyCode("H30." + code)
                .setParentCode(parentCode == null ? "" : parentCode)
                .build();
    }

    /** RenderForm answers this file name from now on (default: {code}-{kind}.pdf); reset() restores it. */
    public void formFileName(String name) {
        this.formFileName = name;
    }

    public static FakeServices start() {
        return new FakeServices();
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Every following call fails with this (DomainException, StatusRuntimeException or any other exception). */
    public void failWith(Throwable error) {
        this.failure = error;
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    public void reset() {
        failure = null;
        delay = Duration.ZERO;
        unitTree = null;
        formFileName = null;
        received.clear();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one downstream call, got " + received);
        }
        return received.get(0);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private <T> void answer(String method, Message request, StreamObserver<T> observer, Supplier<T> response) {
        received.add(new Received(method, request, HEADERS.get()));
        try {
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            Throwable error = failure;
            if (error != null) {
                observer.onError(GrpcErrors.toException(error));
                return;
            }
            observer.onNext(response.get());
            observer.onCompleted();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The revision of every dossier the fakes answer with: its ETag is "r4". */
    public static final long REVISION = 4;

    public static Dossier dossier(String code, Applicant applicant, Channel channel, String note) {
        return Dossier.newBuilder()
                .setCode(code)
                .setProcedureCode("1.001193")
                .setProcedureVersion(2)
                .setProcedureName("Đăng ký khai sinh")
                .setReceivingUnitCode("11077")
                .setCompetentUnitCode("11077")
                .setStatus(DossierStatus.DOSSIER_STATUS_RECEIVED)
                .setStatusLabel("Đã tiếp nhận")
                .setChannel(channel)
                .setApplicant(applicant)
                .setReceivedAt(ts(RECEIVED_AT))
                .setDueAt(ts(DUE_AT))
                .setNote(note)
                .setRevision(REVISION)
                .build();
    }

    public static Applicant applicant() {
        return Applicant.newBuilder()
                .setFullName("Nguyễn Văn An")
                .setCitizenId("001203004567")
                .setPhone("0912345678")
                .setEmail("an.nguyen@example.vn")
                .setAddress("Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội")
                .build();
    }

    public static Procedure procedure() {
        return Procedure.newBuilder()
                .setCode("1.001193")
                .setVersion(2)
                .setName("Đăng ký khai sinh")
                .setField("Hộ tịch")
                .setLevel(UnitLevel.UNIT_LEVEL_COMMUNE)
                .setTimeLimit(TimeLimit.newBuilder().setAmount(1).setUnit(TimeLimitUnit.TIME_LIMIT_UNIT_WORKING_DAYS))
                .addFees(FeeItem.newBuilder()
                        .setName("Lệ phí")
                        .setAmount(Money.newBuilder().setAmount(8000).setCurrencyCode("VND"))
                        .setLegalBasis("Nghị quyết mẫu (kiểm thử)"))
                .setOnlineLevel(OnlineLevel.ONLINE_LEVEL_FULL)
                .setPostalAllowed(true)
                .setOnlineFeeDiscountPercent(20)
                .addComponents(Component.newBuilder()
                        .setName("Tờ khai đăng ký khai sinh")
                        .setOriginalRequired(true)
                        .setQuantity(1))
                .build();
    }

    private static List<UnitRef> subtree(List<UnitRef> tree, String under) {
        if (under.isEmpty()) {
            return tree;
        }
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        tree.stream().filter(u -> u.getCode().equals(under)).forEach(u -> codes.add(u.getCode()));
        boolean grew = !codes.isEmpty();
        while (grew) {
            grew = false;
            for (UnitRef unit : tree) {
                if (codes.contains(unit.getParentCode()) && codes.add(unit.getCode())) {
                    grew = true;
                }
            }
        }
        return tree.stream().filter(u -> codes.contains(u.getCode())).toList();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.newBuilder()
                .setSeconds(instant.getEpochSecond())
                .setNanos(instant.getNano())
                .build();
    }

    private final class Dossiers extends DossierServiceGrpc.DossierServiceImplBase {

        @Override
        public void listUnits(ListUnitsRequest request, StreamObserver<ListUnitsResponse> observer) {
            List<UnitRef> tree = unitTree;
            if (tree != null) {
                answer(
                        "ListUnits",
                        request,
                        observer,
                        () -> ListUnitsResponse.newBuilder()
                                .addAllUnits(subtree(tree, request.getUnderCode()))
                                .build());
                return;
            }
            answer(
                    "ListUnits",
                    request,
                    observer,
                    () -> ListUnitsResponse.newBuilder()
                            .addUnits(UnitRef.newBuilder()
                                    .setCode("01")
                                    .setName("Thành phố Hà Nội")
                                    .setLevel(UnitLevel.UNIT_LEVEL_PROVINCE)
                                    .setAgencyCode("H30"))
                            .addUnits(UnitRef.newBuilder()
                                    .setCode("11077")
                                    .setName("Phường Tràng Tiền")
                                    .setLevel(UnitLevel.UNIT_LEVEL_COMMUNE)
                                    .setAgencyCode("H30.298.11077")
                                    .setParentCode("01"))
                            .build());
        }

        @Override
        public void listProcedures(ListProceduresRequest request, StreamObserver<ListProceduresResponse> observer) {
            answer(
                    "ListProcedures",
                    request,
                    observer,
                    () -> ListProceduresResponse.newBuilder()
                            .addProcedures(procedure())
                            .setPage(PageInfo.newBuilder().setNextPageToken("p2"))
                            .build());
        }

        @Override
        public void searchPublicProcedures(
                SearchPublicProceduresRequest request, StreamObserver<SearchPublicProceduresResponse> observer) {
            answer(
                    "SearchPublicProcedures",
                    request,
                    observer,
                    () -> SearchPublicProceduresResponse.newBuilder()
                            .addProcedures(procedure())
                            .setPage(PageInfo.getDefaultInstance())
                            .build());
        }

        @Override
        public void receiveDossier(ReceiveDossierRequest request, StreamObserver<ReceiveDossierResponse> observer) {
            answer(
                    "ReceiveDossier",
                    request,
                    observer,
                    () -> ReceiveDossierResponse.newBuilder()
                            .setDossier(dossier(
                                    "H30.298.11077-250303-0001",
                                    request.getApplicant(),
                                    request.getChannel(),
                                    request.getNote()))
                            .build());
        }

        @Override
        public void getDossier(GetDossierRequest request, StreamObserver<GetDossierResponse> observer) {
            answer(
                    "GetDossier",
                    request,
                    observer,
                    () -> GetDossierResponse.newBuilder()
                            .setDossier(dossier(request.getCode(), applicant(), Channel.CHANNEL_COUNTER, ""))
                            .build());
        }

        @Override
        public void lookupDossierStatus(
                LookupDossierStatusRequest request, StreamObserver<LookupDossierStatusResponse> observer) {
            answer(
                    "LookupDossierStatus",
                    request,
                    observer,
                    () -> LookupDossierStatusResponse.newBuilder()
                            .setCode(request.getCode())
                            .setProcedureName("Đăng ký khai sinh")
                            .setReceivingUnitName("Phường Tràng Tiền")
                            .setStatus(DossierStatus.DOSSIER_STATUS_IN_PROCESS)
                            .setStatusLabel("Đang xử lý")
                            .setReceivedAt(ts(RECEIVED_AT))
                            .setDueAt(ts(DUE_AT))
                            .build());
        }
    }

    private final class Reports extends ReportServiceGrpc.ReportServiceImplBase {

        @Override
        public void countDailyReceptions(
                CountDailyReceptionsRequest request, StreamObserver<CountDailyReceptionsResponse> observer) {
            answer(
                    "CountDailyReceptions",
                    request,
                    observer,
                    () -> CountDailyReceptionsResponse.newBuilder()
                            .addRows(DailyReceptionCount.newBuilder()
                                    .setUnitCode("11077")
                                    .setDate("2025-03-03")
                                    .setReceived(12))
                            .addRows(DailyReceptionCount.newBuilder()
                                    .setUnitCode("11077")
                                    .setDate("2025-03-04")
                                    .setReceived(9))
                            .build());
        }
    }

    /** The dossier after any workflow action: the code from the request, status IN_PROCESS. */
    private static Dossier worked(String code) {
        return dossier(code, applicant(), Channel.CHANNEL_COUNTER, "").toBuilder()
                .setStatus(DossierStatus.DOSSIER_STATUS_IN_PROCESS)
                .setStatusLabel("Đang xử lý")
                .build();
    }

    private final class Workflows extends DossierWorkflowServiceGrpc.DossierWorkflowServiceImplBase {

        @Override
        public void submitDossier(SubmitDossierRequest r, StreamObserver<SubmitDossierResponse> o) {
            answer(
                    "SubmitDossier",
                    r,
                    o,
                    () -> SubmitDossierResponse.newBuilder()
                            .setDossier(dossier(
                                            "H30.298.11077-250303-0002",
                                            r.getApplicant().toBuilder()
                                                    .setCitizenId("001203004567")
                                                    .build(),
                                            Channel.CHANNEL_ONLINE,
                                            r.getNote())
                                    .toBuilder()
                                    .setStatus(DossierStatus.DOSSIER_STATUS_SUBMITTED)
                                    .setStatusLabel("Đã nộp")
                                    .clearReceivedAt()
                                    .clearDueAt())
                            .build());
        }

        @Override
        public void acceptDossier(AcceptDossierRequest r, StreamObserver<AcceptDossierResponse> o) {
            answer(
                    "AcceptDossier",
                    r,
                    o,
                    () -> AcceptDossierResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void requestPreSupplement(
                RequestPreSupplementRequest r, StreamObserver<RequestPreSupplementResponse> o) {
            answer(
                    "RequestPreSupplement",
                    r,
                    o,
                    () -> RequestPreSupplementResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void resubmitDossier(ResubmitDossierRequest r, StreamObserver<ResubmitDossierResponse> o) {
            answer(
                    "ResubmitDossier",
                    r,
                    o,
                    () -> ResubmitDossierResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void rejectDossier(RejectDossierRequest r, StreamObserver<RejectDossierResponse> o) {
            answer(
                    "RejectDossier",
                    r,
                    o,
                    () -> RejectDossierResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void transferDossier(TransferDossierRequest r, StreamObserver<TransferDossierResponse> o) {
            answer(
                    "TransferDossier",
                    r,
                    o,
                    () -> TransferDossierResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void recordProcessingStep(
                RecordProcessingStepRequest r, StreamObserver<RecordProcessingStepResponse> o) {
            answer(
                    "RecordProcessingStep",
                    r,
                    o,
                    () -> RecordProcessingStepResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void requestSupplement(RequestSupplementRequest r, StreamObserver<RequestSupplementResponse> o) {
            answer(
                    "RequestSupplement",
                    r,
                    o,
                    () -> RequestSupplementResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void receiveSupplement(ReceiveSupplementRequest r, StreamObserver<ReceiveSupplementResponse> o) {
            answer(
                    "ReceiveSupplement",
                    r,
                    o,
                    () -> ReceiveSupplementResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void refuseDossier(RefuseDossierRequest r, StreamObserver<RefuseDossierResponse> o) {
            answer(
                    "RefuseDossier",
                    r,
                    o,
                    () -> RefuseDossierResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void extendDeadline(ExtendDeadlineRequest r, StreamObserver<ExtendDeadlineResponse> o) {
            answer(
                    "ExtendDeadline",
                    r,
                    o,
                    () -> ExtendDeadlineResponse.newBuilder()
                            .setDossier(worked(r.getCode()).toBuilder().setDueAt(r.getNewDueAt()))
                            .build());
        }

        @Override
        public void requireFinancialObligation(
                RequireFinancialObligationRequest r, StreamObserver<RequireFinancialObligationResponse> o) {
            answer(
                    "RequireFinancialObligation",
                    r,
                    o,
                    () -> RequireFinancialObligationResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void confirmFinancialObligation(
                ConfirmFinancialObligationRequest r, StreamObserver<ConfirmFinancialObligationResponse> o) {
            answer(
                    "ConfirmFinancialObligation",
                    r,
                    o,
                    () -> ConfirmFinancialObligationResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void withdrawDossier(WithdrawDossierRequest r, StreamObserver<WithdrawDossierResponse> o) {
            answer(
                    "WithdrawDossier",
                    r,
                    o,
                    () -> WithdrawDossierResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void stopDossier(StopDossierRequest r, StreamObserver<StopDossierResponse> o) {
            answer(
                    "StopDossier",
                    r,
                    o,
                    () -> StopDossierResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void issueResult(IssueResultRequest r, StreamObserver<IssueResultResponse> o) {
            answer(
                    "IssueResult",
                    r,
                    o,
                    () -> IssueResultResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void returnResult(ReturnResultRequest r, StreamObserver<ReturnResultResponse> o) {
            answer(
                    "ReturnResult",
                    r,
                    o,
                    () -> ReturnResultResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .build());
        }

        @Override
        public void getTimeline(GetTimelineRequest r, StreamObserver<GetTimelineResponse> o) {
            answer(
                    "GetTimeline",
                    r,
                    o,
                    () -> GetTimelineResponse.newBuilder()
                            .setDossier(worked(r.getCode()))
                            .addEntries(TimelineEntry.newBuilder()
                                    .setAt(ts(RECEIVED_AT))
                                    .setEvent("RECEIVE_AT_COUNTER")
                                    .setLabel("Tiếp nhận tại quầy")
                                    .setToStatus(DossierStatus.DOSSIER_STATUS_RECEIVED)
                                    .setActorUsername("mc.ngocson")
                                    .setActorUnitCode("11077"))
                            .addEntries(TimelineEntry.newBuilder()
                                    .setAt(ts(RECEIVED_AT.plusSeconds(3600)))
                                    .setEvent("TRANSFER")
                                    .setLabel("Chuyển xử lý")
                                    .setFromStatus(DossierStatus.DOSSIER_STATUS_RECEIVED)
                                    .setToStatus(DossierStatus.DOSSIER_STATUS_IN_PROCESS)
                                    .setActorUsername("mc.ngocson")
                                    .setActorUnitCode("11077")
                                    .setReason("đủ hồ sơ")
                                    .setActorName("Nguyễn Thị Lan")
                                    .addActorRoles("reception_officer"))
                            .build());
        }

        @Override
        public void getDossierActions(GetDossierActionsRequest r, StreamObserver<GetDossierActionsResponse> o) {
            answer(
                    "GetDossierActions",
                    r,
                    o,
                    () -> GetDossierActionsResponse.newBuilder()
                            .setCode(r.getCode())
                            .setRevision(3)
                            .addAllowedEvents("ASSIGN")
                            .addAllowedEvents("APPROVE")
                            .addAllowedEvents("APOLOGISE_AND_EXTEND")
                            .addAllowedEvents("REFUSE")
                            .addAllowedEvents("SOMETHING_NEWER")
                            .addIssuedForms(FormKind.FORM_KIND_RECEIPT)
                            .addIssuedForms(FormKind.FORM_KIND_CONTROL_SLIP)
                            .build());
        }

        @Override
        public void renderForm(RenderFormRequest r, StreamObserver<RenderFormResponse> o) {
            String name = formFileName;
            answer(
                    "RenderForm",
                    r,
                    o,
                    () -> RenderFormResponse.newBuilder()
                            .setFileName(name != null ? name : r.getCode() + "-receipt.pdf")
                            .setPdf(com.google.protobuf.ByteString.copyFrom(PDF))
                            .build());
        }

        @Override
        public void listInbox(ListInboxRequest r, StreamObserver<ListInboxResponse> o) {
            answer(
                    "ListInbox",
                    r,
                    o,
                    () -> ListInboxResponse.newBuilder()
                            .addItems(InboxItem.newBuilder()
                                    .setDossier(worked("H30.298.11077-250303-0001"))
                                    .setDeadlineState(DeadlineState.DEADLINE_STATE_NEAR_DUE))
                            .setPage(PageInfo.newBuilder().setNextPageToken("i2"))
                            .setTotalSize(51)
                            .build());
        }

        @Override
        public void listMyDossiers(ListMyDossiersRequest r, StreamObserver<ListMyDossiersResponse> o) {
            answer(
                    "ListMyDossiers",
                    r,
                    o,
                    () -> ListMyDossiersResponse.newBuilder()
                            .addDossiers(worked("H30.298.11077-250303-0001"))
                            .setPage(PageInfo.getDefaultInstance())
                            .build());
        }

        @Override
        public void rateDossier(RateDossierRequest r, StreamObserver<RateDossierResponse> o) {
            answer(
                    "RateDossier",
                    r,
                    o,
                    () -> RateDossierResponse.newBuilder().setCode(r.getCode()).build());
        }
    }

    /** What ExportCatalogue answers as content. */
    public static final byte[] EXPORT =
            "code,name\n1.001193,Đăng ký khai sinh\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** A version of procedure(): the code and version from the caller where it names them. */
    public static ProcedureVersion procedureVersion(String code, int version, PublicationState state) {
        return ProcedureVersion.newBuilder()
                .setProcedure(procedure().toBuilder().setCode(code).setVersion(version))
                .setState(state)
                .setPublicationDecision(state == PublicationState.PUBLICATION_STATE_DRAFT ? "" : "1520/QĐ-UBND")
                .setPublishedOn(state == PublicationState.PUBLICATION_STATE_DRAFT ? "" : "2025-03-01")
                .setEffectiveOn("2025-03-15")
                .setRequiresPaperResult(true)
                .addReceivingUnits(
                        ReceivingUnit.newBuilder().setUnitCode("11077").setCompetentUnitCode("11077"))
                .build();
    }

    private final class Catalog extends CatalogServiceGrpc.CatalogServiceImplBase {

        @Override
        public void createProcedureDraft(
                CreateProcedureDraftRequest r, StreamObserver<CreateProcedureDraftResponse> o) {
            answer(
                    "CreateProcedureDraft",
                    r,
                    o,
                    () -> CreateProcedureDraftResponse.newBuilder()
                            .setVersion(procedureVersion(
                                    r.getDraft().getCode(), 3, PublicationState.PUBLICATION_STATE_DRAFT))
                            .build());
        }

        @Override
        public void publishProcedure(PublishProcedureRequest r, StreamObserver<PublishProcedureResponse> o) {
            answer(
                    "PublishProcedure",
                    r,
                    o,
                    () -> PublishProcedureResponse.newBuilder()
                            .setVersion(procedureVersion(
                                    r.getCode(), r.getVersion(), PublicationState.PUBLICATION_STATE_PUBLISHED))
                            .build());
        }

        @Override
        public void withdrawProcedure(WithdrawProcedureRequest r, StreamObserver<WithdrawProcedureResponse> o) {
            answer(
                    "WithdrawProcedure",
                    r,
                    o,
                    () -> WithdrawProcedureResponse.newBuilder()
                            .setVersion(procedureVersion(r.getCode(), 2, PublicationState.PUBLICATION_STATE_WITHDRAWN))
                            .build());
        }

        @Override
        public void getProcedure(GetProcedureRequest r, StreamObserver<GetProcedureResponse> o) {
            answer(
                    "GetProcedure",
                    r,
                    o,
                    () -> GetProcedureResponse.newBuilder()
                            .setVersion(procedureVersion(
                                    r.getCode(),
                                    r.getVersion() == 0 ? 2 : r.getVersion(),
                                    PublicationState.PUBLICATION_STATE_PUBLISHED))
                            .build());
        }

        @Override
        public void getPublicListing(GetPublicListingRequest r, StreamObserver<GetPublicListingResponse> o) {
            answer(
                    "GetPublicListing",
                    r,
                    o,
                    () -> GetPublicListingResponse.newBuilder()
                            .setUnit(unit(r.getUnitCode(), "01", UnitLevel.UNIT_LEVEL_COMMUNE))
                            .addAtDesk(procedure())
                            .addByPost(procedure())
                            .build());
        }

        @Override
        public void importCatalogue(ImportCatalogueRequest r, StreamObserver<ImportCatalogueResponse> o) {
            answer(
                    "ImportCatalogue",
                    r,
                    o,
                    () -> ImportCatalogueResponse.newBuilder()
                            .setDraftsCreated(2)
                            .build());
        }

        @Override
        public void exportCatalogue(ExportCatalogueRequest r, StreamObserver<ExportCatalogueResponse> o) {
            boolean xlsx = r.getFormat() == CatalogueFormat.CATALOGUE_FORMAT_XLSX;
            answer(
                    "ExportCatalogue",
                    r,
                    o,
                    () -> ExportCatalogueResponse.newBuilder()
                            .setFileName(xlsx ? "tthc-2025-03-03.xlsx" : "tthc-2025-03-03.csv")
                            .setContentType(
                                    xlsx
                                            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                            : "text/csv")
                            .setContent(com.google.protobuf.ByteString.copyFrom(EXPORT))
                            .build());
        }

        @Override
        public void reviewCatalogue(ReviewCatalogueRequest r, StreamObserver<ReviewCatalogueResponse> o) {
            answer(
                    "ReviewCatalogue",
                    r,
                    o,
                    () -> ReviewCatalogueResponse.newBuilder()
                            .addItems(ReviewItem.newBuilder()
                                    .setCode("1.001193")
                                    .setVersion(2)
                                    .setName("Đăng ký khai sinh")
                                    .setIssue(ReviewIssue.REVIEW_ISSUE_PUBLISHED_LATE)
                                    .setDetail("công bố sau 5 ngày"))
                            .build());
        }
    }

    /** A feedback as the fake answers it: the id from the request, sender contact set, ANSWERED. */
    public static vn.motcua.proto.feedback.v1.Feedback feedback(String id) {
        return vn.motcua.proto.feedback.v1.Feedback.newBuilder()
                .setId(id)
                .setUnitCode("11077")
                .setTitle("Thủ tục rườm rà")
                .setContent("Yêu cầu quá nhiều giấy tờ")
                .setSenderName("Nguyễn Văn An")
                .setSenderAddress("Số 1 Tràng Tiền")
                .setSenderContact("0912345678")
                .setState(vn.motcua.proto.feedback.v1.FeedbackState.FEEDBACK_STATE_ANSWERED)
                .setStateLabel("Đã trả lời")
                .setClassification(vn.motcua.proto.feedback.v1.FeedbackClass.FEEDBACK_CLASS_REGULATION_IN_COMPETENCE)
                .setAnswer("Đã đơn giản hoá")
                .setReceivedAt(ts(RECEIVED_AT))
                .setStepDueAt(ts(DUE_AT))
                .setLikes(3)
                .setDislikes(1)
                .setDeadlineState(vn.motcua.proto.feedback.v1.FeedbackDeadlineState.FEEDBACK_DEADLINE_STATE_NEAR_DUE)
                .build();
    }

    private final class Feedbacks extends vn.motcua.proto.feedback.v1.FeedbackServiceGrpc.FeedbackServiceImplBase {

        @Override
        public void submitFeedback(
                vn.motcua.proto.feedback.v1.SubmitFeedbackRequest r,
                StreamObserver<vn.motcua.proto.feedback.v1.SubmitFeedbackResponse> o) {
            answer(
                    "SubmitFeedback",
                    r,
                    o,
                    () -> vn.motcua.proto.feedback.v1.SubmitFeedbackResponse.newBuilder()
                            .setFeedback(feedback("fb-1"))
                            .build());
        }

        @Override
        public void classifyFeedback(
                vn.motcua.proto.feedback.v1.ClassifyFeedbackRequest r,
                StreamObserver<vn.motcua.proto.feedback.v1.ClassifyFeedbackResponse> o) {
            answer(
                    "ClassifyFeedback",
                    r,
                    o,
                    () -> vn.motcua.proto.feedback.v1.ClassifyFeedbackResponse.newBuilder()
                            .setFeedback(feedback(r.getId()))
                            .build());
        }

        @Override
        public void forwardFeedback(
                vn.motcua.proto.feedback.v1.ForwardFeedbackRequest r,
                StreamObserver<vn.motcua.proto.feedback.v1.ForwardFeedbackResponse> o) {
            answer(
                    "ForwardFeedback",
                    r,
                    o,
                    () -> vn.motcua.proto.feedback.v1.ForwardFeedbackResponse.newBuilder()
                            .setFeedback(feedback(r.getId()))
                            .build());
        }

        @Override
        public void answerFeedback(
                vn.motcua.proto.feedback.v1.AnswerFeedbackRequest r,
                StreamObserver<vn.motcua.proto.feedback.v1.AnswerFeedbackResponse> o) {
            answer(
                    "AnswerFeedback",
                    r,
                    o,
                    () -> vn.motcua.proto.feedback.v1.AnswerFeedbackResponse.newBuilder()
                            .setFeedback(feedback(r.getId()))
                            .build());
        }

        @Override
        public void publishFeedbackAnswer(
                vn.motcua.proto.feedback.v1.PublishFeedbackAnswerRequest r,
                StreamObserver<vn.motcua.proto.feedback.v1.PublishFeedbackAnswerResponse> o) {
            answer(
                    "PublishFeedbackAnswer",
                    r,
                    o,
                    () -> vn.motcua.proto.feedback.v1.PublishFeedbackAnswerResponse.newBuilder()
                            .setFeedback(feedback(r.getId()))
                            .build());
        }

        @Override
        public void reactToFeedback(
                vn.motcua.proto.feedback.v1.ReactToFeedbackRequest r,
                StreamObserver<vn.motcua.proto.feedback.v1.ReactToFeedbackResponse> o) {
            answer(
                    "ReactToFeedback",
                    r,
                    o,
                    () -> vn.motcua.proto.feedback.v1.ReactToFeedbackResponse.newBuilder()
                            .setFeedback(feedback(r.getId()))
                            .build());
        }

        @Override
        public void getFeedback(
                vn.motcua.proto.feedback.v1.GetFeedbackRequest r,
                StreamObserver<vn.motcua.proto.feedback.v1.GetFeedbackResponse> o) {
            answer(
                    "GetFeedback",
                    r,
                    o,
                    () -> vn.motcua.proto.feedback.v1.GetFeedbackResponse.newBuilder()
                            .setFeedback(feedback(r.getId()))
                            .build());
        }

        @Override
        public void listFeedback(
                vn.motcua.proto.feedback.v1.ListFeedbackRequest r,
                StreamObserver<vn.motcua.proto.feedback.v1.ListFeedbackResponse> o) {
            answer(
                    "ListFeedback",
                    r,
                    o,
                    () -> vn.motcua.proto.feedback.v1.ListFeedbackResponse.newBuilder()
                            .addItems(feedback("fb-1"))
                            .setPage(PageInfo.newBuilder().setNextPageToken("f2"))
                            .build());
        }

        @Override
        public void listMyFeedback(
                vn.motcua.proto.feedback.v1.ListMyFeedbackRequest r,
                StreamObserver<vn.motcua.proto.feedback.v1.ListMyFeedbackResponse> o) {
            answer(
                    "ListMyFeedback",
                    r,
                    o,
                    () -> vn.motcua.proto.feedback.v1.ListMyFeedbackResponse.newBuilder()
                            .addItems(feedback("fb-1"))
                            .setPage(PageInfo.newBuilder().setNextPageToken("m2"))
                            .build());
        }

        @Override
        public void listPublishedFeedback(
                vn.motcua.proto.feedback.v1.ListPublishedFeedbackRequest r,
                StreamObserver<vn.motcua.proto.feedback.v1.ListPublishedFeedbackResponse> o) {
            answer(
                    "ListPublishedFeedback",
                    r,
                    o,
                    () -> vn.motcua.proto.feedback.v1.ListPublishedFeedbackResponse.newBuilder()
                            .addItems(feedback("fb-1"))
                            .setPage(PageInfo.getDefaultInstance())
                            .build());
        }
    }

    // --- payment-service ---------------------------------------------------------------------------------------

    /** The revision of every payment the fake answers with: its ETag is "r7". */
    public static final long PAYMENT_REVISION = 7;
    /** What GetReceiptPdf answers as the file name. */
    public static final String RECEIPT_FILE = "bien-lai-11077-2026-000123.pdf";
    /** The callback/return parameter value the fake treats as a valid signature; anything else is forged. */
    public static final String GOOD_SIGNATURE = "good-signature";

    private static Money dong(long amount) {
        return Money.newBuilder().setAmount(amount).setCurrencyCode("VND").build();
    }

    /** A paid payment as the fake answers it: the id from the request, a receipt and one partial refund. */
    public static vn.motcua.proto.payment.v1.Payment payment(String id) {
        return vn.motcua.proto.payment.v1.Payment.newBuilder()
                .setId(id)
                .setDossierCode("H30.298.11077-250303-0001")
                .setUnitCode("11077")
                .setProcedureCode("2.000635")
                .setPayerName("Nguyễn Văn An")
                .setPayerCitizenId("001203004567")
                .addLines(vn.motcua.proto.payment.v1.FeeLine.newBuilder()
                        .setName("Phí cấp bản sao trích lục")
                        .setAmount(dong(50000))
                        .setLegalBasis("Thông tư 85/2019/TT-BTC"))
                .setAmount(dong(50000))
                .setStatus(vn.motcua.proto.payment.v1.PaymentStatus.PAYMENT_STATUS_PAID)
                .setState(vn.motcua.proto.payment.v1.PaymentState.PAYMENT_STATE_SUCCESS)
                .setChannel(vn.motcua.proto.payment.v1.PaymentChannel.PAYMENT_CHANNEL_ONLINE)
                .setTransactionRef("14001234")
                .setCreatedAt(ts(RECEIVED_AT))
                .setPaidAt(ts(DUE_AT))
                .setReceipt(vn.motcua.proto.payment.v1.Receipt.newBuilder()
                        .setNumber("11077/2026/000123")
                        .setCheckCode("K7Q2M9")
                        .setIssuedAt(ts(DUE_AT))
                        .setAmount(dong(50000)))
                .addRefunds(vn.motcua.proto.payment.v1.Refund.newBuilder()
                        .setId("RF-1")
                        .setAmount(dong(20000))
                        .setReason("Nộp thừa")
                        .setState(vn.motcua.proto.payment.v1.RefundState.REFUND_STATE_SUCCESS)
                        .setRequestedBy("mc.ngocson")
                        .setRequestedAt(ts(DUE_AT)))
                .setRefunded(dong(20000))
                .setRevision(PAYMENT_REVISION)
                .build();
    }

    private final class Payments extends vn.motcua.proto.payment.v1.PaymentServiceGrpc.PaymentServiceImplBase {

        @Override
        public void getPayment(
                vn.motcua.proto.payment.v1.GetPaymentRequest r,
                StreamObserver<vn.motcua.proto.payment.v1.GetPaymentResponse> o) {
            answer(
                    "GetPayment",
                    r,
                    o,
                    () -> vn.motcua.proto.payment.v1.GetPaymentResponse.newBuilder()
                            .setPayment(payment(r.getId()))
                            .build());
        }

        @Override
        public void listPayments(
                vn.motcua.proto.payment.v1.ListPaymentsRequest r,
                StreamObserver<vn.motcua.proto.payment.v1.ListPaymentsResponse> o) {
            answer(
                    "ListPayments",
                    r,
                    o,
                    () -> vn.motcua.proto.payment.v1.ListPaymentsResponse.newBuilder()
                            .addPayments(payment("PAY-1"))
                            .setPage(PageInfo.newBuilder().setNextPageToken("pp2"))
                            .build());
        }

        @Override
        public void startOnlinePayment(
                vn.motcua.proto.payment.v1.StartOnlinePaymentRequest r,
                StreamObserver<vn.motcua.proto.payment.v1.StartOnlinePaymentResponse> o) {
            answer(
                    "StartOnlinePayment",
                    r,
                    o,
                    () -> vn.motcua.proto.payment.v1.StartOnlinePaymentResponse.newBuilder()
                            .setPayment(payment(r.getId()))
                            .setRedirectUrl("http://127.0.0.1:8090/pay?order_ref=" + r.getId() + "-1")
                            .build());
        }

        @Override
        public void handleProviderCallback(
                vn.motcua.proto.payment.v1.HandleProviderCallbackRequest r,
                StreamObserver<vn.motcua.proto.payment.v1.HandleProviderCallbackResponse> o) {
            boolean genuine = GOOD_SIGNATURE.equals(r.getParametersMap().get("secure_hash"));
            answer(
                    "HandleProviderCallback",
                    r,
                    o,
                    () -> vn.motcua.proto.payment.v1.HandleProviderCallbackResponse.newBuilder()
                            .setProviderCode(genuine ? "00" : "97")
                            .setProviderMessage(genuine ? "Confirm Success" : "Invalid signature")
                            .build());
        }

        @Override
        public void handleProviderReturn(
                vn.motcua.proto.payment.v1.HandleProviderReturnRequest r,
                StreamObserver<vn.motcua.proto.payment.v1.HandleProviderReturnResponse> o) {
            boolean genuine = GOOD_SIGNATURE.equals(r.getParametersMap().get("secure_hash"));
            answer("HandleProviderReturn", r, o, () -> {
                var response = vn.motcua.proto.payment.v1.HandleProviderReturnResponse.newBuilder()
                        .setVerified(genuine);
                if (genuine) {
                    response.setPayment(payment("PAY-1"));
                }
                return response.build();
            });
        }

        @Override
        public void recordCounterPayment(
                vn.motcua.proto.payment.v1.RecordCounterPaymentRequest r,
                StreamObserver<vn.motcua.proto.payment.v1.RecordCounterPaymentResponse> o) {
            answer(
                    "RecordCounterPayment",
                    r,
                    o,
                    () -> vn.motcua.proto.payment.v1.RecordCounterPaymentResponse.newBuilder()
                            .setPayment(payment(r.getId()))
                            .build());
        }

        @Override
        public void cancelPayment(
                vn.motcua.proto.payment.v1.CancelPaymentRequest r,
                StreamObserver<vn.motcua.proto.payment.v1.CancelPaymentResponse> o) {
            answer(
                    "CancelPayment",
                    r,
                    o,
                    () -> vn.motcua.proto.payment.v1.CancelPaymentResponse.newBuilder()
                            .setPayment(payment(r.getId()))
                            .build());
        }

        @Override
        public void refundPayment(
                vn.motcua.proto.payment.v1.RefundPaymentRequest r,
                StreamObserver<vn.motcua.proto.payment.v1.RefundPaymentResponse> o) {
            answer(
                    "RefundPayment",
                    r,
                    o,
                    () -> vn.motcua.proto.payment.v1.RefundPaymentResponse.newBuilder()
                            .setPayment(payment(r.getId()))
                            .setRefund(payment(r.getId()).getRefunds(0))
                            .build());
        }

        @Override
        public void getReceiptPdf(
                vn.motcua.proto.payment.v1.GetReceiptPdfRequest r,
                StreamObserver<vn.motcua.proto.payment.v1.GetReceiptPdfResponse> o) {
            answer(
                    "GetReceiptPdf",
                    r,
                    o,
                    () -> vn.motcua.proto.payment.v1.GetReceiptPdfResponse.newBuilder()
                            .setContent(com.google.protobuf.ByteString.copyFrom(PDF))
                            .setFileName(RECEIPT_FILE)
                            .build());
        }

        @Override
        public void checkReceipt(
                vn.motcua.proto.payment.v1.CheckReceiptRequest r,
                StreamObserver<vn.motcua.proto.payment.v1.CheckReceiptResponse> o) {
            answer(
                    "CheckReceipt",
                    r,
                    o,
                    () -> vn.motcua.proto.payment.v1.CheckReceiptResponse.newBuilder()
                            .setNumber(r.getNumber())
                            .setUnitCode("11077")
                            .setDossierCode("H30.298.11077-250303-0001")
                            .setAmount(dong(50000))
                            .setRefunded(dong(20000))
                            .setIssuedAt(ts(DUE_AT))
                            .build());
        }
    }

    /** A reconciliation with one mismatch of each kind the tests look at. */
    public static vn.motcua.proto.payment.v1.Reconciliation reconciliation(String unit, String date) {
        return vn.motcua.proto.payment.v1.Reconciliation.newBuilder()
                .setUnitCode(unit)
                .setDate(date)
                .setImported(true)
                .setMatched(3)
                .addMismatches(vn.motcua.proto.payment.v1.Mismatch.newBuilder()
                        .setKind(vn.motcua.proto.payment.v1.MismatchKind.MISMATCH_KIND_AMOUNT_DIFFERS)
                        .setOrderRef("PAY-1-1")
                        .setPaymentId("PAY-1")
                        .setDossierCode("H30.298.11077-250303-0001")
                        .setHere(dong(50000))
                        .setSettlement(dong(49000)))
                .addMismatches(vn.motcua.proto.payment.v1.Mismatch.newBuilder()
                        .setKind(vn.motcua.proto.payment.v1.MismatchKind.MISMATCH_KIND_MISSING_HERE)
                        .setOrderRef("PAY-9-1")
                        .setSettlement(dong(8000)))
                .build();
    }

    private final class Reconciliations
            extends vn.motcua.proto.payment.v1.PaymentReconciliationServiceGrpc.PaymentReconciliationServiceImplBase {

        @Override
        public void importSettlement(
                vn.motcua.proto.payment.v1.ImportSettlementRequest r,
                StreamObserver<vn.motcua.proto.payment.v1.ImportSettlementResponse> o) {
            answer(
                    "ImportSettlement",
                    r,
                    o,
                    () -> vn.motcua.proto.payment.v1.ImportSettlementResponse.newBuilder()
                            .setLines(4)
                            .setReconciliation(reconciliation(r.getUnitCode(), r.getDate()))
                            .build());
        }

        @Override
        public void getReconciliation(
                vn.motcua.proto.payment.v1.GetReconciliationRequest r,
                StreamObserver<vn.motcua.proto.payment.v1.GetReconciliationResponse> o) {
            answer(
                    "GetReconciliation",
                    r,
                    o,
                    () -> vn.motcua.proto.payment.v1.GetReconciliationResponse.newBuilder()
                            .setReconciliation(reconciliation(r.getUnitCode(), r.getDate()))
                            .build());
        }
    }
}
