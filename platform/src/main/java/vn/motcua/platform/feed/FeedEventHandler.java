package vn.motcua.platform.feed;

/**
 * A consumer's effect for one event. Runs inside the consumer's transaction together with the dedup record and
 * the cursor update, so the effect happens exactly once even though delivery is at-least-once.
 */
@FunctionalInterface
public interface FeedEventHandler {
    void apply(FeedEvent event);
}
