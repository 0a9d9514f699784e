package vn.motcua.dossier.calendar;

import java.time.Instant;
import java.util.Objects;

/** A stretch during which the processing clock is stopped, e.g. waiting for a supplement. */
public record Pause(Instant from, Instant to) {

    public Pause {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Pause ends before it starts: " + from + " > " + to);
        }
    }
}
