package vn.motcua.platform.grpc;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;

/** Whether the current thread is a Netty event loop, where nothing may block (issue 9). */
public final class EventLoops {

    private EventLoops() {}

    /**
     * True on a thread of a Netty event-loop group (the HTTP server's, gRPC's transport threads): Netty records the
     * executor of each such thread, so the check is a thread-local read.
     */
    public static boolean onEventLoop() {
        EventExecutor executor = ThreadExecutorMap.currentExecutor();
        return executor != null;
    }

    /** Refuses blocking work on an event loop loudly, instead of stalling every connection that loop serves. */
    public static void requireBlockingAllowed(String what) {
        if (onEventLoop()) {
            throw new IllegalStateException(what + " blocks and must not run on the event-loop thread "
                    + Thread.currentThread().getName() + ": annotate the route @ExecuteOn(TaskExecutors.BLOCKING)");
        }
    }
}
