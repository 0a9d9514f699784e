package vn.motcua.payment.reconciliation.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation's layers: a plain-Java domain (the file format and the matching, testable without a database or a
 * framework), and generated proto classes in the grpc adapter only.
 */
class ReconciliationLayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.motcua.payment.reconciliation");

    @Test
    void domainUsesNoFrameworkDatabaseOrProtoTypes() {
        noClasses()
                .that()
                .resideInAPackage("..reconciliation.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.micronaut..",
                        "io.grpc..",
                        "vn.motcua.proto..",
                        "jakarta.inject..",
                        "java.sql..",
                        "vn.motcua.platform..")
                .check(classes);
    }

    @Test
    void onlyTheGrpcAdapterTouchesProtoClasses() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..reconciliation.grpc..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("vn.motcua.proto..", "io.grpc..")
                .check(classes);
    }
}
