package vn.motcua.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of architecture.md §1-2, enforced on this module. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.motcua.report");

    @Test
    void onlyGrpcAdaptersTouchGeneratedProtoClasses() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..grpc..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("vn.motcua.proto..")
                .check(CLASSES);
    }

    @Test
    void noDependencyOnOtherServices() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "vn.motcua.dossier..", "vn.motcua.payment..", "vn.motcua.digitization..", "vn.motcua.gateway..")
                .check(CLASSES);
    }

    @Test
    void domainIsPlainJava() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.micronaut..",
                        "io.grpc..",
                        "java.sql..",
                        "vn.motcua.proto..",
                        "vn.motcua.platform.feed..",
                        "vn.motcua.platform.auth..")
                .check(CLASSES);
    }

    @Test
    void grpcAdaptersGoThroughServices() {
        // every feature's adapters (the reception feature has none any more: the endpoint calls its service)
        noClasses()
                .that()
                .resideInAPackage("..grpc..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..repository..")
                .check(CLASSES);
    }

    @Test
    void featureSlicesAreFreeOfCycles() {
        slices().matching("vn.motcua.report.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
