package vn.motcua.gateway.downstream;

import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.proto.digitization.v1.CertifiedCopyServiceGrpc;
import vn.motcua.proto.digitization.v1.DigitizationServiceGrpc;
import vn.motcua.proto.digitization.v1.DocumentServiceGrpc;
import vn.motcua.proto.digitization.v1.WarehouseServiceGrpc;
import vn.motcua.proto.dossier.v1.CatalogServiceGrpc;
import vn.motcua.proto.dossier.v1.DossierServiceGrpc;
import vn.motcua.proto.dossier.v1.DossierWorkflowServiceGrpc;
import vn.motcua.proto.dossier.v1.UnitAdminServiceGrpc;
import vn.motcua.proto.dossier.v1.WorkCalendarServiceGrpc;
import vn.motcua.proto.feedback.v1.FeedbackServiceGrpc;
import vn.motcua.proto.payment.v1.PaymentReconciliationServiceGrpc;
import vn.motcua.proto.payment.v1.PaymentServiceGrpc;
import vn.motcua.proto.report.v1.CampaignServiceGrpc;
import vn.motcua.proto.report.v1.ReportServiceGrpc;
import vn.motcua.proto.report.v1.TaskServiceGrpc;

/**
 * Stubs over the configured channels ({@code grpc.channels.dossier}, {@code grpc.channels.report},
 * {@code grpc.channels.payment}, {@code grpc.channels.digitization}). The platform's
 * forwarding interceptor copies the caller's token, request id and traceparent from the gRPC Context that
 * {@link Downstream} sets up; it has no fallback token, because the gateway never calls on its own behalf.
 */
@Factory
public class ServiceStubs {

    @Singleton
    public DossierServiceGrpc.DossierServiceBlockingStub dossierService(
            @GrpcChannel("dossier") ManagedChannel channel) {
        return DossierServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /** The dossier lifecycle, served by dossier-service on the same channel. */
    @Singleton
    public DossierWorkflowServiceGrpc.DossierWorkflowServiceBlockingStub dossierWorkflowService(
            @GrpcChannel("dossier") ManagedChannel channel) {
        return DossierWorkflowServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /** The procedure catalogue, served by dossier-service on the same channel. */
    @Singleton
    public CatalogServiceGrpc.CatalogServiceBlockingStub catalogService(
            @GrpcChannel("dossier") ManagedChannel channel) {
        return CatalogServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /** Feedback on administrative regulations, served by dossier-service on the same channel. */
    @Singleton
    public FeedbackServiceGrpc.FeedbackServiceBlockingStub feedbackService(
            @GrpcChannel("dossier") ManagedChannel channel) {
        return FeedbackServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /** Unit administration, served by dossier-service on the same channel. */
    @Singleton
    public UnitAdminServiceGrpc.UnitAdminServiceBlockingStub unitAdminService(
            @GrpcChannel("dossier") ManagedChannel channel) {
        return UnitAdminServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /** The work calendar (holiday table, weekly sessions), served by dossier-service on the same channel. */
    @Singleton
    public WorkCalendarServiceGrpc.WorkCalendarServiceBlockingStub workCalendarService(
            @GrpcChannel("dossier") ManagedChannel channel) {
        return WorkCalendarServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    @Singleton
    public ReportServiceGrpc.ReportServiceBlockingStub reportService(@GrpcChannel("report") ManagedChannel channel) {
        return ReportServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /** Directives, tasks, their reminders' contacts and inbox (issue 14), served by report-service on its channel. */
    @Singleton
    public TaskServiceGrpc.TaskServiceBlockingStub taskService(@GrpcChannel("report") ManagedChannel channel) {
        return TaskServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /** Campaign reports (drafts, submissions, returns, consolidation, XLSX), served by report-service likewise. */
    @Singleton
    public CampaignServiceGrpc.CampaignServiceBlockingStub campaignService(
            @GrpcChannel("report") ManagedChannel channel) {
        return CampaignServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /**
     * The historical import (ImportDossierHistory), a client stream with gRPC flow control: the asynchronous stub,
     * since a blocking one cannot stream a request.
     */
    @Singleton
    public ReportServiceGrpc.ReportServiceStub reportTransfers(@GrpcChannel("report") ManagedChannel channel) {
        return ReportServiceGrpc.newStub(ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /** Fees: payment requests, online payment, counter payments, receipts and refunds (payment-service). */
    @Singleton
    public PaymentServiceGrpc.PaymentServiceBlockingStub paymentService(
            @GrpcChannel("payment") ManagedChannel channel) {
        return PaymentServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /** Reconciliation against the provider's settlement file, served by payment-service on the same channel. */
    @Singleton
    public PaymentReconciliationServiceGrpc.PaymentReconciliationServiceBlockingStub paymentReconciliationService(
            @GrpcChannel("payment") ManagedChannel channel) {
        return PaymentReconciliationServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /** Documents' metadata (digitization-service). */
    @Singleton
    public DocumentServiceGrpc.DocumentServiceBlockingStub documentService(
            @GrpcChannel("digitization") ManagedChannel channel) {
        return DocumentServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /**
     * Uploads and downloads of documents, streamed both ways with gRPC flow control: the asynchronous stub, since a
     * blocking one can neither stream a request nor hold back a response.
     */
    @Singleton
    public DocumentServiceGrpc.DocumentServiceStub documentTransfers(
            @GrpcChannel("digitization") ManagedChannel channel) {
        return DocumentServiceGrpc.newStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /** A dossier's components, their digitization and its electronic result (digitization-service). */
    @Singleton
    public DigitizationServiceGrpc.DigitizationServiceBlockingStub digitizationService(
            @GrpcChannel("digitization") ManagedChannel channel) {
        return DigitizationServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /** The citizen's e-data warehouse, served by digitization-service on the same channel. */
    @Singleton
    public WarehouseServiceGrpc.WarehouseServiceBlockingStub warehouseService(
            @GrpcChannel("digitization") ManagedChannel channel) {
        return WarehouseServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }

    /** Electronic certified copies, served by digitization-service on the same channel. */
    @Singleton
    public CertifiedCopyServiceGrpc.CertifiedCopyServiceBlockingStub certifiedCopyService(
            @GrpcChannel("digitization") ManagedChannel channel) {
        return CertifiedCopyServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
    }
}
