package vn.motcua.payment.payment.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.List;

/**
 * {@code motcua.payment.*} (defaults documented in application.yml):
 * <ul>
 *   <li>{@code return-url-prefixes}: where the provider may send the payer back (StartOnlinePayment.return_url must
 *       start with one), so a forged request cannot turn the provider into an open redirect</li>
 *   <li>{@code expires-after}: how long a payment request stays payable, default P3D</li>
 *   <li>{@code attempt-timeout}: the provider's window for one online attempt (protocol expire_at), default PT15M;
 *       the sweep asks the provider about attempts still open after it</li>
 *   <li>{@code requester-clients}: service accounts that may create payment requests without an officer's token
 *       (dossier-service's system actor)</li>
 *   <li>{@code sweep-enabled}, {@code sweep-interval}, {@code sweep-batch}: the stuck-attempt and expiry sweep,
 *       run by the replica holding the database lease {@code payment-sweep}</li>
 * </ul>
 */
@ConfigurationProperties("motcua.payment")
public class PaymentConfiguration {

    private List<String> returnUrlPrefixes = List.of("http://127.0.0.1:8080/", "http://localhost:8080/");
    private Duration expiresAfter = Duration.ofDays(3);
    private Duration attemptTimeout = Duration.ofMinutes(15);
    private List<String> requesterClients = List.of("motcua-dossier-service");
    private boolean sweepEnabled = true;
    private Duration sweepInterval = Duration.ofMinutes(1);
    private int sweepBatch = 100;

    public List<String> getReturnUrlPrefixes() {
        return returnUrlPrefixes;
    }

    public void setReturnUrlPrefixes(List<String> returnUrlPrefixes) {
        this.returnUrlPrefixes = List.copyOf(returnUrlPrefixes);
    }

    public Duration getExpiresAfter() {
        return expiresAfter;
    }

    public void setExpiresAfter(Duration expiresAfter) {
        this.expiresAfter = expiresAfter;
    }

    public Duration getAttemptTimeout() {
        return attemptTimeout;
    }

    public void setAttemptTimeout(Duration attemptTimeout) {
        this.attemptTimeout = attemptTimeout;
    }

    public List<String> getRequesterClients() {
        return requesterClients;
    }

    public void setRequesterClients(List<String> requesterClients) {
        this.requesterClients = List.copyOf(requesterClients);
    }

    public boolean isSweepEnabled() {
        return sweepEnabled;
    }

    public void setSweepEnabled(boolean sweepEnabled) {
        this.sweepEnabled = sweepEnabled;
    }

    public Duration getSweepInterval() {
        return sweepInterval;
    }

    public void setSweepInterval(Duration sweepInterval) {
        this.sweepInterval = sweepInterval;
    }

    public int getSweepBatch() {
        return sweepBatch;
    }

    public void setSweepBatch(int sweepBatch) {
        this.sweepBatch = sweepBatch;
    }
}
