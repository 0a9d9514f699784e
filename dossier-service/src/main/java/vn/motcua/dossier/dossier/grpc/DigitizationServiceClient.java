package vn.motcua.dossier.dossier.grpc;

import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.Value;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.dossier.dossier.service.ElectronicResults;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.error.DomainException;
import vn.motcua.proto.digitization.v1.DigitizationServiceGrpc;
import vn.motcua.proto.digitization.v1.DossierDigitization;
import vn.motcua.proto.digitization.v1.GetDossierDigitizationRequest;
import vn.motcua.proto.digitization.v1.SignatureVerdict;

/**
 * digitization-service's GetDossierDigitization over {@code grpc.channels.digitization}, on behalf of the officer
 * issuing the result: the platform's forwarding interceptor copies the caller's token, request id and traceparent
 * from the gRPC Context (no fallback token: dossier-service never asks on its own behalf), and every call has a
 * deadline ({@code motcua.digitization.call-timeout}).
 *
 * <p>As with payment-service (PaymentServiceClient), digitization-service's failures become dossier-service's own
 * errors: not reachable in time (UNAVAILABLE, DEADLINE_EXCEEDED, its own internal failure, or a version without the
 * call) is UNAVAILABLE / DOWNSTREAM_UNAVAILABLE with metadata {@code service = digitization-service}; a refusal (the
 * dossier not visible to the officer there, a role it does not admit) is FAILED_PRECONDITION / RULE_VIOLATED with
 * rule {@value #REFUSED_RULE} and digitization-service's code and reason in the metadata.
 */
@Singleton
public class DigitizationServiceClient implements ElectronicResults {

    public static final String SERVICE = "digitization-service";
    static final String REFUSED_RULE = "ELECTRONIC_RESULT_LOOKUP_REFUSED";
    private static final String VERDICT_PREFIX = "SIGNATURE_VERDICT_";

    private static final Logger LOG = LoggerFactory.getLogger(DigitizationServiceClient.class);

    private final DigitizationServiceGrpc.DigitizationServiceBlockingStub stub;
    private final Duration timeout;

    public DigitizationServiceClient(
            @GrpcChannel("digitization") ManagedChannel channel,
            @Value("${motcua.digitization.call-timeout:5s}") Duration timeout) {
        this.stub = DigitizationServiceGrpc.newBlockingStub(
                ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null)));
        this.timeout = timeout;
    }

    @Override
    public Optional<AttachedResult> attached(String dossierCode) {
        DossierDigitization digitization;
        try {
            digitization = stub.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getDossierDigitization(GetDossierDigitizationRequest.newBuilder()
                            .setDossierCode(dossierCode)
                            .build())
                    .getDigitization();
        } catch (StatusRuntimeException e) {
            throw failure(dossierCode, e);
        }
        return result(digitization);
    }

    /** The attached result of the answer, if any, with its verdict by the enum's short name (VALID, UNTRUSTED...). */
    static Optional<AttachedResult> result(DossierDigitization digitization) {
        if (!digitization.hasResult()) {
            return Optional.empty();
        }
        SignatureVerdict verdict = digitization.getResult().getSignature().getVerdict();
        String name =
                verdict == SignatureVerdict.UNRECOGNIZED || verdict == SignatureVerdict.SIGNATURE_VERDICT_UNSPECIFIED
                        ? ""
                        : verdict.name().substring(VERDICT_PREFIX.length());
        return Optional.of(new AttachedResult(digitization.getResult().getDocumentId(), name));
    }

    /** digitization-service's answer as one of dossier-service's errors (see the class comment). */
    static DomainException failure(String dossierCode, StatusRuntimeException e) {
        if (DownstreamFailures.unreachable(e.getStatus().getCode())) {
            LOG.warn(
                    "digitization-service did not tell the electronic result of dossier {}: {}",
                    dossierCode,
                    e.getStatus().getCode());
        }
        return DownstreamFailures.of(
                SERVICE,
                REFUSED_RULE,
                e,
                "whether dossier " + dossierCode + " has its electronic result attached is unknown, so the result"
                        + " was not issued");
    }
}
