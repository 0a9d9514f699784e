package vn.motcua.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.grpc.stub.AbstractStub;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.admin.UserDirectory;
import vn.motcua.gateway.console.ConsoleController;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.platform.auth.JwtValidator;

/**
 * The gateway's feature packages depend on each other in one direction only, so each can be read on its own; and
 * nothing that blocks runs on a Netty event loop (issue 9): one blocked route would stall every connection of its loop.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.motcua.gateway");

    /** Controllers that only return what they hold in memory, so they may run on the event loop. */
    private static final Set<Class<?>> NON_BLOCKING_CONTROLLERS = Set.of(ConsoleController.class);

    /** What waits for the network or the disk: a service call, Keycloak's admin API, the realm's keys, JDBC. */
    private static final DescribedPredicate<JavaClass> BLOCKING_TYPE = DescribedPredicate.describe(
            "a blocking type",
            type -> type.isAssignableTo(AbstractStub.class)
                    || type.isAssignableTo(Downstream.class)
                    || type.isAssignableTo(UserDirectory.class)
                    || type.isAssignableTo(JwtValidator.class)
                    || type.isAssignableTo(java.net.http.HttpClient.class)
                    || type.getPackageName().equals("java.sql")
                    || type.isEquivalentTo(java.nio.file.Files.class));

    @Test
    void featureSlicesAreFreeOfCycles() {
        slices().matching("vn.motcua.gateway.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void everyControllerRunsOnTheBlockingExecutor() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .and(DescribedPredicate.describe(
                        "may block", c -> NON_BLOCKING_CONTROLLERS.stream().noneMatch(c::isEquivalentTo)))
                .should(executeOnBlocking())
                .check(CLASSES);
    }

    @Test
    void controllersLeftOnTheEventLoopCallNothingThatBlocks() {
        classes()
                .that(DescribedPredicate.describe(
                        "are left on the event loop",
                        c -> NON_BLOCKING_CONTROLLERS.stream().anyMatch(c::isEquivalentTo)))
                .should()
                .onlyDependOnClassesThat(DescribedPredicate.not(BLOCKING_TYPE))
                .check(CLASSES);
    }

    @Test
    void filterMethodsThatCallSomethingBlockingRunOnTheBlockingExecutor() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(ServerFilter.class)
                .and(DescribedPredicate.describe(
                        "are request or response filters",
                        m -> m.isAnnotatedWith(RequestFilter.class) || m.isAnnotatedWith(ResponseFilter.class)))
                .and(DescribedPredicate.describe("call something blocking", ArchitectureTest::callsBlocking))
                .should(executeOnBlocking())
                .check(CLASSES);
    }

    private static boolean callsBlocking(JavaMethod method) {
        return method.getAccessesFromSelf().stream()
                .map(JavaAccess::getTargetOwner)
                .anyMatch(BLOCKING_TYPE);
    }

    private static <T extends HasAnnotations<?>> ArchCondition<T> executeOnBlocking() {
        return new ArchCondition<>("be annotated @ExecuteOn(TaskExecutors.BLOCKING)") {
            @Override
            public void check(T item, ConditionEvents events) {
                boolean ok = item.tryGetAnnotationOfType(ExecuteOn.class.getName())
                        .map(a -> TaskExecutors.BLOCKING.equals(a.get("value").orElse(null)))
                        .orElse(false);
                events.add(new SimpleConditionEvent(
                        item, ok, item + (ok ? " is" : " is not") + " @ExecuteOn(TaskExecutors.BLOCKING)"));
            }
        };
    }
}
