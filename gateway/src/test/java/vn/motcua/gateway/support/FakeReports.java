package vn.motcua.gateway.support;

import com.google.protobuf.ByteString;
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
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.common.v1.PageInfo;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.report.v1.*;

/**
 * Test double of report-service at the gRPC contract boundary, on a real loopback port: every unary RPC of
 * ReportService answers a realistic message (or the failure a test arranged, mapped by the platform's GrpcErrors as
 * in the real service) and is recorded with its request and metadata; ImportDossierHistory hashes the streamed chunks
 * as they arrive and keeps nothing but counts, so a test can stream hundreds of megabytes through the gateway.
 */
public final class FakeReports implements AutoCloseable {

    public static final Timestamp AT =
            Timestamp.newBuilder().setSeconds(1_782_864_000L).build();
    /** The strong entity tag ExportReport answers with (quoted, as in HTTP). */
    public static final String ETAG = "\"ii06a-30-2026-q3-7f3a\"";

    public record Received(String method, Message request, Metadata headers) {

        public String authorization() {
            return headers.get(MetadataKeys.AUTHORIZATION);
        }
    }

    /** One import as the service saw it; {@link #ended} completes with true (half-closed) or false (cancelled). */
    public static final class Import {
        public volatile ImportHeader header;
        public volatile Metadata headers;
        public volatile long bytes;
        public volatile int chunks;
        public volatile int largestChunk;
        public volatile String sha256;
        public final CompletableFuture<Boolean> ended = new CompletableFuture<>();
        private final MessageDigest digest = sha256();
        /** The service answered with an error already: nothing more is said on the call. */
        private volatile boolean refused;
    }

    private static final Context.Key<Metadata> HEADERS = Context.key("fake-reports-headers");

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Import> imports = new CopyOnWriteArrayList<>();
    private final Server server;
    private volatile Throwable failure;
    private volatile byte[] exportContent =
            "STT,Đơn vị\r\n1,Xã Ngọc Sơn\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private volatile String exportFileName = "BC-II06a_30_2026-Q3.xlsx";
    private volatile String exportEtag = ETAG;

