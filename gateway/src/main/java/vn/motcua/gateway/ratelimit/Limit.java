package vn.motcua.gateway.ratelimit;

/** Sustained rate and burst size of one client's bucket. */
public record Limit(double requestsPerSecond, int burst) {

    public Limit {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requests-per-second must be a positive number: " + requestsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
    }
}
