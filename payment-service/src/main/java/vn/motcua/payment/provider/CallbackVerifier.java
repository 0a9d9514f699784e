package vn.motcua.payment.provider;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a provider notification or return before anything is read or written (protocol sections 2-3): the
 * signature, then our merchant id, the currency, and that order reference, amount and response code are well formed.
 * What is refused carries the code the provider expects back (97 invalid signature, 01 order not found, 04 invalid
 * amount, 99 other); the caller logs it and changes nothing.
 */
public final class CallbackVerifier {

    private static final Pattern ORDER_REF = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,15}");
    private static final Pattern CODE = Pattern.compile("[0-9]{2}");

    private final ProviderSigner signer;
    private final String merchantId;

    public CallbackVerifier(ProviderSigner signer, String merchantId) {
        this.signer = signer;
        this.merchantId = merchantId;
    }

    /** The outcome of a verification. */
    public sealed interface Result permits Verified, Rejected {}

    public record Verified(ProviderNotification notification) implements Result {}

    /** @param providerCode what to answer the provider; {@code reason} is for the log only */
    public record Rejected(String providerCode, String reason) implements Result {}

    public Result verify(Map<String, String> params) {
        if (!signer.verify(params)) {
            return new Rejected("97", "invalid signature");
        }
        if (!merchantId.equals(params.get("merchant_id"))) {
            return new Rejected("01", "another merchant: " + params.get("merchant_id"));
        }
        String orderRef = params.getOrDefault("order_ref", "");
        if (!ORDER_REF.matcher(orderRef).matches()) {
            return new Rejected("01", "malformed order_ref");
        }
        if (!"VND".equals(params.get("currency"))) {
            return new Rejected("04", "currency " + params.get("currency"));
        }
        String amount = params.getOrDefault("amount", "");
        if (!AMOUNT.matcher(amount).matches()) {
            return new Rejected("04", "malformed amount");
        }
        String code = params.getOrDefault("response_code", "");
        if (!CODE.matcher(code).matches()) {
            return new Rejected("99", "malformed response_code");
        }
        String transactionNo = params.get("transaction_no");
        if ("00".equals(code) && (transactionNo == null || transactionNo.isBlank() || transactionNo.length() > 64)) {
            return new Rejected("99", "success without a transaction_no");
        }
        return new Verified(new ProviderNotification(
                orderRef,
                Long.parseLong(amount),
                code,
                transactionNo == null || transactionNo.isBlank() ? null : transactionNo,
                ProviderTime.parse(params.get("pay_date")).orElse(null)));
    }
}
