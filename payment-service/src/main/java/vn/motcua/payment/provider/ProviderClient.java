package vn.motcua.payment.provider;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The merchant's calls to the provider over HTTP (protocol sections 4 and 5): the status query that settles
 * unknown outcomes and the refund. Each answer must carry a valid signature over its own fields; an unsigned,
 * badly signed or unreadable answer, a timeout or a non-200 status is a {@link ProviderUnavailable}, and the caller
 * changes nothing.
 */
@Singleton
public class ProviderClient {

    private static final JsonFactory JSON = new JsonFactory();

    private final ProviderConfiguration config;
    private final Clock clock;
    private final HttpClient http;

    public ProviderClient(ProviderConfiguration config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The provider could not be asked, or its answer cannot be trusted. */
    public static class ProviderUnavailable extends RuntimeException {
        public ProviderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Section 4's answer.
     *
     * @param responseCode      00 found, 01 order not found, 97 invalid signature
     * @param transactionStatus as a notification's response_code, plus 01 pending
     */
    public record QueryAnswer(
            String responseCode, String transactionStatus, long amountDong, String transactionNo, Instant payDate) {

        public boolean found() {
            return "00".equals(responseCode);
        }

        public boolean pending() {
            return found() && "01".equals(transactionStatus);
        }
    }

    /** Section 5's answer: 00 done, 01 order not found, 02 amount too large, 97 invalid signature. */
    public record RefundAnswer(String responseCode) {
        public boolean done() {
            return "00".equals(responseCode);
        }
    }

    public QueryAnswer query(String orderRef) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("merchant_id", config.getMerchantId());
        form.put("order_ref", orderRef);
        form.put("request_id", UUID.randomUUID().toString().replace("-", ""));
        form.put("created_at", ProviderTime.format(clock.instant()));
        Map<String, String> answer = post("/query", form);
        String code = answer.getOrDefault("response_code", "");
        String amount = answer.getOrDefault("amount", "");
        long amountDong;
        try {
            amountDong = amount.isEmpty() ? 0 : Long.parseLong(amount);
        } catch (NumberFormatException e) {
            throw new ProviderUnavailable("query answer with a malformed amount", e);
        }
        if ("00".equals(code) && !orderRef.equals(answer.get("order_ref"))) {
            throw new ProviderUnavailable("query answer about another order: " + answer.get("order_ref"), null);
        }
        return new QueryAnswer(
                code,
                answer.getOrDefault("transaction_status", ""),
                amountDong,
                blankToNull(answer.get("transaction_no")),
                ProviderTime.parse(answer.get("pay_date")).orElse(null));
    }

    public RefundAnswer refund(String orderRef, String refundRef, long amountDong) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("merchant_id", config.getMerchantId());
        form.put("order_ref", orderRef);
        form.put("refund_ref", refundRef);
        form.put("amount", Long.toString(amountDong));
        form.put("created_at", ProviderTime.format(clock.instant()));
        Map<String, String> answer = post("/refund", form);
        return new RefundAnswer(answer.getOrDefault("response_code", ""));
    }

    private Map<String, String> post(String path, Map<String, String> form) {
        ProviderSigner signer = config.signer();
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.getBaseUrl() + path))
                .timeout(config.getRequestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PaymentRedirect.query(signer.signed(form))))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProviderUnavailable("provider " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailable("interrupted while calling the provider", e);
        }
        if (response.statusCode() != 200) {
            throw new ProviderUnavailable("provider " + path + " answered HTTP " + response.statusCode(), null);
        }
        Map<String, String> answer = parseFlatJson(response.body());
        if (!signer.verify(answer)) {
            throw new ProviderUnavailable("provider " + path + " answer is not signed with our secret", null);
        }
        if (!config.getMerchantId().equals(answer.get("merchant_id"))) {
            throw new ProviderUnavailable("provider " + path + " answered for another merchant", null);
        }
        return answer;
    }

    /** A flat JSON object of scalar fields, as the protocol's answers are; every value as its text. */
    static Map<String, String> parseFlatJson(String body) {
        Map<String, String> out = new HashMap<>();
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ProviderUnavailable("provider answer is not a JSON object", null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_NULL) {
                    out.put(name, parser.getText());
                }
            }
        } catch (IOException e) {
            throw new ProviderUnavailable("provider answer is not readable JSON", e);
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
