package vn.motcua.dossier.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** architecture.md section 1–2: domain code is plain Java, and only grpc adapters touch generated proto classes. */
class LayeringRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.motcua.dossier");
    }

    @Test
    void domainPackagesUseNoFrameworkOrProtoTypes() {
        noClasses()
                .that()
                .resideInAnyPackage("..dossier.domain..", "..calendar", "..forms..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.micronaut..", "io.grpc..", "vn.motcua.proto..", "jakarta.inject..", "java.sql..")
                .check(classes);
    }

    /**
     * The feed payloads are generated messages too, and the rule stays as it is for them: each feature's feed writer
     * (service layer, e.g. DossierFeed) gathers the facts and calls a small Encoder interface that the feature's grpc
     * adapter implements (e.g. dossier.grpc.DossierEventMessages), seeing only com.google.protobuf.Message. That
     * keeps one place per feature that maps domain values to proto (the API and the feed share the enum mappings)
     * and needs no second adapter package here.
     */
    @Test
    void onlyGrpcAdaptersTouchGeneratedProtoClasses() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..grpc..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("vn.motcua.proto..")
                .check(classes);
    }

    @Test
    void noDependencyOnOtherServices() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "vn.motcua.report..", "vn.motcua.payment..", "vn.motcua.digitization..", "vn.motcua.gateway..")
                .check(classes);
    }
}
