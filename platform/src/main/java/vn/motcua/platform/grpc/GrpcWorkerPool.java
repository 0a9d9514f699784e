package vn.motcua.platform.grpc;

import io.grpc.ServerBuilder;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every gRPC handler of a service on a bounded pool of worker threads ({@link GrpcWorkerConfiguration}).
 * <p>
 * Why: micronaut-grpc hands the server builder Micronaut's {@code io} executor, an unbounded cached pool, so a
 * burst of calls that wait for database connections grows one thread per call. And handlers do blocking JDBC: they
 * must never run on a Netty event-loop thread ({@code grpc-nio-worker-*}), where one blocked handler stalls every
 * call that loop serves (issue 9 saw one there). Setting the executor here, on the builder micronaut-grpc creates,
 * keeps both facts in one place; {@code GrpcHandlerThreadsIT} in each service proves handlers run on these threads.
 * The pool is made only when a gRPC server is built, so the gateway (no server) starts no threads.
 */
@Singleton
public class GrpcWorkerPool implements BeanCreatedEventListener<ServerBuilder<?>> {

    private final GrpcWorkerConfiguration config;
    private volatile ThreadPoolExecutor pool;

    public GrpcWorkerPool(GrpcWorkerConfiguration config) {
        this.config = config;
    }

    @Override
    public ServerBuilder<?> onCreated(BeanCreatedEvent<ServerBuilder<?>> event) {
        ServerBuilder<?> builder = event.getBean();
        builder.executor(pool());
        return builder;
    }

    private synchronized ThreadPoolExecutor pool() {
        if (pool == null) {
            AtomicInteger count = new AtomicInteger();
            ThreadPoolExecutor executor = new ThreadPoolExecutor(
                    config.getThreads(),
                    config.getThreads(),
                    config.getKeepAlive().toMillis(),
                    TimeUnit.MILLISECONDS,
                    // unbounded queue: the number of waiting calls is bounded by the transport (HTTP/2 streams per
                    // connection), and a rejected task would leave a gRPC call without an answer
                    new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, GrpcWorkerConfiguration.THREAD_PREFIX + count.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            executor.allowCoreThreadTimeOut(true);
            pool = executor;
        }
        return pool;
    }

    @PreDestroy
    void shutdown() {
        ThreadPoolExecutor executor = pool;
        if (executor != null) {
            // the gRPC server has stopped taking calls by now; running handlers finish
            executor.shutdown();
        }
    }
}
