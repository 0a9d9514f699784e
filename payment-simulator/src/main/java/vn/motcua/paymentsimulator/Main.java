package vn.motcua.paymentsimulator;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * {@code java -jar motcua-payment-simulator-*.jar [--port=8090] [--bind=127.0.0.1] [--merchant-id=MOTCUA-DEMO]
 * [--secret=...] [--ipn-attempts=8] [--ipn-retry-ms=1000]}; each flag also from the environment (see
 * {@link SimulatorConfig}). Prints {@code listening on http://HOST:PORT} once it accepts requests, and stops on
 * SIGTERM.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        // one line per record, UTC, like the services' logback pattern
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty(
                    "java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$-5s %3$s - %5$s%6$s%n");
        }
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
        Logger log = Logger.getLogger(Main.class.getName());
        SimulatorConfig config = SimulatorConfig.from(args, System.getenv());
        PaymentSimulator simulator = new PaymentSimulator(config, Clock.systemUTC()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            stopped.countDown();
                        },
                        "stop"));
        if (config.demoSecret()) {
            log.warning("signing with the demo secret (set MOTCUA_PAYMENT_PROVIDER_SECRET for anything but a demo)");
        }
        log.info("payment provider simulator for merchant " + config.merchantId());
        System.out.println("listening on http://" + config.bind() + ":" + simulator.port());
        System.out.flush();
        stopped.await();
    }
}
