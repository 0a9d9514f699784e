package vn.motcua.dossier.dossier.grpc;

import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.Value;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.dossier.dossier.service.PaymentRequestDraft;
import vn.motcua.dossier.dossier.service.PaymentRequests;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.error.DomainException;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.payment.v1.CreatePaymentRequestRequest;
import vn.motcua.proto.payment.v1.CreatePaymentRequestResponse;
import vn.motcua.proto.payment.v1.FeeLine;
import vn.motcua.proto.payment.v1.PaymentServiceGrpc;

/**
 * payment-service's CreatePaymentRequest over {@code grpc.channels.payment}, on behalf of the officer whose verb
 * required the obligation: the platform's forwarding interceptor copies the caller's token, request id and
 * traceparent from the gRPC Context (no fallback token: dossier-service never asks for a payment on its own behalf),
 * and every call has a deadline ({@code motcua.payment.call-timeout}).
 *
 * <p>payment-service's failures become dossier-service's own clear errors rather than passing through: not
 * reachable in time (UNAVAILABLE, DEADLINE_EXCEEDED, its own internal failure, or a version without the call) is
 * UNAVAILABLE / DOWNSTREAM_UNAVAILABLE with metadata {@code service = payment-service}, which a client may retry
 * with the same request id; a refusal (bad input, scope, a request id reused) is FAILED_PRECONDITION / RULE_VIOLATED with rule
 * {@value #REFUSED_RULE} and payment-service's code and reason in the metadata.
 */
@Singleton
public class PaymentServiceClient implements PaymentRequests {

    public static final String SERVICE = "payment-service";
    static final String REFUSED_RULE = "PAYMENT_REQUEST_REFUSED";

    private static final Logger LOG = LoggerFactory.getLogger(PaymentServiceClient.class);

    private final PaymentServiceGrpc.PaymentServiceBlockingStub stub;
    private final Duration timeout;

    public PaymentServiceClient(
            @GrpcChannel("payment") ManagedChannel channel,
            @Value("${motcua.payment.call-timeout:5s}") Duration timeout) {
        this.stub = PaymentServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
        this.timeout = timeout;
    }

    @Override
    public RequestedPayment create(PaymentRequestDraft draft) {
        CreatePaymentRequestResponse response;
        try {
            response = stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .createPaymentRequest(request(draft));
        } catch (StatusRuntimeException e) {
            throw failure(draft, e);
        }
        return new RequestedPayment(
                response.getPayment().getId(),
                draft.requestId(),
                response.getPayment().getAmount().getAmount());
    }

    static CreatePaymentRequestRequest request(PaymentRequestDraft draft) {
        CreatePaymentRequestRequest.Builder request = CreatePaymentRequestRequest.newBuilder()
                .setRequestId(draft.requestId())
                .setDossierCode(draft.dossierCode())
                .setUnitCode(draft.unitCode())
                .setProcedureCode(draft.procedureCode())
                .setPayerName(draft.payerName())
                .setPayerCitizenId(draft.payerCitizenId())
                .setOnlineDiscountPercent(draft.onlineDiscountPercent())
                .addAllUnitPath(draft.unitPath());
        for (PaymentRequestDraft.FeeLine line : draft.lines()) {
            request.addLines(FeeLine.newBuilder()
                    .setName(line.name())
                    .setAmount(Money.newBuilder().setAmount(line.amountDong()).setCurrencyCode("VND"))
                    .setLegalBasis(line.legalBasis()));
        }
        return request.build();
    }

    /** payment-service's answer as one of dossier-service's errors (see the class comment). */
    static DomainException failure(PaymentRequestDraft draft, StatusRuntimeException e) {
        if (DownstreamFailures.unreachable(e.getStatus().getCode())) {
            LOG.warn(
                    "payment-service did not create the payment request of dossier {}: {}",
                    draft.dossierCode(),
                    e.getStatus().getCode());
        }
        return DownstreamFailures.of(
                SERVICE,
                REFUSED_RULE,
                e,
                "the payment request of dossier " + draft.dossierCode()
                        + " was not created and its financial obligation was not required");
    }
}
