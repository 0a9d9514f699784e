package vn.motcua.digitization.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.digitization.testing.DocumentUploadClient;
import vn.motcua.platform.testing.TestQrCodes;
import vn.motcua.proto.digitization.v1.AttachComponentDocumentRequest;
import vn.motcua.proto.digitization.v1.CheckComponentRequest;
import vn.motcua.proto.digitization.v1.ComponentSource;
import vn.motcua.proto.digitization.v1.ComponentState;
import vn.motcua.proto.digitization.v1.ConfirmComponentRequest;
import vn.motcua.proto.digitization.v1.DigitizationChanged;
import vn.motcua.proto.digitization.v1.Document;
import vn.motcua.proto.digitization.v1.DossierComponent;
import vn.motcua.proto.digitization.v1.DossierDigitization;
import vn.motcua.proto.digitization.v1.ExemptComponentRequest;
import vn.motcua.proto.digitization.v1.ExemptionReason;
import vn.motcua.proto.digitization.v1.FillComponentFromWarehouseRequest;
import vn.motcua.proto.digitization.v1.GetDocumentRequest;
import vn.motcua.proto.digitization.v1.GetDossierDigitizationRequest;
import vn.motcua.proto.digitization.v1.ListMyWarehouseRequest;
import vn.motcua.proto.digitization.v1.VersionOrigin;
import vn.motcua.proto.digitization.v1.WarehouseItem;
import vn.motcua.proto.digitization.v1.WarehouseItemKind;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.DossierStatus;

/**
 * An officer digitizes a counter dossier component by component (scan, check against the original with the QR
 * stamp, confirm into the applicant's warehouse, exempt the present-only one); the applicant reuses the confirmed
 * document in their next online dossier; every change writes its DigitizationChanged event with the dossier-wide
 * flags; dossier-service decides who sees the dossier.
 */
@MicronautTest(transactional = false)
class ComponentDigitizationIT extends DigitizationItSupport {

    @TempDir
    Path dir;

    private DossierDigitization get(String token, String code) {
        return digitization(token)
                .getDossierDigitization(GetDossierDigitizationRequest.newBuilder()
                        .setDossierCode(code)
                        .build())
                .getDigitization();
    }

    private DossierComponent attach(String token, String code, int n, String documentId, ComponentSource source) {
        return digitization(token)
                .attachComponentDocument(AttachComponentDocumentRequest.newBuilder()
                        .setDossierCode(code)
                        .setComponentNumber(n)
                        .setDocumentId(documentId)
                        .setSource(source)
                        .build())
                .getComponent();
    }

    private DossierComponent check(String token, String code, int n, boolean matches, String note) {
        return digitization(token)
                .checkComponent(CheckComponentRequest.newBuilder()
                        .setDossierCode(code)
                        .setComponentNumber(n)
                        .setMatchesOriginal(matches)
                        .setNote(note)
                        .build())
                .getComponent();
    }

    private DossierComponent confirm(String token, String code, int n) {
        return digitization(token)
                .confirmComponent(ConfirmComponentRequest.newBuilder()
                        .setDossierCode(code)
                        .setComponentNumber(n)
                        .build())
                .getComponent();
    }

    private DossierComponent exempt(String token, String code, int n, ExemptionReason reason) {
        return digitization(token)
                .exemptComponent(ExemptComponentRequest.newBuilder()
                        .setDossierCode(code)
                        .setComponentNumber(n)
                        .setReason(reason)
                        .build())
                .getComponent();
    }

    /** Scans, checks and confirms component n with a fresh upload. */
    private DossierComponent digitize(String code, int n) {
        String officer = receptionOfficer(UNIT);
        Document doc = upload(code, "scan.pdf", pdfs.scan(1));
        attach(officer, code, n, doc.getId(), ComponentSource.COMPONENT_SOURCE_SCAN);
        check(officer, code, n, true, "");
        return confirm(officer, code, n);
    }

