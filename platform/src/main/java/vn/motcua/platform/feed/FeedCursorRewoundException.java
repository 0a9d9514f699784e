package vn.motcua.platform.feed;

/**
 * The stored cursor of a consumer is behind what its running subscriber already applied: someone rewound it (a
 * projection rebuild deletes the consumer's cursor and dedup log to replay the feed from seq 0). The batch is not
 * applied; the subscriber resubscribes from the stored cursor.
 */
public class FeedCursorRewoundException extends RuntimeException {

    private final long storedSeq;

    public FeedCursorRewoundException(String consumer, String source, long storedSeq, long expectedSeq) {
        super("cursor of " + consumer + " on " + source + " is at " + storedSeq + ", behind the " + expectedSeq
                + " this subscriber applied: following again from " + storedSeq);
        this.storedSeq = storedSeq;
    }

    public long storedSeq() {
        return storedSeq;
    }
}
