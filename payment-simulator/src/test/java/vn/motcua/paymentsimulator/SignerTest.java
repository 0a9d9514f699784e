package vn.motcua.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer against vectors computed outside Java, with {@code printf '%s' "$CANONICAL" | openssl dgst -sha512
 * -hmac "$SECRET"}, so the simulator and OpenSSL (not the simulator and itself) agree.
 */
class SignerTest {

    @Test
    void signsTheSortedUrlEncodedNonEmptyParametersLikeOpenssl() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("order_ref", "PAY-ABC-1");
        p.put("order_info", "Lệ phí hộ tịch");
        p.put("merchant_id", "MOTCUA-DEMO");
        p.put("currency", "VND");
        p.put("amount", "20000");
        p.put("locale", "");
        p.put("secure_hash", "ignored");

        assertThat(Signer.canonical(p))
                .isEqualTo("amount=20000&currency=VND&merchant_id=MOTCUA-DEMO"
                        + "&order_info=L%E1%BB%87+ph%C3%AD+h%E1%BB%99+t%E1%BB%8Bch&order_ref=PAY-ABC-1");
        // printf '%s' 'amount=20000&...&order_ref=PAY-ABC-1' | openssl dgst -sha512 -hmac 'secret'
        assertThat(new Signer("secret").sign(p))
                .isEqualTo("1d722a38368421c8ac74fc611daae134b340c4084926d7f5cec35383127982df"
                        + "fadebd97184b34cbc2ffe4b1c15921843ff3c619847a4d71353a91ea740f0c7e");
    }

    @Test
    void encodesUrlsAndSpecialCharactersAsUrlEncoderDoes() {
        Map<String, String> p = Map.of(
                "return_url", "http://127.0.0.1:8080/api/v1/payments/provider/return?x=1&y=~",
                "order_info", "Nộp phí * ~ +");

        String canonical = Signer.canonical(p);

        assertThat(canonical)
                .isEqualTo("order_info=N%E1%BB%99p+ph%C3%AD+*+%7E+%2B&return_url=http%3A%2F%2F127.0.0.1%3A8080"
                        + "%2Fapi%2Fv1%2Fpayments%2Fprovider%2Freturn%3Fx%3D1%26y%3D%7E");
        assertThat(new Signer(SimulatorConfig.DEMO_SECRET).sign(p))
                .isEqualTo("34b737787942e6c8494b00f9b5d4424a2382f97e74a011d83c35a0e5808ef83f"
                        + "0202b0834d56849e43be18b457555fabd63c9d270aff502a735caf754c92d8d2");
    }

    @Test
    void keyIsTheSecretsUtf8Bytes() {
        // printf '%s' 'a=1' | openssl dgst -sha512 -hmac 'khóa bí mật'
        assertThat(new Signer("khóa bí mật").sign(Map.of("a", "1")))
                .isEqualTo("9c4d3aa967a6bd8fd73c8a88e4a9342644266fd5cb7fa76484d54455c2b55db5"
                        + "923b075826ec91afb46a8846ca35829811a12fdfb7e8cf3d4f28bd90b27630c3");
    }

    @Test
    void namesSortInUtf8ByteOrder() {
        // 'Z' (0x5A) before '_' (0x5F) before 'a' (0x61)
        assertThat(Signer.canonical(Map.of("a", "1", "_x", "2", "Z", "3"))).isEqualTo("Z=3&_x=2&a=1");
    }

    @Test
    void verifiesItsOwnSignatureInEitherHexCaseAndRejectsATamperedOne() {
        Signer signer = new Signer("secret");
        Map<String, String> p = new LinkedHashMap<>(Map.of("order_ref", "PAY-1-1", "amount", "20000"));
        String hash = signer.sign(p);

        p.put("secure_hash", hash.toUpperCase(Locale.ROOT));
        assertThat(signer.verify(p)).isTrue();

        p.put("amount", "20001");
        assertThat(signer.verify(p)).isFalse();

        p.put("amount", "20000");
        p.put("secure_hash", "");
        assertThat(signer.verify(p)).isFalse();
        assertThat(new Signer("other").verify(Map.of("order_ref", "PAY-1-1", "amount", "20000", "secure_hash", hash)))
                .isFalse();
    }

    @Test
    void emptyValuesAreLeftOutSoAnAddedEmptyParameterKeepsTheSignatureValid() {
        Signer signer = new Signer("secret");
        assertThat(signer.sign(Map.of("a", "1", "b", ""))).isEqualTo(signer.sign(Map.of("a", "1")));
    }
}
