package vn.motcua.report.it;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;
import vn.motcua.report.projection.service.DossierFactSink;

/**
 * Wraps whichever DossierFactSink the context has and adds up the time spent in it, so that a throughput figure can
 * tell the importer's own cost from the projection's. Off unless {@value #PROPERTY} is true.
 */
@Singleton
@Requires(property = TimedSinkForTests.PROPERTY, value = "true")
public class TimedSinkForTests implements BeanCreatedEventListener<DossierFactSink> {

    public static final String PROPERTY = "motcua.it.time-sink";
    public static final AtomicLong NANOS = new AtomicLong();

    @Override
    public DossierFactSink onCreated(BeanCreatedEvent<DossierFactSink> event) {
        DossierFactSink sink = event.getBean();
        return (fact, payment, digitization) -> {
            long start = System.nanoTime();
            try {
                sink.upsertImported(fact, payment, digitization);
            } finally {
                NANOS.addAndGet(System.nanoTime() - start);
            }
        };
    }
}
