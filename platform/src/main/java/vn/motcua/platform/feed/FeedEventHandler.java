package vn.motcua.platform.feed;

import java.util.List;

/**
 * A consumer's effect for one event. Runs inside the consumer's transaction together with the dedup record and
 * the cursor update, so the effect happens exactly once even though delivery is at-least-once.
 */
@FunctionalInterface
public interface FeedEventHandler {
    void apply(FeedEvent event);

    /**
     * The effect of a run of fresh events (seq order, duplicates already removed), all in one transaction: see
     * {@link FeedCursorStore#applyBatch}. A handler that can do a run's work in fewer statements than event by event
     * overrides this; the result must equal applying the events one by one.
     */
    default void applyAll(List<FeedEvent> events) {
        events.forEach(this::apply);
    }
}
