package vn.motcua.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The protocol's signature against vectors computed outside Java, e.g.
 * {@code printf '%s' "$canonical" | openssl dgst -sha512 -hmac "$secret"}.
 */
class ProviderSignerTest {

    private static final String SECRET = "motcua-demo-payment-provider-secret";

    private static Map<String, String> order() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("return_url", "http://127.0.0.1:8080/r?x=1&y=2");
        p.put("order_ref", "PAY-ABCDEFGHIJKLMNOPQRST-1");
        p.put("merchant_id", "MOTCUA-DEMO");
        p.put("amount", "20000");
        p.put("order_info", "Thanh toán phí hồ sơ");
        p.put("currency", "VND");
        p.put("client_ip", "");
        return p;
    }

    @Test
    void signsTheSortedUrlEncodedNonEmptyParameters() {
        assertThat(ProviderSigner.canonical(order()))
                .isEqualTo("amount=20000&currency=VND&merchant_id=MOTCUA-DEMO"
                        + "&order_info=Thanh+to%C3%A1n+ph%C3%AD+h%E1%BB%93+s%C6%A1&order_ref=PAY-ABCDEFGHIJKLMNOPQRST-1"
                        + "&return_url=http%3A%2F%2F127.0.0.1%3A8080%2Fr%3Fx%3D1%26y%3D2");
        assertThat(new ProviderSigner(SECRET).sign(order()))
                .isEqualTo("0976b25897315413f8dc7f2a9e4e4da561ab29c1a10258b74ce69388a7724f89"
                        + "c5a04fc90c04ce1c501300c2b062369b6cf6d498457e08c525f0a60d911d2019");
    }

    @Test
    void encodesLikeUrlEncoderWithAUtf8Secret() {
        Map<String, String> p = Map.of("b", "~* '", "a", "1", "secure_hash", "ignored");
        assertThat(ProviderSigner.canonical(p)).isEqualTo("a=1&b=%7E*+%27");
        assertThat(new ProviderSigner("bí mật").sign(p))
                .isEqualTo("deaa82952077915d912ff8a843d239d550102df12c065804838fb365417e103f"
                        + "7b4dae07a454857030836ccf71cd3a9b6453178c6ca08a56bac2fc360029ed3b");
    }

    @Test
    void verifiesItsOwnSignatureInEitherCaseAndRefusesAnyChange() {
        ProviderSigner signer = new ProviderSigner(SECRET);
        Map<String, String> signed = new HashMap<>(signer.signed(order()));
        assertThat(signer.verify(signed)).isTrue();

        signed.put("secure_hash", signed.get("secure_hash").toUpperCase());
        assertThat(signer.verify(signed)).isTrue();

        Map<String, String> tampered = new HashMap<>(signed);
        tampered.put("amount", "2000");
        assertThat(signer.verify(tampered)).isFalse();

        Map<String, String> added = new HashMap<>(signed);
        added.put("extra", "1");
        assertThat(signer.verify(added)).isFalse();

        Map<String, String> unsigned = new HashMap<>(order());
        assertThat(signer.verify(unsigned)).isFalse();

        assertThat(new ProviderSigner("another-secret").verify(signed)).isFalse();
    }

    @Test
    void theCallbackVerifierChecksSignatureMerchantCurrencyAndShape() {
        ProviderSigner signer = new ProviderSigner(SECRET);
        CallbackVerifier verifier = new CallbackVerifier(signer, "MOTCUA-DEMO");
        Map<String, String> ipn = new HashMap<>();
        ipn.put("merchant_id", "MOTCUA-DEMO");
        ipn.put("order_ref", "PAY-ABCDEFGHIJKLMNOPQRST-1");
        ipn.put("amount", "45000");
        ipn.put("currency", "VND");
        ipn.put("response_code", "00");
        ipn.put("transaction_no", "14001234");
        ipn.put("pay_date", "20261207093512");

        assertThat(verifier.verify(signer.signed(ipn)))
                .isEqualTo(new CallbackVerifier.Verified(new ProviderNotification(
                        "PAY-ABCDEFGHIJKLMNOPQRST-1",
                        45000,
                        "00",
                        "14001234",
                        java.time.Instant.parse("2026-12-07T02:35:12Z"))));

        Map<String, String> forged = new HashMap<>(signer.signed(ipn));
        forged.put("amount", "1");
        assertThat(code(verifier.verify(forged))).isEqualTo("97");

        Map<String, String> otherMerchant = new HashMap<>(ipn);
        otherMerchant.put("merchant_id", "SOMEONE-ELSE");
        assertThat(code(verifier.verify(signer.signed(otherMerchant)))).isEqualTo("01");

        Map<String, String> dollars = new HashMap<>(ipn);
        dollars.put("currency", "USD");
        assertThat(code(verifier.verify(signer.signed(dollars)))).isEqualTo("04");

        Map<String, String> noTransaction = new HashMap<>(ipn);
        noTransaction.remove("transaction_no");
        assertThat(code(verifier.verify(signer.signed(noTransaction)))).isEqualTo("99");
    }

    @Test
    void theRedirectCarriesTheSignedOrder() {
        ProviderConfiguration config = new ProviderConfiguration();
        config.setSecret(SECRET);
        config.setBaseUrl("http://127.0.0.1:8090/");
        String url = PaymentRedirect.url(
                config,
                new PaymentRedirect.Order(
                        "PAY-ABCDEFGHIJKLMNOPQRST-1",
                        45000,
                        "Thanh toán",
                        "http://127.0.0.1:8080/back",
                        java.time.Instant.parse("2026-12-07T02:00:00Z"),
                        java.time.Instant.parse("2026-12-07T02:15:00Z"),
                        "vn",
                        "10.0.0.1"));
        assertThat(url).startsWith("http://127.0.0.1:8090/pay?");
        Map<String, String> params = new HashMap<>();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(
                    java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(params)
                .containsEntry("created_at", "20261207090000")
                .containsEntry("expire_at", "20261207091500")
                .containsEntry("notify_url", "http://127.0.0.1:8080/api/v1/payments/provider/callback")
                .containsEntry("order_info", "Thanh toán");
        assertThat(new ProviderSigner(SECRET).verify(params)).isTrue();
    }

    private static String code(CallbackVerifier.Result r) {
        return ((CallbackVerifier.Rejected) r).providerCode();
    }
}
