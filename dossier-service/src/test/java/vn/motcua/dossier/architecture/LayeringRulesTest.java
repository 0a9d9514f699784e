package vn.motcua.dossier.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** architecture.md section 1–2: domain code is plain Java, and only grpc adapters touch generated proto classes. */
class LayeringRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.motcua.dossier");
    }

    @Test
    void domainPackagesUseNoFrameworkOrProtoTypes() {
        noClasses().that().resideInAnyPackage("..dossier.domain..", "..calendar", "..forms..")
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "io.grpc..", "vn.motcua.proto..",
                        "jakarta.inject..", "java.sql..")
                .check(classes);
    }

    @Test
    void onlyGrpcAdaptersTouchGeneratedProtoClasses() {
        noClasses().that().resideOutsideOfPackage("..grpc..")
                .should().dependOnClassesThat().resideInAPackage("vn.motcua.proto..")
                .check(classes);
    }

    @Test
    void noDependencyOnOtherServices() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("vn.motcua.report..", "vn.motcua.payment..",
                "vn.motcua.digitization..", "vn.motcua.gateway..").check(classes);
    }
}
