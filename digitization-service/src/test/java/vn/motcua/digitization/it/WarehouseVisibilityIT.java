package vn.motcua.digitization.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.UploadScope;
import vn.motcua.digitization.signature.SignatureVerdict;
import vn.motcua.digitization.testing.ScriptedSignatureVerifier;
import vn.motcua.proto.digitization.v1.CertifiedCopy;
import vn.motcua.proto.digitization.v1.CertifyCopyRequest;
import vn.motcua.proto.digitization.v1.FillComponentFromWarehouseRequest;
import vn.motcua.proto.digitization.v1.GetWarehouseItemRequest;
import vn.motcua.proto.digitization.v1.ListMyWarehouseRequest;
import vn.motcua.proto.digitization.v1.VerifyDocumentSignatureRequest;
import vn.motcua.proto.digitization.v1.WarehouseItem;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.DossierStatus;

/**
 * Who reads what: a citizen reads only their own warehouse; an officer reads a unit's documents only in that unit,
 * a dossier's only when dossier-service shows them the dossier, and a warehouse document of someone else's making
 * only once a component of a dossier they see references it.
 */
@MicronautTest(transactional = false)
class WarehouseVisibilityIT extends DigitizationItSupport {

    private CertifiedCopy certifiedFor(String owner) {
        StoredDocument doc = store.put(
                UploadScope.certifyingUnit(UNIT),
                "so-ho-khau.pdf",
                "application/pdf",
                ScriptedSignatureVerifier.pdf(SignatureVerdict.VALID),
                "subject-reception");
        return copies(receptionOfficer(UNIT))
                .certifyCopy(CertifyCopyRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString())
                        .setDocumentId(doc.id())
                        .setOwnerId(owner)
                        .setTitle("Sổ hộ khẩu")
                        .build())
                .getCopy();
    }

    private String verify(String token, String documentId) {
        return digitization(token)
                .verifyDocumentSignature(VerifyDocumentSignatureRequest.newBuilder()
                        .setDocumentId(documentId)
                        .build())
                .getReport()
                .getVerdict()
                .name();
    }

    @Test
    void aCitizenCannotReadAnotherCitizensWarehouse() {
        CertifiedCopy ofA = certifiedFor(CITIZEN_A);

        WarehouseItem own = warehouse(citizen(CITIZEN_A))
                .getWarehouseItem(GetWarehouseItemRequest.newBuilder()
                        .setId(ofA.getWarehouseItemId())
                        .build())
                .getItem();
        assertThat(own.getCertificateNumber()).isEqualTo(ofA.getCertificateNumber());
        assertThat(own.getValid()).isTrue();

        assertThat(error(() -> warehouse(citizen(CITIZEN_B))
                        .getWarehouseItem(GetWarehouseItemRequest.newBuilder()
                                .setId(ofA.getWarehouseItemId())
                                .build())))
                .isEqualTo("NOT_FOUND/NOT_FOUND");
        assertThat(warehouse(citizen(CITIZEN_B))
                        .listMyWarehouse(ListMyWarehouseRequest.getDefaultInstance())
                        .getItemsList())
                .extracting(WarehouseItem::getId)
                .doesNotContain(ofA.getWarehouseItemId());
        assertThat(error(() ->
                        warehouse(receptionOfficer(UNIT)).listMyWarehouse(ListMyWarehouseRequest.getDefaultInstance())))
                .as("officers never list a warehouse")
                .isEqualTo("PERMISSION_DENIED/ROLE_NOT_ALLOWED");
        assertThat(verify(citizen(CITIZEN_A), ofA.getDocumentId())).isEqualTo("SIGNATURE_VERDICT_VALID");
        assertThat(error(() -> verify(citizen(CITIZEN_B), ofA.getDocumentId()))).isEqualTo("NOT_FOUND/NOT_FOUND");
    }

    @Test
    void anOfficerCannotReadAnotherUnitsDocuments() {
        CertifiedCopy copy = certifiedFor(CITIZEN_B);
        assertThat(verify(idp.officer("clerk-" + UNIT, UNIT, "clerk"), copy.getDocumentId()))
                .isEqualTo("SIGNATURE_VERDICT_VALID");
        assertThat(error(() -> verify(receptionOfficer(OTHER_UNIT), copy.getDocumentId())))
                .isEqualTo("NOT_FOUND/NOT_FOUND");

        String code = "H30.298.11077-260701-0001";
        counterDossier(code, CITIZEN_B);
        StoredDocument scan = upload(code, ScriptedSignatureVerifier.pdf(SignatureVerdict.UNSIGNED), "application/pdf");
        assertThat(verify(specialist(UNIT), scan.id())).isEqualTo("SIGNATURE_VERDICT_UNSIGNED");
        assertThat(error(() -> verify(specialist(OTHER_UNIT), scan.id()))).isEqualTo("NOT_FOUND/NOT_FOUND");
        assertThat(error(() -> verify(citizen(CITIZEN_A), scan.id()))).isEqualTo("NOT_FOUND/NOT_FOUND");
        assertThat(verify(citizen(CITIZEN_B), scan.id())).as("the applicant").isEqualTo("SIGNATURE_VERDICT_UNSIGNED");
    }

    @Test
    void anOfficerReadsAWarehouseDocumentOnlyThroughADossierOfTheirsThatReferencesIt() {
        CertifiedCopy copy = certifiedFor(CITIZEN_A);
        String otherOfficer = specialist(OTHER_UNIT);
        assertThat(error(() -> verify(otherOfficer, copy.getDocumentId()))).isEqualTo("NOT_FOUND/NOT_FOUND");

        String reference = "TN-260701-QRSTUVWXYZ";
        Dossier online = dossier(
                        reference, reference, Channel.CHANNEL_ONLINE, DossierStatus.DOSSIER_STATUS_SUBMITTED, CITIZEN_A)
                .toBuilder()
                .setReceivingUnitCode(OTHER_UNIT)
                .setCompetentUnitCode(OTHER_UNIT)
                .build();
        dossierService.dossier(online, "citizen-" + CITIZEN_A, "specialist-" + OTHER_UNIT);
        digitization(citizen(CITIZEN_A))
                .fillComponentFromWarehouse(FillComponentFromWarehouseRequest.newBuilder()
                        .setDossierCode(reference)
                        .setComponentNumber(2)
                        .setWarehouseItemId(copy.getWarehouseItemId())
                        .build());

        assertThat(verify(otherOfficer, copy.getDocumentId())).isEqualTo("SIGNATURE_VERDICT_VALID");
        assertThat(error(() -> verify(receptionOfficer("11999"), copy.getDocumentId())))
                .as("an officer who sees no referencing dossier")
                .isEqualTo("NOT_FOUND/NOT_FOUND");
    }
}
