package vn.motcua.gateway;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The gateway's feature packages depend on each other in one direction only, so each can be read on its own. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.motcua.gateway");

    @Test
    void featureSlicesAreFreeOfCycles() {
        slices().matching("vn.motcua.gateway.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
