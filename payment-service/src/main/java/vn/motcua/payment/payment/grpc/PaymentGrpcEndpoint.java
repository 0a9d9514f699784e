package vn.motcua.payment.payment.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.payment.payment.service.CreatePaymentCommand;
import vn.motcua.payment.payment.service.PaymentCommands;
import vn.motcua.payment.payment.service.PaymentQueries;
import vn.motcua.payment.payment.service.PaymentView;
import vn.motcua.payment.payment.service.ProviderOutcomes;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.paging.Page;
import vn.motcua.proto.common.v1.PageInfo;
import vn.motcua.proto.payment.v1.CancelPaymentRequest;
import vn.motcua.proto.payment.v1.CancelPaymentResponse;
import vn.motcua.proto.payment.v1.CheckReceiptRequest;
import vn.motcua.proto.payment.v1.CheckReceiptResponse;
import vn.motcua.proto.payment.v1.CreatePaymentRequestRequest;
import vn.motcua.proto.payment.v1.CreatePaymentRequestResponse;
import vn.motcua.proto.payment.v1.GetPaymentRequest;
import vn.motcua.proto.payment.v1.GetPaymentResponse;
import vn.motcua.proto.payment.v1.GetReceiptPdfRequest;
import vn.motcua.proto.payment.v1.GetReceiptPdfResponse;
import vn.motcua.proto.payment.v1.HandleProviderCallbackRequest;
import vn.motcua.proto.payment.v1.HandleProviderCallbackResponse;
import vn.motcua.proto.payment.v1.HandleProviderReturnRequest;
import vn.motcua.proto.payment.v1.HandleProviderReturnResponse;
import vn.motcua.proto.payment.v1.ListPaymentsRequest;
import vn.motcua.proto.payment.v1.ListPaymentsResponse;
import vn.motcua.proto.payment.v1.PaymentServiceGrpc;
import vn.motcua.proto.payment.v1.RecordCounterPaymentRequest;
import vn.motcua.proto.payment.v1.RecordCounterPaymentResponse;
import vn.motcua.proto.payment.v1.RefundPaymentRequest;
import vn.motcua.proto.payment.v1.RefundPaymentResponse;
import vn.motcua.proto.payment.v1.StartOnlinePaymentRequest;
import vn.motcua.proto.payment.v1.StartOnlinePaymentResponse;

/**
 * motcua.payment.v1.PaymentService: the only payment class that touches generated proto classes. Errors are domain
 * exceptions mapped to gRPC status by the platform interceptor, except the provider callback, which always answers
 * the provider's code (its caller is the gateway relaying the provider, which needs a body, not a status).
 */
