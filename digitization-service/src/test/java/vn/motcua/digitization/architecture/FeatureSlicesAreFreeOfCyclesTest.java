package vn.motcua.digitization.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Feature slices depend on each other in one direction only, as in every service: code that several features share
 * lives in common. The service has no feature packages yet, so the rule may find nothing to check until it does.
 */
class FeatureSlicesAreFreeOfCyclesTest {

    @Test
    void featureSlicesDependOnEachOtherInOneDirectionOnly() {
        slices().matching("vn.motcua.digitization.(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("vn.motcua.digitization"));
    }
}
