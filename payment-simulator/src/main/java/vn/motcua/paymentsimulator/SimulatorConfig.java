package vn.motcua.paymentsimulator;

import java.time.Duration;
import java.util.Map;

/**
 * Settings, each from a flag ({@code --port=8090}) or else the environment, else the default.
 *
 * @param port         HTTP port ({@code --port}, MOTCUA_PAYMENT_SIMULATOR_PORT, default 8090; 0 = any free port)
 * @param bind         listen address ({@code --bind}, MOTCUA_PAYMENT_SIMULATOR_BIND, default 127.0.0.1)
 * @param merchantId   the one merchant it serves ({@code --merchant-id}, MOTCUA_PAYMENT_PROVIDER_MERCHANT_ID,
 *                     default MOTCUA-DEMO)
 * @param secret       the merchant's signing secret ({@code --secret}, MOTCUA_PAYMENT_PROVIDER_SECRET, default
 *                     {@link #DEMO_SECRET}: a demo value, never for real money)
 * @param ipnAttempts  deliveries of one notification before giving up ({@code --ipn-attempts},
 *                     MOTCUA_PAYMENT_SIMULATOR_IPN_ATTEMPTS, default 8)
 * @param ipnRetry     first pause between deliveries, doubled each time up to 30 s ({@code --ipn-retry-ms},
 *                     MOTCUA_PAYMENT_SIMULATOR_IPN_RETRY_MS, default 1000)
 */
public record SimulatorConfig(
        int port, String bind, String merchantId, String secret, int ipnAttempts, Duration ipnRetry) {

    public static final String DEMO_SECRET = "motcua-demo-payment-provider-secret";

    public static SimulatorConfig from(String[] args, Map<String, String> env) {
        return new SimulatorConfig(
                Integer.parseInt(setting(args, env, "port", "MOTCUA_PAYMENT_SIMULATOR_PORT", "8090")),
                setting(args, env, "bind", "MOTCUA_PAYMENT_SIMULATOR_BIND", "127.0.0.1"),
                setting(args, env, "merchant-id", "MOTCUA_PAYMENT_PROVIDER_MERCHANT_ID", "MOTCUA-DEMO"),
                setting(args, env, "secret", "MOTCUA_PAYMENT_PROVIDER_SECRET", DEMO_SECRET),
                Integer.parseInt(setting(args, env, "ipn-attempts", "MOTCUA_PAYMENT_SIMULATOR_IPN_ATTEMPTS", "8")),
                Duration.ofMillis(Long.parseLong(
                        setting(args, env, "ipn-retry-ms", "MOTCUA_PAYMENT_SIMULATOR_IPN_RETRY_MS", "1000"))));
    }

    public boolean demoSecret() {
        return DEMO_SECRET.equals(secret);
    }

    private static String setting(
            String[] args, Map<String, String> env, String flag, String variable, String fallback) {
        String prefix = "--" + flag + "=";
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
