package vn.motcua.payment.receipt.service;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The public check URL a receipt's QR encodes: {@code motcua.payment.public-receipt-url} with {@code {number}}
 * (URL-encoded, so its slashes become %2F) and {@code {check}} filled in.
 */
@Singleton
public class ReceiptLinks {

    private final String template;

    public ReceiptLinks(
            @Value("${motcua.payment.public-receipt-url:`http://localhost:8080/#/bien-lai/{number}?check={check}`}")
                    String template) {
        this.template = template;
    }

    public String checkUrl(String number, String checkCode) {
        return template.replace("{number}", URLEncoder.encode(number, StandardCharsets.UTF_8))
                .replace("{check}", URLEncoder.encode(checkCode, StandardCharsets.UTF_8));
    }
}
