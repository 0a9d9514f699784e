package vn.motcua.gateway.payment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.grpc.StatusRuntimeException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.http.RequestIds;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.proto.payment.v1.HandleProviderCallbackRequest;
import vn.motcua.proto.payment.v1.HandleProviderCallbackResponse;
import vn.motcua.proto.payment.v1.HandleProviderReturnRequest;
import vn.motcua.proto.payment.v1.HandleProviderReturnResponse;
import vn.motcua.proto.payment.v1.PaymentServiceGrpc.PaymentServiceBlockingStub;

/**
 * The payment provider's two ways back (docs/payment-provider-protocol.md sections 2 and 3), public because the
 * provider and the payer's browser carry no token: the signature over the parameters is the proof, and
 * payment-service verifies it before anything changes. The gateway judges nothing here: it relays every query
 * parameter unchanged (the first value of a repeated one) and answers in the provider's terms, never with a
 * problem+json: the provider reads only {"RspCode","Message"} with HTTP 200, and a person only follows a redirect.
 */
@Controller("/api/v1/payments/provider")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ProviderController {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderController.class);
    /** What the provider gets when payment-service could not answer: "99", so it delivers the notification again. */
    static final ProviderAnswer UNKNOWN_ERROR = new ProviderAnswer("99", "Unknown error");
    /** The console's page for a return that did not verify or could not be handled: says nothing it cannot know. */
    static final String NEUTRAL_PAGE = "/#/thanh-toan/ket-qua";

    private static final Pattern DOSSIER_CODE = Pattern.compile("[A-Za-z0-9.\\-]{1,64}");

    private final Downstream downstream;
    private final PaymentServiceBlockingStub payments;

    public ProviderController(Downstream downstream, PaymentServiceBlockingStub payments) {
        this.downstream = downstream;
        this.payments = payments;
    }

    /**
     * The provider's server-to-server notification (IPN). Every query parameter goes to payment-service as received;
     * the answer is always HTTP 200 application/json {RspCode, Message}: 00 confirmed, 01 order not found, 02
     * already confirmed, 04 invalid amount, 97 invalid signature, 99 other (the provider retries on anything but
     * 00 and 02).
     */
    @Get(value = "/callback", produces = MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.PUBLIC)
    public HttpResponse<ProviderAnswer> callback(HttpRequest<?> request) {
        HandleProviderCallbackRequest rpc = HandleProviderCallbackRequest.newBuilder()
                .putAllParameters(parameters(request))
                .build();
        ProviderAnswer answer;
        try {
            HandleProviderCallbackResponse response =
                    downstream.call(request, payments, s -> s.handleProviderCallback(rpc));
            answer = response.getProviderCode().isEmpty()
                    ? UNKNOWN_ERROR
                    : new ProviderAnswer(response.getProviderCode(), response.getProviderMessage());
        } catch (StatusRuntimeException e) {
            // payment-service down or failing: the provider must deliver again later, so not 00/02
            LOG.warn(
                    "provider callback not handled: requestId={} code={}",
                    RequestIds.of(request),
                    e.getStatus().getCode());
            answer = UNKNOWN_ERROR;
        }
        return HttpResponse.ok(answer).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    /**
     * The payer's browser coming back from the provider. The parameters are relayed like a notification's; a
     * verified return sends the payer (303) to their dossier's page in the console, anything else to a neutral
     * page that tells them to look at the dossier.
     */
    @Get("/return")
    @Access(AccessPolicy.PUBLIC)
    public HttpResponse<?> providerReturn(HttpRequest<?> request) {
        HandleProviderReturnRequest rpc = HandleProviderReturnRequest.newBuilder()
                .putAllParameters(parameters(request))
                .build();
        String target = NEUTRAL_PAGE;
        try {
            HandleProviderReturnResponse response =
                    downstream.call(request, payments, s -> s.handleProviderReturn(rpc));
            String code = response.getPayment().getDossierCode();
            if (response.getVerified()
                    && response.hasPayment()
                    && DOSSIER_CODE.matcher(code).matches()) {
                target = "/#/ho-so/" + URLEncoder.encode(code, StandardCharsets.UTF_8);
            }
        } catch (StatusRuntimeException e) {
            LOG.warn(
                    "provider return not handled: requestId={} code={}",
                    RequestIds.of(request),
                    e.getStatus().getCode());
        }
        return HttpResponse.seeOther(URI.create(target));
    }

    /** Every query parameter, decoded once (as the provider signed them), the first value of a repeated one. */
    static Map<String, String> parameters(HttpRequest<?> request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> p : request.getParameters().asMap().entrySet()) {
            if (!p.getValue().isEmpty()) {
                out.put(p.getKey(), p.getValue().get(0));
            }
        }
        return out;
    }

    /** The provider's expected reply body; the names are the protocol's. */
    @Serdeable
    public record ProviderAnswer(
            @JsonProperty("RspCode") String rspCode,
            @JsonProperty("Message") String message) {}
}
