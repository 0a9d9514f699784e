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
 * Follows payment-service's change feed (grpc.channels.payment). Disabled with
 * {@code motcua.report.feeds.payment.enabled: false}.
 */
@Singleton
@Requires(property = PaymentFeedConsumer.ENABLED, notEquals = "false")
public class PaymentFeedConsumer extends FollowedFeed {

    public static final String ENABLED = "motcua.report.feeds.payment.enabled";
    public static final String SOURCE = "payment-service";

    public PaymentFeedConsumer(
            @GrpcChannel("payment") ManagedChannel channel,
            ServiceAccountTokens serviceAccount,
            FeedCursorStore cursors,
            PaymentFeedHandler handler,
            Leases leases,
            @Value(BATCH_SIZE) int batchSize) {
        super(SOURCE, channel, serviceAccount, cursors, handler, leases, batchSize);
    }
}
