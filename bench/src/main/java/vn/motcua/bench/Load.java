package vn.motcua.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: N clients on a fixed thread pool (Java 17 has no virtual threads), each sending its next request
 * as soon as the previous one answered. Every run is bounded twice: it stops at its deadline or after its maximum
 * number of requests, whichever comes first.
 */
final class Load {

    /** One request; true when it succeeded (an exception or false counts as an error). */
    @FunctionalInterface
    interface Op {
        boolean call(int client) throws Exception;
    }

    /** The outcome of a measured run. Latencies of successful requests only; errors are counted apart. */
    record Result(long ok, long errors, double seconds, double p50Ms, double p99Ms, String firstError) {

        double rate() {
            return seconds <= 0 ? 0 : ok / seconds;
        }
    }

    private Load() {}

    static Result run(int clients, double seconds, long maxRequests, Op op) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        });
        AtomicLong issued = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Future<Histogram>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                // 1 microsecond .. 60 s, 3 significant digits
                Histogram h = new Histogram(60_000_000L, 3);
                while (System.nanoTime() < deadline && issued.incrementAndGet() <= maxRequests) {
                    long t0 = System.nanoTime();
                    boolean success;
                    try {
                        success = op.call(client);
                        if (!success) {
                            firstError.compareAndSet(null, "unexpected answer");
                        }
                    } catch (Exception e) {
                        success = false;
                        firstError.compareAndSet(null, e.toString());
                    }
                    long micros = Math.max(1, (System.nanoTime() - t0) / 1000);
                    if (success) {
                        h.recordValue(Math.min(micros, 60_000_000L));
                        ok.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                }
                return h;
            }));
        }
        Histogram all = new Histogram(60_000_000L, 3);
        try {
            for (Future<Histogram> f : futures) {
                all.add(f.get());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double p50 = all.getTotalCount() == 0 ? Double.NaN : all.getValueAtPercentile(50) / 1000.0;
        double p99 = all.getTotalCount() == 0 ? Double.NaN : all.getValueAtPercentile(99) / 1000.0;
        return new Result(ok.get(), errors.get(), elapsed, p50, p99, firstError.get());
    }
}
