package vn.motcua.dossier.feedback.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The feedback domain is plain Java like the dossier domain: testable without a database or a framework. */
class FeedbackLayeringTest {

    @Test
    void feedbackDomainUsesNoFrameworkDatabaseOrProtoTypes() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.motcua.dossier.feedback");
        noClasses()
                .that()
                .resideInAPackage("..feedback.domain..")
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
}
