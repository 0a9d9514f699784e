package vn.motcua.dossier.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Feature slices (catalog, dossier, unit, calendar, feedback, forms, common) depend on each other in one direction
 * only: code that several features share lives in common, so that a feature can be read, changed and tested without
 * the ones that use it.
 */
class FeatureSlicesAreFreeOfCyclesTest {

    @Test
    void featureSlicesDependOnEachOtherInOneDirectionOnly() {
        slices().matching("vn.motcua.dossier.(*)..")
                .should()
                .beFreeOfCycles()
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("vn.motcua.dossier"));
    }
}