    @Test
    void officerDigitizesACounterDossierAndTheStampedVersionCarriesTheQrPayload() {
        String code = "H30.298.11077-260501-0001";
        counterDossier(code, CITIZEN_A);
        String officer = receptionOfficer(UNIT);

        DossierDigitization before = get(officer, code);
        assertThat(before.getComponentsList())
                .extracting(
                        DossierComponent::getNumber,
                        DossierComponent::getName,
                        DossierComponent::getPresentOnly,
                        DossierComponent::getState)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                1, "Tờ khai", false, ComponentState.COMPONENT_STATE_PENDING),
                        org.assertj.core.groups.Tuple.tuple(
                                2, "Giấy khai sinh", false, ComponentState.COMPONENT_STATE_PENDING),
                        org.assertj.core.groups.Tuple.tuple(
                                3, "Căn cước công dân", true, ComponentState.COMPONENT_STATE_PENDING));
        assertThat(before.getComplete()).isFalse();
        assertThat(dossierService.getDossierTokens).contains("Bearer " + officer);

        Document doc = upload(code, "to-khai.pdf", pdfs.scan(2));
        DossierComponent uploaded = attach(officer, code, 1, doc.getId(), ComponentSource.COMPONENT_SOURCE_SCAN);
        assertThat(uploaded.getState()).isEqualTo(ComponentState.COMPONENT_STATE_UPLOADED);
        assertThat(uploaded.getDocumentVersion().getVersion()).isEqualTo(1);

        DossierComponent checked = check(officer, code, 1, true, "");
        String expectedQr = "{\"dossierCode\":\"" + code + "\",\"procedureCode\":\"" + PROCEDURE
                + "\",\"applicantId\":\"" + CITIZEN_A + "\",\"documentName\":\"Tờ khai\"}";
        assertThat(checked.getState()).isEqualTo(ComponentState.COMPONENT_STATE_CHECKED);
        assertThat(checked.getQrPayload()).isEqualTo(expectedQr);
        assertThat(checked.getDocumentVersion().getVersion()).isEqualTo(2);
        assertThat(checked.getDocumentVersion().getOrigin()).isEqualTo(VersionOrigin.VERSION_ORIGIN_QR_STAMPED);
        assertThat(checked.getCheckedBy()).isEqualTo("reception-" + UNIT);
        Path stamped = documents.download(officer, doc.getId(), 2, dir.resolve("stamped.pdf"));
        assertThat(TestQrCodes.firstPageTopLeft(stamped))
                .as("the QR at the top left of the stamped version's first page")
                .isEqualTo(expectedQr);
        assertThat(checked.getDocumentVersion().getPageCount())
                .as("the scan's pages, all kept")
                .isEqualTo(2);
        assertThat(checked.getDocumentVersion().getMediaType()).isEqualTo("application/pdf");
        assertThat(events(code)).as("attach and check are not feed events").isEmpty();

        DossierComponent confirmed = confirm(officer, code, 1);
        assertThat(confirmed.getState()).isEqualTo(ComponentState.COMPONENT_STATE_CONFIRMED);
        assertThat(confirmed.getWarehouseItemId()).startsWith("WH-");
        assertThat(strings(
                        "SELECT kind FROM warehouse_item WHERE id = ? AND owner_id = ? AND document_version = 2",
                        confirmed.getWarehouseItemId(),
                        CITIZEN_A))
                .containsExactly("COMPONENT");

        assertThat(error(() -> attach(officer, code, 3, doc.getId(), ComponentSource.COMPONENT_SOURCE_SCAN)))
                .as("a present-only document is not scanned")
                .isEqualTo("FAILED_PRECONDITION/RULE_VIOLATED");
        assertThat(error(() -> exempt(officer, code, 3, ExemptionReason.EXEMPTION_REASON_STATE_SECRET)))
                .isEqualTo("FAILED_PRECONDITION/RULE_VIOLATED");
        assertThat(exempt(officer, code, 3, ExemptionReason.EXEMPTION_REASON_PRESENT_ONLY)
                        .getState())
                .isEqualTo(ComponentState.COMPONENT_STATE_EXEMPT);
        assertThat(error(() -> confirm(officer, code, 1)))
                .as("confirmed is final")
                .isEqualTo("FAILED_PRECONDITION/ILLEGAL_TRANSITION");

        digitize(code, 2);
        assertThat(get(officer, code).getComplete()).isTrue();

        List<Map.Entry<String, DigitizationChanged>> events = events(code);
        assertThat(events)
                .extracting(Map.Entry::getKey)
                .containsExactly(
                        "digitization.component_digitized",
                        "digitization.component_exempted",
                        "digitization.component_digitized");
        DigitizationChanged first = events.get(0).getValue();
        assertThat(first.getComponentNumber()).isEqualTo(1);
        assertThat(first.getComponentState()).isEqualTo(ComponentState.COMPONENT_STATE_CONFIRMED);
        assertThat(first.getSource()).isEqualTo(ComponentSource.COMPONENT_SOURCE_SCAN);
        assertThat(first.getWarehouseItemKind()).isEqualTo(WarehouseItemKind.WAREHOUSE_ITEM_KIND_COMPONENT);
        assertThat(first.getComponentsComplete()).isFalse();
        assertThat(first.getReceivingUnitCode()).isEqualTo(UNIT);
        assertThat(first.getProcedureCode()).isEqualTo(PROCEDURE);
        DigitizationChanged last = events.get(2).getValue();
        assertThat(last.getComponentsComplete()).isTrue();
        assertThat(last.getReused()).isFalse();
        assertThat(last.getDossierReusesData()).isFalse();
        assertThat(last.getDossierLinkedToWarehouse()).isFalse();
        assertThat(last.getResultElectronic()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM feed_outbox WHERE unit_code = ? AND aggregate_id = ?", UNIT, code))
                .isEqualTo(3);
    }

    @Test
    void failedCheckSendsTheComponentBackToPendingWithItsNote() {
        String code = "H30.298.11077-260501-0002";
        counterDossier(code, CITIZEN_A);
        String officer = specialist(UNIT);
        Document doc = upload(code, "scan.pdf", pdfs.scan(1));
        attach(officer, code, 1, doc.getId(), ComponentSource.COMPONENT_SOURCE_SCAN);

        assertThat(error(() -> check(officer, code, 1, false, ""))).isEqualTo("INVALID_ARGUMENT/INVALID_FIELD");
        DossierComponent back = check(officer, code, 1, false, "Thiếu mặt sau trang 2");

        assertThat(back.getState()).isEqualTo(ComponentState.COMPONENT_STATE_PENDING);
        assertThat(back.getNote()).isEqualTo("Thiếu mặt sau trang 2");
        assertThat(back.getDocumentId()).isEmpty();
        assertThat(documents
                        .blocking(officer)
                        .getDocument(GetDocumentRequest.newBuilder()
                                .setDocumentId(doc.getId())
                                .build())
                        .getDocument()
                        .getVersionsList())
                .as("no stamped version")
                .hasSize(1);
    }

    @Test
    void applicantReusesAConfirmedDocumentFromTheirWarehouseInTheirNextOnlineDossier() {
        String counter = "H30.298.11077-260501-0003";
        counterDossier(counter, CITIZEN_B);
        DossierComponent confirmed = digitize(counter, 2);

        String reference = "TN-260502-ABCDEFGHJK";
        dossierService.dossier(
                dossier(
                        reference,
                        reference,
                        Channel.CHANNEL_ONLINE,
                        DossierStatus.DOSSIER_STATUS_SUBMITTED,
                        CITIZEN_B),
                "citizen-" + CITIZEN_B,
                "reception-" + UNIT);
        String citizen = citizen(CITIZEN_B);
        List<WarehouseItem> mine = warehouse(citizen)
                .listMyWarehouse(
                        ListMyWarehouseRequest.newBuilder().setValidOnly(true).build())
                .getItemsList();
        assertThat(mine).extracting(WarehouseItem::getId).contains(confirmed.getWarehouseItemId());

        DossierComponent reused = digitization(citizen)
                .fillComponentFromWarehouse(FillComponentFromWarehouseRequest.newBuilder()
                        .setDossierCode(reference)
                        .setComponentNumber(2)
                        .setWarehouseItemId(confirmed.getWarehouseItemId())
                        .build())
                .getComponent();

        assertThat(reused.getState()).isEqualTo(ComponentState.COMPONENT_STATE_CONFIRMED);
        assertThat(reused.getSource()).isEqualTo(ComponentSource.COMPONENT_SOURCE_WAREHOUSE);
        assertThat(reused.getFromWarehouse()).isTrue();
        assertThat(reused.getReused()).isTrue();
        assertThat(reused.getDocumentId()).isEqualTo(confirmed.getDocumentId());
        List<Map.Entry<String, DigitizationChanged>> events = events(reference);
        assertThat(events).extracting(Map.Entry::getKey).containsExactly("digitization.component_reused");
        DigitizationChanged event = events.get(0).getValue();
        assertThat(event.getFromWarehouse()).isTrue();
        assertThat(event.getReused()).isTrue();
        assertThat(event.getDossierReusesData()).isTrue();
        assertThat(event.getDossierLinkedToWarehouse()).isTrue();
        assertThat(event.getComponentsComplete()).isFalse();

        // another person's item is not theirs to use: it does not exist for this dossier
        String counterA = "H30.298.11077-260501-0004";
        counterDossier(counterA, CITIZEN_A);
        String itemOfA = digitize(counterA, 1).getWarehouseItemId();
        assertThat(error(() -> digitization(citizen)
                        .fillComponentFromWarehouse(FillComponentFromWarehouseRequest.newBuilder()
                                .setDossierCode(reference)
                                .setComponentNumber(1)
                                .setWarehouseItemId(itemOfA)
                                .build())))
                .isEqualTo("NOT_FOUND/NOT_FOUND");
        // a scan is an officer's; the applicant uploads
        Document own = upload(
                citizen,
                DocumentUploadClient.forDossier(reference, "to-khai.pdf").build(),
                pdfs.scan(1));
        assertThat(error(() -> attach(citizen, reference, 1, own.getId(), ComponentSource.COMPONENT_SOURCE_SCAN)))
                .isEqualTo("INVALID_ARGUMENT/INVALID_FIELD");
        assertThat(attach(citizen, reference, 1, own.getId(), ComponentSource.COMPONENT_SOURCE_UPLOAD)
                        .getState())
                .isEqualTo(ComponentState.COMPONENT_STATE_UPLOADED);
        assertThat(error(() -> check(citizen, reference, 1, true, "")))
                .as("only officers check")
                .isEqualTo("PERMISSION_DENIED/ROLE_NOT_ALLOWED");
    }

    @Test
    void aPassingCheckWaitsForTheDossiersLegalCodeAndApplicantIdBeforeStampingTheQr() {
        String reference = "TN-2605010007";
        onlineDossier(reference, CITIZEN_B);
        String officer = receptionOfficer(UNIT);
        Document scan = upload(reference, "scan.pdf", pdfs.scan(1));
        attach(officer, reference, 1, scan.getId(), ComponentSource.COMPONENT_SOURCE_SCAN);
        Runnable early = () -> check(officer, reference, 1, true, "");
        assertThat(error(early)).isEqualTo("FAILED_PRECONDITION/RULE_VIOLATED");
        assertThat(metadata(early)).containsEntry("rule", "DOSSIER_CODE_AND_APPLICANT_FOR_QR");
        assertThat(count("SELECT COUNT(*) FROM document_version WHERE document_id = ?", scan.getId()))
                .as("nothing stamped")
                .isOne();

        // accepted: dossier-service gives it its legal code; the check now stamps that code
        String legal = "H30.298.11077-260501-0007";
        dossierService.dossier(
                dossier(legal, reference, Channel.CHANNEL_ONLINE, DossierStatus.DOSSIER_STATUS_RECEIVED, CITIZEN_B),
                "reception-" + UNIT,
                "specialist-" + UNIT);
        assertThat(check(officer, legal, 1, true, "").getQrPayload())
                .contains(legal)
                .doesNotContain(reference);

        String noApplicant = "H30.298.11077-260501-0008";
        dossierService.dossier(
                dossier(noApplicant, "", Channel.CHANNEL_COUNTER, DossierStatus.DOSSIER_STATUS_IN_PROCESS, ""),
                "reception-" + UNIT,
                "specialist-" + UNIT);
        Document other = upload(noApplicant, "scan.pdf", pdfs.scan(1));
        attach(officer, noApplicant, 1, other.getId(), ComponentSource.COMPONENT_SOURCE_SCAN);
        assertThat(error(() -> check(officer, noApplicant, 1, true, "")))
                .isEqualTo("FAILED_PRECONDITION/RULE_VIOLATED");
    }

    @Test
    void officerOfAnotherUnitDoesNotSeeTheDossierAndAClerkDoesNotScan() {
        String code = "H30.298.11077-260501-0005";
        counterDossier(code, CITIZEN_A);

        assertThat(error(() -> get(receptionOfficer(OTHER_UNIT), code))).isEqualTo("NOT_FOUND/NOT_FOUND");
        assertThat(error(() ->
                        exempt(receptionOfficer(OTHER_UNIT), code, 3, ExemptionReason.EXEMPTION_REASON_PRESENT_ONLY)))
                .isEqualTo("NOT_FOUND/NOT_FOUND");
        assertThat(error(() -> exempt(
                        idp.officer("clerk-" + UNIT, UNIT, "clerk"),
                        code,
                        3,
                        ExemptionReason.EXEMPTION_REASON_PRESENT_ONLY)))
                .isEqualTo("PERMISSION_DENIED/ROLE_NOT_ALLOWED");
        assertThat(count("SELECT COUNT(*) FROM feed_outbox WHERE aggregate_id = ?", code))
                .isZero();
    }

    @Test
    void unreachableDossierServiceIsUnavailableNamingItAndChangesNothing() {
        String code = "H30.298.11077-260501-0006";
        counterDossier(code, CITIZEN_A);
        dossierService.down(true);
        try {
            Runnable call =
                    () -> exempt(receptionOfficer(UNIT), code, 3, ExemptionReason.EXEMPTION_REASON_PRESENT_ONLY);
            assertThat(error(call)).isEqualTo("UNAVAILABLE/DOWNSTREAM_UNAVAILABLE");
            assertThat(metadata(call)).containsEntry("service", "dossier-service");
        } finally {
            dossierService.down(false);
        }
        assertThat(count("SELECT COUNT(*) FROM dossier_component WHERE dossier_key = ?", code))
                .isZero();
    }
}
