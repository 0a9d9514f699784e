package vn.motcua.payment.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Feature slices depend on each other in one direction only, as in every service: code that several features share
 * lives in common. payment uses provider and receipt; neither of them knows payment.
 */
class FeatureSlicesAreFreeOfCyclesTest {

    @Test
    void featureSlicesDependOnEachOtherInOneDirectionOnly() {
        slices().matching("vn.motcua.payment.(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("vn.motcua.payment"));
    }
}
