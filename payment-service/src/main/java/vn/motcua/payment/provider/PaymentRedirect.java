package vn.motcua.payment.provider;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the signed redirect to the provider's pay page (protocol section 1). */
public final class PaymentRedirect {

    private PaymentRedirect() {}

    /** What the merchant asks the provider to collect for one attempt. */
    public record Order(
            String orderRef,
            long amountDong,
            String orderInfo,
            String returnUrl,
            Instant createdAt,
            Instant expireAt,
            String locale,
            String clientIp) {}

    public static String url(ProviderConfiguration config, Order order) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("merchant_id", config.getMerchantId());
        params.put("order_ref", order.orderRef());
        params.put("amount", Long.toString(order.amountDong()));
        params.put("currency", "VND");
        params.put("order_info", order.orderInfo());
        params.put("return_url", order.returnUrl());
        params.put("notify_url", config.getNotifyUrl());
        params.put("created_at", ProviderTime.format(order.createdAt()));
        params.put("expire_at", ProviderTime.format(order.expireAt()));
        params.put("locale", order.locale());
        params.put("client_ip", order.clientIp());
        return config.getBaseUrl() + "/pay?" + query(config.signer().signed(params));
    }

    /** name=value pairs URL-encoded as the signature encodes them; empty values are left out. */
    static String query(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }
}
