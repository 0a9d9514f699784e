package vn.motcua.report.feed.grpc;

import io.grpc.ManagedChannel;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;
import vn.motcua.platform.auth.ServiceAccountTokens;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.platform.lease.Leases;

/**
 * Follows digitization-service's change feed (grpc.channels.digitization). Disabled with
 * {@code motcua.report.feeds.digitization.enabled: false}.
 */
@Singleton
@Requires(property = DigitizationFeedConsumer.ENABLED, notEquals = "false")
public class DigitizationFeedConsumer extends FollowedFeed {

    public static final String ENABLED = "motcua.report.feeds.digitization.enabled";
    public static final String SOURCE = "digitization-service";

    public DigitizationFeedConsumer(
            @GrpcChannel("digitization") ManagedChannel channel,
            ServiceAccountTokens serviceAccount,
            FeedCursorStore cursors,
            DigitizationFeedHandler handler,
            Leases leases,
            @Value(BATCH_SIZE) int batchSize) {
        super(SOURCE, channel, serviceAccount, cursors, handler, leases, batchSize);
    }
}
