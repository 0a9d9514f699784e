package vn.motcua.report.projection.domain;

import java.time.Instant;

/**
 * projection_state: the generation (one more per rebuild) and where a rebuild stands (see V2).
 *
 * @param resetting  a reset is emptying the tables: no writer may apply anything
 * @param rebuilding imported histories still to be re-applied after the last reset
 */
public record ProjectionState(
        long generation, boolean resetting, boolean rebuilding, Instant startedAt, String requestedBy, String reason) {}
