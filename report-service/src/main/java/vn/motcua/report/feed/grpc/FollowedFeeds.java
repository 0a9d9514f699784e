package vn.motcua.report.feed.grpc;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.platform.feed.FeedSubscriber;
import vn.motcua.report.projection.service.FeedPositions;

/** The positions of the three feeds: the stored cursor, and what this replica's follower heard, if it follows. */
@Singleton
public class FollowedFeeds implements FeedPositions {

    static final List<String> SOURCES =
            List.of(DossierFeedConsumer.SOURCE, PaymentFeedConsumer.SOURCE, DigitizationFeedConsumer.SOURCE);

    private final List<FollowedFeed> followed;
    private final FeedCursorStore cursors;

    public FollowedFeeds(List<FollowedFeed> followed, FeedCursorStore cursors) {
        this.followed = followed;
        this.cursors = cursors;
    }

    @Override
    public List<Position> positions() {
        return SOURCES.stream()
                .map(source -> {
                    Optional<FeedSubscriber> subscriber = followed.stream()
                            .filter(f -> f.source().equals(source))
                            .findFirst()
                            .flatMap(FollowedFeed::subscriber);
                    return new Position(
                            source,
                            cursors.cursor(FollowedFeed.CONSUMER, source),
                            subscriber.map(FeedSubscriber::highWaterSeen).orElse(0L),
                            subscriber.map(FeedSubscriber::lastError).orElse(""));
                })
                .toList();
    }
}
