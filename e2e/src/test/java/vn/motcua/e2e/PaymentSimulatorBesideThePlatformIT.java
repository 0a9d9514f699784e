package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The launcher runs the payment provider simulator as its own process beside the services, with the run's signing
 * secret (not the demo default): the provider answers requests signed with that secret and refuses the demo one.
 */
class PaymentSimulatorBesideThePlatformIT extends SystemTest {

    @Test
    void simulatorRunsWithTheSecretTheLauncherGaveIt() throws Exception {
        HttpResponse<String> health = get(platform.simulatorUrl() + "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).format(DateTimeFormatter.BASIC_ISO_DATE);
        HttpResponse<String> settlement = get(settlementUrl(today, platform.providerSecret));
        assertThat(settlement.statusCode()).isEqualTo(200);
        assertThat(settlement.headers().firstValue("Content-Type")).hasValue("text/csv; charset=UTF-8");
        assertThat(settlement.body()).startsWith("order_ref,transaction_no,amount,currency,pay_date,status");

        assertThat(get(settlementUrl(today, "motcua-demo-payment-provider-secret"))
                        .statusCode())
                .as("signed with the demo default instead of this run's secret")
                .isEqualTo(403);
        assertThat(get(platform.simulatorUrl() + "/admin/knobs").body()).contains("\"callback_drop\"");
    }

    private String settlementUrl(String date, String secret) throws Exception {
        Map<String, String> params = new TreeMap<>(Map.of("merchant_id", Platform.MERCHANT_ID, "date", date));
        StringBuilder canonical = new StringBuilder();
        params.forEach((name, value) -> canonical
                .append(canonical.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        String hash = HexFormat.of().formatHex(mac.doFinal(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        return platform.simulatorUrl() + "/settlement?" + canonical + "&secure_hash=" + hash;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