@Singleton
public class PaymentGrpcEndpoint extends PaymentServiceGrpc.PaymentServiceImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentGrpcEndpoint.class);

    private final PaymentCommands commands;
    private final PaymentQueries queries;
    private final ProviderOutcomes outcomes;

    public PaymentGrpcEndpoint(PaymentCommands commands, PaymentQueries queries, ProviderOutcomes outcomes) {
        this.commands = commands;
        this.queries = queries;
        this.outcomes = outcomes;
    }

    @Override
    public void createPaymentRequest(
            CreatePaymentRequestRequest r, StreamObserver<CreatePaymentRequestResponse> observer) {
        PaymentView view = commands.create(
                CallContext.requireCaller(),
                new CreatePaymentCommand(
                        r.getRequestId(),
                        r.getDossierCode(),
                        r.getUnitCode(),
                        r.getUnitPathList(),
                        r.getProcedureCode(),
                        r.getPayerName(),
                        r.getPayerCitizenId(),
                        r.getLinesList().stream()
                                .map(l -> new CreatePaymentCommand.Line(
                                        l.getName(),
                                        l.getAmount().getAmount(),
                                        l.getAmount().getCurrencyCode(),
                                        l.hasAmount(),
                                        l.getLegalBasis()))
                                .toList(),
                        r.getOnlineDiscountPercent()));
        reply(
                observer,
                CreatePaymentRequestResponse.newBuilder()
                        .setPayment(PaymentMessages.payment(view))
                        .build());
    }

    @Override
    public void getPayment(GetPaymentRequest r, StreamObserver<GetPaymentResponse> observer) {
        PaymentView view = queries.get(CallContext.requireCaller(), r.getId());
        reply(
                observer,
                GetPaymentResponse.newBuilder()
                        .setPayment(PaymentMessages.payment(view))
                        .build());
    }

    @Override
    public void listPayments(ListPaymentsRequest r, StreamObserver<ListPaymentsResponse> observer) {
        Page<PaymentView> page = queries.list(
                CallContext.requireCaller(),
                r.getDossierCode(),
                r.getUnitCode(),
                PaymentMessages.status(r.getStatus()),
                Page.Request.of(r.getPage().getPageSize(), r.getPage().getPageToken()));
        ListPaymentsResponse.Builder response =
                ListPaymentsResponse.newBuilder().setPage(PageInfo.newBuilder().setNextPageToken(page.nextToken()));
        page.items().forEach(v -> response.addPayments(PaymentMessages.payment(v)));
        reply(observer, response.build());
    }

    @Override
    public void startOnlinePayment(StartOnlinePaymentRequest r, StreamObserver<StartOnlinePaymentResponse> observer) {
        PaymentCommands.Started started = commands.startOnline(
                CallContext.requireCaller(),
                r.getRequestId(),
                r.getId(),
                r.getReturnUrl(),
                r.getLocale(),
                r.getClientIp());
        reply(
                observer,
                StartOnlinePaymentResponse.newBuilder()
                        .setPayment(PaymentMessages.payment(started.payment()))
                        .setRedirectUrl(started.redirectUrl())
                        .build());
    }

    /**
     * Never an error status: a failure while applying (the database away, or the crash test's fault) answers 99, so
     * the provider delivers again; nothing was committed, and the redelivery is applied once.
     */
    @Override
    public void handleProviderCallback(
            HandleProviderCallbackRequest r, StreamObserver<HandleProviderCallbackResponse> observer) {
        ProviderOutcomes.Outcome outcome;
        try {
            outcome = outcomes.notification(r.getParametersMap(), "callback");
        } catch (RuntimeException e) {
            LOG.error("Provider callback could not be applied; answering 99 so that it is delivered again", e);
            outcome = new ProviderOutcomes.Outcome("99", "Unknown error", null);
        }
        reply(
                observer,
                HandleProviderCallbackResponse.newBuilder()
                        .setProviderCode(outcome.code())
                        .setProviderMessage(outcome.message())
                        .build());
    }

    @Override
    public void handleProviderReturn(
            HandleProviderReturnRequest r, StreamObserver<HandleProviderReturnResponse> observer) {
        ProviderOutcomes.Outcome outcome = outcomes.notification(r.getParametersMap(), "return");
        HandleProviderReturnResponse.Builder response = HandleProviderReturnResponse.newBuilder();
        if (outcome.verified()) {
            response.setVerified(true).setPayment(PaymentMessages.payment(queries.publicView(outcome.paymentId())));
        }
        reply(observer, response.build());
    }

    @Override
    public void recordCounterPayment(
            RecordCounterPaymentRequest r, StreamObserver<RecordCounterPaymentResponse> observer) {
        PaymentView view = commands.recordCounter(
                CallContext.requireCaller(),
                r.getRequestId(),
                r.getId(),
                PaymentMessages.channel(r.getChannel()),
                r.getAmount().getAmount(),
                r.getAmount().getCurrencyCode(),
                r.hasAmount(),
                r.getNote(),
                r.hasExpectedRevision() ? r.getExpectedRevision() : null);
        reply(
                observer,
                RecordCounterPaymentResponse.newBuilder()
                        .setPayment(PaymentMessages.payment(view))
                        .build());
    }

    @Override
    public void cancelPayment(CancelPaymentRequest r, StreamObserver<CancelPaymentResponse> observer) {
        PaymentView view = commands.cancel(
                CallContext.requireCaller(),
                r.getRequestId(),
                r.getId(),
                r.getReason(),
                r.hasExpectedRevision() ? r.getExpectedRevision() : null);
        reply(
                observer,
                CancelPaymentResponse.newBuilder()
                        .setPayment(PaymentMessages.payment(view))
                        .build());
    }

    @Override
    public void refundPayment(RefundPaymentRequest r, StreamObserver<RefundPaymentResponse> observer) {
        PaymentCommands.Refunded refunded = commands.refund(
                CallContext.requireCaller(),
                r.getRequestId(),
                r.getId(),
                r.getAmount().getAmount(),
                r.getAmount().getCurrencyCode(),
                r.hasAmount(),
                r.getReason(),
                r.hasExpectedRevision() ? r.getExpectedRevision() : null);
        reply(
                observer,
                RefundPaymentResponse.newBuilder()
                        .setPayment(PaymentMessages.payment(refunded.payment()))
                        .setRefund(PaymentMessages.refund(refunded.refund()))
                        .build());
    }

    @Override
    public void getReceiptPdf(GetReceiptPdfRequest r, StreamObserver<GetReceiptPdfResponse> observer) {
        PaymentQueries.Pdf pdf = queries.receiptPdf(CallContext.requireCaller(), r.getId());
        reply(
                observer,
                GetReceiptPdfResponse.newBuilder()
                        .setContent(com.google.protobuf.ByteString.copyFrom(pdf.content()))
                        .setFileName(pdf.fileName())
                        .build());
    }

    @Override
    public void checkReceipt(CheckReceiptRequest r, StreamObserver<CheckReceiptResponse> observer) {
        PaymentQueries.ReceiptCheck check = queries.check(r.getNumber(), r.getCheckCode());
        reply(
                observer,
                CheckReceiptResponse.newBuilder()
                        .setNumber(check.receipt().number())
                        .setUnitCode(check.receipt().unitCode())
                        .setDossierCode(check.dossierCode())
                        .setAmount(PaymentMessages.money(check.receipt().amountDong()))
                        .setRefunded(PaymentMessages.money(check.refundedDong()))
                        .setIssuedAt(PaymentMessages.timestamp(check.receipt().issuedAt()))
                        .build());
    }

    private static <T> void reply(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }
}
