package vn.motcua.gateway.payment;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.motcua.gateway.dossier.ActionInput;
import vn.motcua.gateway.dossier.IdempotencyKeys;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.gateway.http.ClientAddress;
import vn.motcua.gateway.problem.JsonPaths;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.security.RoleDocs;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.payment.v1.CancelPaymentRequest;
import vn.motcua.proto.payment.v1.CheckReceiptRequest;
import vn.motcua.proto.payment.v1.GetPaymentRequest;
import vn.motcua.proto.payment.v1.GetReceiptPdfRequest;
import vn.motcua.proto.payment.v1.GetReceiptPdfResponse;
import vn.motcua.proto.payment.v1.ListPaymentsRequest;
import vn.motcua.proto.payment.v1.ListPaymentsResponse;
import vn.motcua.proto.payment.v1.PaymentChannel;
import vn.motcua.proto.payment.v1.PaymentServiceGrpc.PaymentServiceBlockingStub;
import vn.motcua.proto.payment.v1.PaymentStatus;
import vn.motcua.proto.payment.v1.RecordCounterPaymentRequest;
import vn.motcua.proto.payment.v1.RefundPaymentRequest;
import vn.motcua.proto.payment.v1.StartOnlinePaymentRequest;
import vn.motcua.proto.payment.v1.StartOnlinePaymentResponse;

