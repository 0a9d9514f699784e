package vn.motcua.report.projection.service;

import java.util.List;

/** Where each feed report-service follows stands; implemented by the feed adapters. */
public interface FeedPositions {

    /**
     * @param appliedSeq last seq whose effect is committed (the stored cursor)
     * @param highWater  the producer's last seq as last heard by this replica's follower (0 when this replica does not
     *                   follow it: another one holds the lease, or the feed is switched off)
     * @param lastError  the follower's last error, empty when none
     */
    record Position(String source, long appliedSeq, long highWater, String lastError) {}

    /** The dossier, payment and digitization feeds, in that order. */
    List<Position> positions();
}
