package vn.motcua.platform.feed;

import java.util.HashMap;
import java.util.Map;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;

/** Properties shared by the feed integration tests: a throwaway MariaDB database, test tokens, feed settings. */
final class FeedItSupport {

    static final String CONSUMER_CLIENT = "it-consumer";

    private FeedItSupport() {}

    static Map<String, String> properties(TestDatabase db, TestIdentityProvider idp) {
        Map<String, String> props = new HashMap<>(db.micronautProperties("classpath:db/platform", "classpath:db/it"));
        props.putAll(idp.authProperties());
        props.put("micronaut.application.name", "platform-it");
        props.put("motcua.feed.source", "it-producer");
        props.put("motcua.feed.allowed-clients", CONSUMER_CLIENT);
        props.put("motcua.feed.poll-interval", "20ms");
        props.put("motcua.feed.heartbeat-interval", "200ms");
        props.put("motcua.feed.max-batch", "50");
        return props;
    }
}