    private FakeReports() {
        ServerInterceptor capture = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                return Contexts.interceptCall(Context.current().withValue(HEADERS, headers), call, headers, next);
            }
        };
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                    .addService(ServerInterceptors.intercept(new Reports(), capture))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FakeReports start() {
        return new FakeReports();
    }

    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    public void reset() {
        received.clear();
        imports.clear();
        failure = null;
        exportContent = "STT,Đơn vị\r\n1,Xã Ngọc Sơn\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exportFileName = "BC-II06a_30_2026-Q3.xlsx";
        exportEtag = ETAG;
    }

    /** Every following call fails with this (DomainException, StatusRuntimeException or any other exception). */
    public void failWith(Throwable error) {
        this.failure = error;
    }

    /** What ExportReport answers from now on. */
    public void export(byte[] content, String fileName, String etag) {
        this.exportContent = content;
        this.exportFileName = fileName;
        this.exportEtag = etag;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one call, got " + received);
        }
        return received.get(0);
    }

    public List<Import> imports() {
        return List.copyOf(imports);
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> void answer(String method, Message request, StreamObserver<T> observer, Supplier<T> response) {
        received.add(new Received(method, request, HEADERS.get()));
        Throwable error = failure;
        if (error != null) {
            observer.onError(GrpcErrors.toException(error));
            return;
        }
        observer.onNext(response.get());
        observer.onCompleted();
    }

    // --- realistic messages -----------------------------------------------------------------------------------------

    public static UnitRef unit(String code, String name, UnitLevel level, String parent, int depth) {
        return UnitRef.newBuilder()
                .setCode(code)
                .setName(name)
                .setLevel(level)
                .setParentCode(parent)
                .setDepth(depth)
                .build();
    }

    public static ResolvedPeriod quarter3() {
        return ResolvedPeriod.newBuilder()
                .setPeriod(Period.newBuilder()
                        .setKind(PeriodKind.PERIOD_KIND_QUARTER)
                        .setYear(2026)
                        .setNumber(3)
                        .setWindow(PeriodWindow.PERIOD_WINDOW_CALENDAR))
                .setFromDate("2026-07-01")
                .setToDate("2026-09-30")
                .setLabel("Quý III năm 2026 (từ ngày 01/07/2026 đến ngày 30/09/2026)")
                .build();
    }

    /** (3) 12 = (4) 5 + (5) 4 + (6) 3; (7) 8 = 2 + 5 + 1; (11) 4 = 3 + 1. */
    public static II06aCounts counts() {
        return II06aCounts.newBuilder()
                .setTotal(12)
                .setReceivedOnline(5)
                .setReceivedDirectOrPostal(4)
                .setCarriedOver(3)
                .setResolved(8)
                .setResolvedEarly(2)
                .setResolvedOnTime(5)
                .setResolvedLate(1)
                .setInProgress(4)
                .setInProgressWithinDue(3)
                .setInProgressOverdue(1)
                .setResolvedLateWithApology(1)
                .setWithdrawn(1)
                .build();
    }

    public static II06aReport ii06a() {
        UnitRef district = unit("298", "Huyện Tứ Kỳ", UnitLevel.UNIT_LEVEL_DISTRICT, "30", 0);
        return II06aReport.newBuilder()
                .setUnit(district)
                .setPeriod(quarter3())
                .setGrouping(II06aGrouping.II06A_GROUPING_UNIT)
                .addRows(II06aRow.newBuilder()
                        .setRowNumber(1)
                        .setUnit(unit("11077", "Xã Ngọc Sơn", UnitLevel.UNIT_LEVEL_COMMUNE, "298", 1))
                        .setCounts(counts()))
                .addRows(II06aRow.newBuilder()
                        .setUnit(district)
                        .setSubtotal(true)
                        .setCounts(counts()))
                .setTotal(counts())
                .setTimelinessRule("DAY")
                .setComputedAt(AT)
                .build();
    }

    public static IndicatorScores indicators() {
        return IndicatorScores.newBuilder()
                .setUnit(unit("11077", "Xã Ngọc Sơn", UnitLevel.UNIT_LEVEL_COMMUNE, "298", 0))
                .setPeriod(quarter3())
                .setSubtree(true)
                .setRuleVersion(1)
                .addGroups(IndicatorGroup.newBuilder()
                        .setId("2")
                        .setName("Tiến độ, kết quả giải quyết")
                        .setMaxScore("20")
                        .setScore("13.08")
                        .addIndicators(IndicatorScore.newBuilder()
                                .setId("2.1")
                                .setName("Hồ sơ giải quyết trước hạn, đúng hạn")
                                .setKind("ratio")
                                .setNumerator(17)
                                .setDenominator(26)
                                .setRatioPercent("65.38")
                                .setScore("13.08")
                                .setMaxScore("20")
                                .setFullMarksAtPercent("100")
                                .setDrillable(true)))
                .setTotalScore("13.08")
                .setOnlinePaymentPercent("25.00")
                .setOnlinePaymentTargetPercent("30")
                .setOnlinePaymentTargetMet(false)
                .setComputedAt(AT)
                .build();
    }

    public static DossierFactView dossier(String code) {
        return DossierFactView.newBuilder()
                .setDossierCode(code)
                .setUnitCode("11077")
                .setReceivingUnitCode("11077")
                .setProcedureCode("1.001193")
                .setFieldCode("HT")
                .setChannel("ONLINE")
                .setReceivedAt(AT)
                .setDueAt(AT)
                .setTimeliness("OPEN")
                .setDaysOverdue(2)
                .setState("IN_PROCESS")
                .build();
    }

    public static ReportSubmission submission(int version) {
        ReportSubmission.Builder s = ReportSubmission.newBuilder()
                .setSubmissionId("SUB-11077-2026Q3-" + version)
                .setUnit(unit("11077", "Xã Ngọc Sơn", UnitLevel.UNIT_LEVEL_COMMUNE, "298", 0))
                .setKind(ReportKind.REPORT_KIND_II06A)
                .setPeriod(quarter3())
                .setVersion(version)
                .setSubmittedBy("ld.ngocson")
                .setSubmittedAt(AT)
                .setIi06A(ii06a());
        if (version > 1) {
            s.setReason("Bổ sung hồ sơ tiếp nhận muộn")
                    .addDiff(ReportDiffEntry.newBuilder()
                            .setRowKey("11077")
                            .setColumn("resolved_late")
                            .setBefore(0)
                            .setAfter(1));
        }
        return s.build();
    }

    private final class Reports extends ReportServiceGrpc.ReportServiceImplBase {

        @Override
        public void getII06aReport(GetII06aReportRequest request, StreamObserver<GetII06aReportResponse> observer) {
            answer(
                    "GetII06aReport",
                    request,
                    observer,
                    () -> GetII06aReportResponse.newBuilder().setReport(ii06a()).build());
        }

        @Override
        public void getIndicatorScores(
                GetIndicatorScoresRequest request, StreamObserver<GetIndicatorScoresResponse> observer) {
            answer(
                    "GetIndicatorScores",
                    request,
                    observer,
                    () -> GetIndicatorScoresResponse.newBuilder()
                            .setScores(indicators().toBuilder().addChildren(indicators()))
                            .build());
        }

        @Override
        public void drillDownIndicator(
                DrillDownIndicatorRequest request, StreamObserver<DrillDownIndicatorResponse> observer) {
            answer(
                    "DrillDownIndicator",
                    request,
                    observer,
                    () -> DrillDownIndicatorResponse.newBuilder()
                            .setIndicatorId(request.getIndicatorId())
                            .setSide(request.getSide())
                            .setTotal(17)
                            .addDossiers(dossier("H30.298.11077-260701-0001"))
                            .setPage(PageInfo.newBuilder().setNextPageToken("p2"))
                            .build());
        }

        @Override
        public void listIndicatorRuleVersions(
                ListIndicatorRuleVersionsRequest request, StreamObserver<ListIndicatorRuleVersionsResponse> observer) {
            answer(
                    "ListIndicatorRuleVersions",
                    request,
                    observer,
                    () -> ListIndicatorRuleVersionsResponse.newBuilder()
                            .addVersions(IndicatorRuleVersion.newBuilder()
                                    .setVersion(1)
                                    .setEffectiveFromMonth("2022-08")
                                    .setRulesJson("{\"groups\":[]}")
                                    .setPublishedBy("system")
                                    .setPublishedAt(AT))
                            .build());
        }

        @Override
        public void publishIndicatorRules(
                PublishIndicatorRulesRequest request, StreamObserver<PublishIndicatorRulesResponse> observer) {
            answer(
                    "PublishIndicatorRules",
                    request,
                    observer,
                    () -> PublishIndicatorRulesResponse.newBuilder()
                            .setVersion(IndicatorRuleVersion.newBuilder()
                                    .setVersion(2)
                                    .setEffectiveFromMonth(request.getEffectiveFromMonth())
                                    .setRulesJson(request.getRulesJson())
                                    .setPublishedBy("admin.haiduong")
                                    .setPublishedAt(AT)
                                    .setReason(request.getReason()))
                            .build());
        }

        @Override
        public void recomputeIndicators(
                RecomputeIndicatorsRequest request, StreamObserver<RecomputeIndicatorsResponse> observer) {
            answer(
                    "RecomputeIndicators",
                    request,
                    observer,
                    () -> RecomputeIndicatorsResponse.newBuilder()
                            .setScores(indicators())
                            .build());
        }

        @Override
        public void getInternalEvaluation(
                GetInternalEvaluationRequest request, StreamObserver<GetInternalEvaluationResponse> observer) {
            answer(
                    "GetInternalEvaluation",
                    request,
                    observer,
                    () -> GetInternalEvaluationResponse.newBuilder()
                            .setEvaluation(InternalEvaluation.newBuilder()
                                    .setUnit(unit("11077", "Xã Ngọc Sơn", UnitLevel.UNIT_LEVEL_COMMUNE, "298", 0))
                                    .setPeriod(quarter3())
                                    .addAgencies(AgencyEvaluation.newBuilder()
                                            .setDossiers(26)
                                            .addScores(EvaluationScore.newBuilder()
                                                    .setIndicator(1)
                                                    .setScore("1.8")
                                                    .setDossiers(26))
                                            .setTotal("9.1")
                                            .setRating("Tốt"))
                                    .addOfficers(OfficerEvaluation.newBuilder()
                                            .setOfficer("cv.ngocson")
                                            .setDossiers(12)
                                            .setTotal("8.7")
                                            .setCompletionBand("100%")))
                            .build());
        }

        @Override
        public void getDossierEvaluation(
                GetDossierEvaluationRequest request, StreamObserver<GetDossierEvaluationResponse> observer) {
            answer(
                    "GetDossierEvaluation",
                    request,
                    observer,
                    () -> GetDossierEvaluationResponse.newBuilder()
                            .setEvaluation(DossierEvaluation.newBuilder()
                                    .setDossier(dossier(request.getDossierCode()))
                                    .addScores(EvaluationScore.newBuilder()
                                            .setIndicator(1)
                                            .setScore("2")))
                            .build());
        }

        @Override
        public void listOverdueDossiers(
                ListOverdueDossiersRequest request, StreamObserver<ListOverdueDossiersResponse> observer) {
            answer(
                    "ListOverdueDossiers",
                    request,
                    observer,
                    () -> ListOverdueDossiersResponse.newBuilder()
                            .setTotal(1)
                            .addDossiers(dossier("H30.298.11077-260701-0002"))
                            .setPage(PageInfo.getDefaultInstance())
                            .build());
        }

        @Override
        public void submitReport(SubmitReportRequest request, StreamObserver<SubmitReportResponse> observer) {
            answer(
                    "SubmitReport",
                    request,
                    observer,
                    () -> SubmitReportResponse.newBuilder()
                            .setSubmission(submission(request.getReason().isEmpty() ? 1 : 2))
                            .build());
        }

        @Override
        public void listSubmissions(ListSubmissionsRequest request, StreamObserver<ListSubmissionsResponse> observer) {
            answer(
                    "ListSubmissions",
                    request,
                    observer,
                    () -> ListSubmissionsResponse.newBuilder()
                            .addSubmissions(submission(2))
                            .addSubmissions(submission(1))
                            .build());
        }

        @Override
        public void getSubmission(GetSubmissionRequest request, StreamObserver<GetSubmissionResponse> observer) {
            answer(
                    "GetSubmission",
                    request,
                    observer,
                    () -> GetSubmissionResponse.newBuilder()
                            .setSubmission(submission(2))
                            .build());
        }

        @Override
        public void getConsolidation(
                GetConsolidationRequest request, StreamObserver<GetConsolidationResponse> observer) {
            answer(
                    "GetConsolidation",
                    request,
                    observer,
                    () -> GetConsolidationResponse.newBuilder()
                            .setConsolidation(Consolidation.newBuilder()
                                    .setUnit(unit("298", "Huyện Tứ Kỳ", UnitLevel.UNIT_LEVEL_DISTRICT, "30", 0))
                                    .setPeriod(quarter3())
                                    .addSources(ConsolidatedSource.newBuilder()
                                            .setUnit(unit(
                                                    "11077", "Xã Ngọc Sơn", UnitLevel.UNIT_LEVEL_COMMUNE, "298", 1))
                                            .setVersion(2)
                                            .setSubmissionId("SUB-11077-2026Q3-2")
                                            .setSubmittedAt(AT)
                                            .setLate(true))
                                    .addSources(ConsolidatedSource.newBuilder()
                                            .setUnit(unit("11080", "Xã Kỳ Sơn", UnitLevel.UNIT_LEVEL_COMMUNE, "298", 1))
                                            .setMissing(true))
                                    .setIi06A(ii06a()))
                            .build());
        }

        @Override
        public void exportReport(ExportReportRequest request, StreamObserver<ExportReportResponse> observer) {
            answer("ExportReport", request, observer, () -> {
                if (!request.getIfNoneMatch().isEmpty()
                        && request.getIfNoneMatch().equals(exportEtag)) {
                    return ExportReportResponse.newBuilder()
                            .setEtag(exportEtag)
                            .setNotModified(true)
                            .build();
                }
                return ExportReportResponse.newBuilder()
                        .setContent(ByteString.copyFrom(exportContent))
                        .setContentType("application/octet-stream")
                        .setFileName(exportFileName)
                        .setEtag(exportEtag)
                        .build();
            });
        }

        @Override
        public void rebuildProjections(
                RebuildProjectionsRequest request, StreamObserver<RebuildProjectionsResponse> observer) {
            answer(
                    "RebuildProjections",
                    request,
                    observer,
                    () -> RebuildProjectionsResponse.newBuilder()
                            .setGeneration(3)
                            .build());
        }

        @Override
        public void getProjectionStatus(
                GetProjectionStatusRequest request, StreamObserver<GetProjectionStatusResponse> observer) {
            answer(
                    "GetProjectionStatus",
                    request,
                    observer,
                    () -> GetProjectionStatusResponse.newBuilder()
                            .setStatus(ProjectionStatus.newBuilder()
                                    .setGeneration(3)
                                    .addFeeds(FeedPosition.newBuilder()
                                            .setSource("dossier-service")
                                            .setAppliedSeq(120)
                                            .setHighWaterSeq(121))
                                    .setDossierFacts(26)
                                    .setImportedFacts(4))
                            .build());
        }

        @Override
        public StreamObserver<ImportDossierHistoryRequest> importDossierHistory(
                StreamObserver<ImportDossierHistoryResponse> observer) {
            Import in = new Import();
            in.headers = HEADERS.get();
            imports.add(in);
            return new StreamObserver<>() {
                @Override
                public void onNext(ImportDossierHistoryRequest value) {
                    if (value.hasHeader()) {
                        in.header = value.getHeader();
                        Throwable error = failure;
                        if (error != null) {
                            in.refused = true;
                            observer.onError(GrpcErrors.toException(error));
                        }
                        return;
                    }
                    ByteString chunk = value.getChunk();
                    in.chunks++;
                    in.largestChunk = Math.max(in.largestChunk, chunk.size());
                    for (java.nio.ByteBuffer b : chunk.asReadOnlyByteBufferList()) {
                        in.digest.update(b);
                    }
                    in.bytes += chunk.size();
                }

                @Override
                public void onError(Throwable t) {
                    in.ended.complete(false);
                }

                @Override
                public void onCompleted() {
                    in.sha256 = HexFormat.of().formatHex(in.digest.digest());
                    in.ended.complete(true);
                    if (in.refused) {
                        return;
                    }
                    if (in.header == null) {
                        observer.onError(Status.INVALID_ARGUMENT.asRuntimeException());
                        return;
                    }
                    observer.onNext(ImportDossierHistoryResponse.newBuilder()
                            .setImportId("IMP-1")
                            .setRowsRead(3)
                            .setRowsImported(2)
                            .setRowsRejected(1)
                            .setBatchesApplied(1)
                            .setBatchesRejected(1)
                            .addErrors(ImportRowError.newBuilder()
                                    .setLine(3)
                                    .setField("NgayTiepNhan")
                                    .setMessage("không phải ngày giờ hợp lệ"))
                            .build());
                    observer.onCompleted();
                }
            };
        }
    }
}
