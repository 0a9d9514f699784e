package vn.motcua.payment.receipt.service;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The public check URL a receipt's QR encodes: {@code motcua.payment.public-receipt-url} with {@code {number}}
 * (URL-encoded, so its slashes become %2F) and {@code {check}} filled in.
 */
@Singleton
public class ReceiptLinks {

    public static final String DEFAULT_TEMPLATE = "http://localhost:8080/#/bien-lai/{number}?check={check}";

    private final String template;

    public ReceiptLinks(@Nullable @Property(name = "motcua.payment.public-receipt-url") String template) {
        this.template = template == null || template.isBlank() ? DEFAULT_TEMPLATE : template;
    }

    public String checkUrl(String number, String checkCode) {
        return template.replace("{number}", URLEncoder.encode(number, StandardCharsets.UTF_8))
                .replace("{check}", URLEncoder.encode(checkCode, StandardCharsets.UTF_8));
    }
}
