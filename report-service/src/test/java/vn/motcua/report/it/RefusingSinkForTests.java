package vn.motcua.report.it;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import vn.motcua.platform.error.DomainException;
import vn.motcua.report.projection.service.DossierFactSink;

/**
 * Wraps whichever DossierFactSink the context has (the test stand-in or the projection's own) so that it refuses, with
 * a DomainException, every fact of the procedure named by {@value #PROPERTY}: a test can then prove that a batch the
 * projection refuses mid-way rolls back whole. Off unless the property is set.
 */
@Singleton
@Requires(property = RefusingSinkForTests.PROPERTY)
public class RefusingSinkForTests implements BeanCreatedEventListener<DossierFactSink> {

    public static final String PROPERTY = "motcua.it.sink-refuses-procedure";

    private final String refused;

    public RefusingSinkForTests(@Value("${" + PROPERTY + "}") String refused) {
        this.refused = refused;
    }

    @Override
    public DossierFactSink onCreated(BeanCreatedEvent<DossierFactSink> event) {
        DossierFactSink sink = event.getBean();
        return (fact, payment, digitization) -> {
            if (refused.equals(fact.procedureCode())) {
                throw DomainException.invalid("procedure_code", "refused by the test's sink: " + refused);
            }
            sink.upsertImported(fact, payment, digitization);
        };
    }
}
