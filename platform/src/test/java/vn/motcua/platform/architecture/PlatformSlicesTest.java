package vn.motcua.platform.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** architecture.md §1: the platform's parts (auth, error, feed, db, grpc) depend on each other without cycles. */
class PlatformSlicesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.motcua.platform");

    @Test
    void featureSlicesAreFreeOfCycles() {
        slices().matching("vn.motcua.platform.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void platformKnowsNoService() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "vn.motcua.dossier..",
                        "vn.motcua.payment..",
                        "vn.motcua.digitization..",
                        "vn.motcua.report..",
                        "vn.motcua.gateway..")
                .check(CLASSES);
    }
}
