package vn.motcua.platform.grpc;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * The worker pool that runs every gRPC handler of a service ({@code motcua.grpc.workers.*}, {@link GrpcWorkerPool}).
 * <ul>
 *   <li>{@code threads}: at most this many handlers run at once, default {@value #DEFAULT_THREADS}; further calls
 *       wait in the pool's queue. Above the datasource pool (8) so that calls which never reach the database (a
 *       refused token, a field error, the health check) are not stuck behind calls waiting for a connection.</li>
 *   <li>{@code keep-alive}: an idle worker ends after this long, default 60s, so an idle service holds no threads</li>
 * </ul>
 */
@ConfigurationProperties("motcua.grpc.workers")
public class GrpcWorkerConfiguration {

    public static final int DEFAULT_THREADS = 32;
    /** Prefix of the workers' thread names: a handler on any other thread is a defect (GrpcHandlerThreadsIT). */
    public static final String THREAD_PREFIX = "grpc-worker-";

    private int threads = DEFAULT_THREADS;
    private Duration keepAlive = Duration.ofSeconds(60);

    public int getThreads() {
        return threads;
    }

    public void setThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("motcua.grpc.workers.threads must be 1 or more: " + threads);
        }
        this.threads = threads;
    }

    public Duration getKeepAlive() {
        return keepAlive;
    }

    public void setKeepAlive(Duration keepAlive) {
        this.keepAlive = keepAlive;
    }
}