/**
 * Fees of a dossier (PaymentService, served by payment-service): the dossier's payment requests, paying online
 * (the citizen), counter payments, cancellation and refunds (the reception officer), the receipt's PDF and the
 * public receipt check the receipt's QR code opens. POST actions map Idempotency-Key to request_id and If-Match
 * (the payment's ETag, {@code "r<revision>"}) to expected_revision; bodies are read strictly as JSON (unknown
 * fields and wrong types are a 400 before any call). Amounts are whole đồng; whether one is right (positive, equal
 * to what is owed, not above what was paid) is payment-service's rule, whose field violations reach the client
 * under the same JSON names. Who may see or act on which payment (the payer; officers of the unit subtree) is the
 * service's rule too: the gateway admits the broad group (x-roles).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PaymentsController {

    static final Map<String, PaymentChannel> COUNTER_CHANNELS = Map.of(
            "COUNTER_CASH", PaymentChannel.PAYMENT_CHANNEL_COUNTER_CASH,
            "COUNTER_CARD", PaymentChannel.PAYMENT_CHANNEL_COUNTER_CARD,
            "POSTAL", PaymentChannel.PAYMENT_CHANNEL_POSTAL);
    static final Map<String, PaymentStatus> STATUSES = Map.of(
            "AWAITING", PaymentStatus.PAYMENT_STATUS_AWAITING,
            "IN_PROGRESS", PaymentStatus.PAYMENT_STATUS_IN_PROGRESS,
            "PAID", PaymentStatus.PAYMENT_STATUS_PAID,
            "FAILED", PaymentStatus.PAYMENT_STATUS_FAILED,
            "CANCELLED", PaymentStatus.PAYMENT_STATUS_CANCELLED,
            "EXPIRED", PaymentStatus.PAYMENT_STATUS_EXPIRED,
            "ERROR", PaymentStatus.PAYMENT_STATUS_ERROR);
    static final Set<String> LOCALES = Set.of("vn", "en");
    /** The provider callback's path on this gateway; where the payer's browser comes back to. */
    static final String RETURN_PATH = "/api/v1/payments/provider/return";

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,120}\\.pdf");
    // a Host header as a browser or client sends it: the only part of the request the return URL is built from
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}(:\\d{1,5})?");
    private static final MediaType PDF = MediaType.of("application/pdf");
    private static final Pattern AMOUNT_PATH = Pattern.compile("^amount\\.(amount|currencyCode)$");

    private final Downstream downstream;
    private final PaymentServiceBlockingStub payments;
    private final JsonMapper json;
    private final ClientAddress clientAddress;
    private final String returnUrl;

    public PaymentsController(
            Downstream downstream,
            PaymentServiceBlockingStub payments,
            JsonMapper json,
            ClientAddress clientAddress,
            @Value("${motcua.gateway.payment.return-url:}") String returnUrl) {
        this.downstream = downstream;
        this.payments = payments;
        this.json = json;
        this.clientAddress = clientAddress;
        this.returnUrl = returnUrl;
    }

    /** The payer or officers in scope: a dossier's payment requests, newest first. Query: status?, pageSize, pageToken. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_PAYMENT_READERS,
                                            parseValue = true)))
    @Get("/dossiers/{code}/payments")
    @Access(AccessPolicy.AUTHENTICATED)
    public PaymentJson.Page list(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @QueryValue String status,
            @Nullable @QueryValue String pageSize,
            @Nullable @QueryValue String pageToken) {
        Violations v = new Violations();
        String dossier = v.code("code", code, true);
        PaymentStatus wanted = v.oneOf("status", status, false, STATUSES);
        PageRequest page = v.page(pageSize, pageToken);
        v.throwIfAny();
        ListPaymentsRequest rpc = ListPaymentsRequest.newBuilder()
                .setDossierCode(dossier)
                .setStatus(wanted == null ? PaymentStatus.PAYMENT_STATUS_UNSPECIFIED : wanted)
                .setPage(page)
                .build();
        ListPaymentsResponse response = call(request, s -> s.listPayments(rpc));
        return new PaymentJson.Page(
                response.getPaymentsList().stream().map(PaymentJson::from).toList(),
                ProtoValues.text(response.getPage().getNextPageToken()));
    }

    /** The payer or officers in scope: one payment request with its receipt and refunds; answers its ETag. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_PAYMENT_READERS,
                                            parseValue = true)))
    @Get("/payments/{id}")
    @Access(AccessPolicy.AUTHENTICATED)
    public PaymentJson get(HttpRequest<?> request, @PathVariable String id) {
        Violations v = new Violations();
        String valid = v.code("id", id, true);
        v.throwIfAny();
        GetPaymentRequest rpc = GetPaymentRequest.newBuilder().setId(valid).build();
        return PaymentJson.from(call(request, s -> s.getPayment(rpc)).getPayment());
    }

    /**
     * The payer (the citizen of the dossier): starts paying online, or again after a failed attempt. Body optional
     * {locale?: vn|en}. Answers {payment, redirectUrl}: send the payer's browser to redirectUrl (the provider's
     * page); the provider sends them back to GET /api/v1/payments/provider/return.
     */
    @Post("/payments/{id}:start-online")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.CITIZEN)
    public PaymentJson.Started startOnline(
            HttpRequest<?> request,
            @PathVariable String id,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String valid = v.code("id", id, true);
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        JsonBody b = JsonBody.read(json, body, false, Set.of("locale"), v);
        String locale = b.string("locale");
        if (locale != null && !LOCALES.contains(locale)) {
            v.add("locale", "must be one of en, vn");
        }
        v.throwIfAny();
        StartOnlinePaymentRequest rpc = StartOnlinePaymentRequest.newBuilder()
                .setRequestId(requestId)
                .setId(valid)
                .setReturnUrl(returnUrl(request))
                .setLocale(locale == null ? "vn" : locale)
                .setClientIp(clientAddress.of(request))
                .build();
        StartOnlinePaymentResponse started = call(request, s -> s.startOnlinePayment(rpc));
        return new PaymentJson.Started(PaymentJson.from(started.getPayment()), started.getRedirectUrl());
    }

    /**
     * Reception officer: a payment received at the desk (cash or card) or collected by the postal service. Body
     * {channel: COUNTER_CASH|COUNTER_CARD|POSTAL, amount (whole đồng, required: what was received), note?}. If-Match
     * optional.
     */
    @Post("/payments/{id}:record-counter")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.RECEPTION_OFFICER)
    public PaymentJson recordCounter(
            HttpRequest<?> request,
            @PathVariable String id,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput a = ActionInput.withBodyAt(
                json, request, "id", id, idempotencyKey, body, Set.of("channel", "amount", "note"));
        amountPaths(request);
        PaymentChannel channel = a.violations().oneOf("channel", a.body().string("channel"), true, COUNTER_CHANNELS);
        Money amount = amount(a.violations(), a.body(), "amount");
        String note = a.body().text("note");
        a.done();
        RecordCounterPaymentRequest rpc = a.revision(RecordCounterPaymentRequest.newBuilder())
                .setRequestId(a.requestId())
                .setId(a.path())
                .setChannel(channel)
                .setAmount(amount)
                .setNote(note)
                .build();
        return PaymentJson.from(call(request, s -> s.recordCounterPayment(rpc)).getPayment());
    }

    /** Reception officer: cancels a request nobody has paid (the fee is waived, the dossier ended). Body {reason}. */
    @Post("/payments/{id}:cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.RECEPTION_OFFICER)
    public PaymentJson cancel(
            HttpRequest<?> request,
            @PathVariable String id,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput a = ActionInput.withBodyAt(json, request, "id", id, idempotencyKey, body, Set.of("reason"));
        String reason = a.body().text("reason");
        a.done();
        CancelPaymentRequest rpc = a.revision(CancelPaymentRequest.newBuilder())
                .setRequestId(a.requestId())
                .setId(a.path())
                .setReason(reason)
                .build();
        return PaymentJson.from(call(request, s -> s.cancelPayment(rpc)).getPayment());
    }

    /**
     * Reception officer: a full or partial refund of a paid request. Body {amount (whole đồng, required), reason}.
     * Answers the payment with the refund in its refunds.
     */
    @Post("/payments/{id}:refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.RECEPTION_OFFICER)
    public PaymentJson refund(
            HttpRequest<?> request,
            @PathVariable String id,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        ActionInput a =
                ActionInput.withBodyAt(json, request, "id", id, idempotencyKey, body, Set.of("amount", "reason"));
        amountPaths(request);
        Money amount = amount(a.violations(), a.body(), "amount");
        String reason = a.body().text("reason");
        a.done();
        RefundPaymentRequest rpc = a.revision(RefundPaymentRequest.newBuilder())
                .setRequestId(a.requestId())
                .setId(a.path())
                .setAmount(amount)
                .setReason(reason)
                .build();
        return PaymentJson.from(call(request, s -> s.refundPayment(rpc)).getPayment());
    }

    /** The payer or officers in scope: the receipt (biên lai điện tử) of a paid request as PDF. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_PAYMENT_READERS,
                                            parseValue = true)))
    @Get(value = "/payments/{id}/receipt.pdf", produces = "application/pdf")
    @Access(AccessPolicy.AUTHENTICATED)
    public HttpResponse<byte[]> receiptPdf(HttpRequest<?> request, @PathVariable String id) {
        Violations v = new Violations();
        String valid = v.code("id", id, true);
        v.throwIfAny();
        GetReceiptPdfRequest rpc =
                GetReceiptPdfRequest.newBuilder().setId(valid).build();
        GetReceiptPdfResponse file = call(request, s -> s.getReceiptPdf(rpc));
        // the file name is the service's text: put it into a header only when it is plainly harmless
        String fileName =
                FILE_NAME.matcher(file.getFileName()).matches() ? file.getFileName() : "bien-lai-" + valid + ".pdf";
        return HttpResponse.ok(file.getContent().toByteArray())
                .contentType(PDF)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    /**
     * Anyone: what a receipt's QR code resolves to, with the check code it carries. The number is in its path form
     * ("11077-2026-000123" for receipt 11077/2026/000123). Answers the unit, dossier, amount, refunds and date, no
     * personal data; 404 when number and check do not belong together.
     */
    @Get("/public/receipts/{number}")
    @Access(AccessPolicy.PUBLIC)
    public PaymentJson.ReceiptCheck checkReceipt(
            HttpRequest<?> request, @PathVariable String number, @Nullable @QueryValue String check) {
        Violations v = new Violations();
        String valid = ReceiptNumbers.fromPath("number", number, v);
        String code = v.code("check", check, true);
        v.throwIfAny();
        CheckReceiptRequest rpc = CheckReceiptRequest.newBuilder()
                .setNumber(valid)
                .setCheckCode(code)
                .build();
        return PaymentJson.ReceiptCheck.from(call(request, s -> s.checkReceipt(rpc)));
    }

    /**
     * Where the provider sends the payer back: {@code motcua.gateway.payment.return-url} when set, else this
     * gateway's return route on the host the payer reached it by (payment-service only accepts URLs under its
     * configured prefixes, so a forged Host header cannot send the payer elsewhere).
     */
    private String returnUrl(HttpRequest<?> request) {
        if (!returnUrl.isBlank()) {
            return returnUrl;
        }
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (host == null || !HOST.matcher(host).matches()) {
            host = "127.0.0.1:8080";
        }
        return "http://" + host + RETURN_PATH;
    }

    /** The service's Money fields (amount.amount, amount.currency_code) are this route's one number "amount". */
    private static void amountPaths(HttpRequest<?> request) {
        JsonPaths.flattened(request, "", path -> AMOUNT_PATH.matcher(path).replaceFirst("amount"));
    }

    /** A required amount in whole đồng; its sign and size against what is owed are the service's rule. */
    private static Money amount(Violations v, JsonBody b, String name) {
        if (!b.has(name)) {
            v.missing(name);
            return Money.getDefaultInstance();
        }
        long value = b.longValue(name, Long.MIN_VALUE, Long.MAX_VALUE);
        return Money.newBuilder().setAmount(value).setCurrencyCode("VND").build();
    }

    private <R> R call(HttpRequest<?> request, Function<PaymentServiceBlockingStub, R> rpc) {
        return downstream.call(request, payments, rpc);
    }
}
