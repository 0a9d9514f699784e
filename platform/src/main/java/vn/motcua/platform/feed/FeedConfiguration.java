package vn.motcua.platform.feed;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.List;

/**
 * Change-feed producer settings ({@code motcua.feed.*}).
 * <ul>
 *   <li>{@code source}: this service's name in event envelopes; the feed endpoint is served only when it is set</li>
 *   <li>{@code poll-interval}: how often a subscription looks for new events, default 200ms</li>
 *   <li>{@code heartbeat-interval}: default 5s</li>
 *   <li>{@code max-batch}: events per poll, default 500</li>
 *   <li>{@code retention}: events older than this are pruned, default 90 days; older cursors get CURSOR_EXPIRED</li>
 *   <li>{@code relay-enabled}: run {@link FeedRelay} in this process, default true</li>
 *   <li>{@code relay-interval}: pause of the relay after a batch while events keep coming, default 100ms: the
 *       latency an event adds between its commit and readers seeing it (ADR 0006). At 10ms a steady intake of ~100
 *       receptions/s cost one relay transaction per reception; at 100ms the relay numbers ~10 per transaction, and
 *       readers, who poll every {@code poll-interval} (200ms), wait on average 50ms more.</li>
 *   <li>{@code relay-idle-interval}: pause after finding nothing to number, default 100ms (each look is a small
 *       transaction, in every producing service, all day long)</li>
 *   <li>{@code relay-batch}: rows numbered per relay transaction, default 1000</li>
 *   <li>{@code allowed-clients}: OAuth clients (service accounts) allowed to subscribe</li>
 * </ul>
 */
@ConfigurationProperties("motcua.feed")
public class FeedConfiguration {

    private String source;
    private Duration pollInterval = Duration.ofMillis(200);
    private Duration heartbeatInterval = Duration.ofSeconds(5);
    private int maxBatch = 500;
    private Duration retention = Duration.ofDays(90);
    private boolean relayEnabled = true;
    private Duration relayInterval = Duration.ofMillis(100);
    private Duration relayIdleInterval = Duration.ofMillis(100);
    private int relayBatch = 1000;
    private List<String> allowedClients = List.of("motcua-report-service");

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public int getMaxBatch() {
        return maxBatch;
    }

    public void setMaxBatch(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public List<String> getAllowedClients() {
        return allowedClients;
    }

    public void setAllowedClients(List<String> allowedClients) {
        this.allowedClients = List.copyOf(allowedClients);
    }

    public boolean isRelayEnabled() {
        return relayEnabled;
    }

    public void setRelayEnabled(boolean relayEnabled) {
        this.relayEnabled = relayEnabled;
    }

    public Duration getRelayInterval() {
        return relayInterval;
    }

    public void setRelayInterval(Duration relayInterval) {
        this.relayInterval = relayInterval;
    }

    public Duration getRelayIdleInterval() {
        return relayIdleInterval;
    }

    public void setRelayIdleInterval(Duration relayIdleInterval) {
        this.relayIdleInterval = relayIdleInterval;
    }

    public int getRelayBatch() {
        return relayBatch;
    }

    public void setRelayBatch(int relayBatch) {
        this.relayBatch = relayBatch;
    }
}
