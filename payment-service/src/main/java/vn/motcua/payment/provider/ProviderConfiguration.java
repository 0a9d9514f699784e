package vn.motcua.payment.provider;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * The payment provider ({@code motcua.payment.provider.*}; docs/payment-provider-protocol.md), defaults in
 * application.yml:
 * <ul>
 *   <li>{@code base-url}: the provider's root ({@code /pay}, {@code /query}, {@code /refund} below it)</li>
 *   <li>{@code merchant-id}: our merchant id at the provider</li>
 *   <li>{@code secret}: the HMAC-SHA512 signing secret, from MOTCUA_PAYMENT_PROVIDER_SECRET (a demo value only in the
 *       embedded profile)</li>
 *   <li>{@code notify-url}: where the provider sends its server-to-server notification (the gateway's public
 *       callback route)</li>
 *   <li>{@code connect-timeout}, {@code request-timeout}: for the status query and refund calls</li>
 * </ul>
 */
@ConfigurationProperties("motcua.payment.provider")
public class ProviderConfiguration {

    private String baseUrl = "http://127.0.0.1:8090";
    private String merchantId = "MOTCUA-DEMO";
    private String secret;
    private String notifyUrl = "http://127.0.0.1:8080/api/v1/payments/provider/callback";
    private Duration connectTimeout = Duration.ofSeconds(3);
    private Duration requestTimeout = Duration.ofSeconds(10);

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String getMerchantId() {
        return merchantId;
    }

    public void setMerchantId(String merchantId) {
        this.merchantId = merchantId;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getNotifyUrl() {
        return notifyUrl;
    }

    public void setNotifyUrl(String notifyUrl) {
        this.notifyUrl = notifyUrl;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    /** The signer for the configured secret; refuses to run without one. */
    public ProviderSigner signer() {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(
                    "motcua.payment.provider.secret is not set (environment MOTCUA_PAYMENT_PROVIDER_SECRET)");
        }
        return new ProviderSigner(secret);
    }
}
