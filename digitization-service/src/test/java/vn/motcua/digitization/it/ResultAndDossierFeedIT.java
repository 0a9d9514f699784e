package vn.motcua.digitization.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.dossierfeed.DossierFeedConsumer;
import vn.motcua.digitization.signature.SignatureVerdict;
import vn.motcua.digitization.testing.ScriptedSignatureVerifier;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.proto.digitization.v1.AttachResultRequest;
import vn.motcua.proto.digitization.v1.DigitizationChanged;
import vn.motcua.proto.digitization.v1.DossierResult;
import vn.motcua.proto.digitization.v1.GetDossierDigitizationRequest;
import vn.motcua.proto.digitization.v1.ListMyWarehouseRequest;
import vn.motcua.proto.digitization.v1.WarehouseItem;
import vn.motcua.proto.digitization.v1.WarehouseItemKind;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.proto.dossier.v1.DossierStatus;

/**
 * The dossier's electronic result: attached only when its signature verifies as VALID (every other verdict, and a
 * file that is not a PDF, writes nothing), and put into the applicant's warehouse exactly once when
 * dossier-service's feed announces it issued, however often the event is delivered and even when the returned event
 * follows. The feed is followed under the lease with this service's own client-credentials token.
 */
@MicronautTest(transactional = false)
class ResultAndDossierFeedIT extends DigitizationItSupport {

    @Inject
    DossierFeedConsumer consumer;

    @Inject
    FeedCursorStore cursors;

    @Override
    protected Map<String, String> extraProperties() {
        idp.serviceAccount("motcua-digitization-service", Set.of());
        return Map.of(
                "motcua.digitization.dossier-feed.enabled", "true",
                "motcua.service-account.client-secret", "it-secret",
                "motcua.lease.renew-interval", "200ms");
    }

    @Override
    @AfterAll
    protected void cleanUp() {
        consumer.stop();
        super.cleanUp();
    }

    private String leader() {
        return idp.officer("leader-" + UNIT, UNIT, "unit_leader");
    }

    private DossierResult attach(String token, String code, String documentId) {
        return digitization(token)
                .attachResult(AttachResultRequest.newBuilder()
                        .setDossierCode(code)
                        .setDocumentId(documentId)
                        .build())
                .getResult();
    }

    private long written() {
        return count("SELECT COUNT(*) FROM dossier_result")
                + count("SELECT COUNT(*) FROM signature_report")
                + count("SELECT COUNT(*) FROM signature_signer")
                + count("SELECT COUNT(*) FROM feed_outbox")
                + count("SELECT COUNT(*) FROM warehouse_item");
    }

    @ParameterizedTest
    @EnumSource(value = SignatureVerdict.class, names = "VALID", mode = EnumSource.Mode.EXCLUDE)
    void resultIsRefusedForEveryVerdictButValidAndNothingIsWritten(SignatureVerdict verdict) {
        String code = "H30.298.11077-260601-000" + verdict.ordinal();
        counterDossier(code, CITIZEN_A);
        StoredDocument signed = upload(code, ScriptedSignatureVerifier.pdf(verdict), "application/pdf");
        long before = written();

        Runnable call = () -> attach(leader(), code, signed.id());
        assertThat(error(call)).isEqualTo("FAILED_PRECONDITION/RULE_VIOLATED");
        assertThat(metadata(call)).containsEntry("verdict", verdict.name()).containsEntry("rule", "SIGNATURE_VALID");

        assertThat(written()).isEqualTo(before);
    }

    @Test
    void resultThatIsNotAPdfIsRefusedAsUnsignedAndNothingIsWritten() {
        String code = "H30.298.11077-260601-0010";
        counterDossier(code, CITIZEN_A);
        StoredDocument image = upload(code, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, "image/jpeg");
        long before = written();

        assertThat(metadata(() -> attach(leader(), code, image.id()))).containsEntry("verdict", "UNSIGNED");
        assertThat(written()).isEqualTo(before);
        assertThat(error(() -> attach(receptionOfficer(UNIT), code, image.id())))
                .as("a reception officer does not attach results")
                .isEqualTo("PERMISSION_DENIED/ROLE_NOT_ALLOWED");
    }

    @Test
    void issuedResultGoesIntoTheApplicantsWarehouseExactlyOnceWhateverTheRedeliveries() {
        String code = "H30.298.11077-260601-0020";
        counterDossier(code, CITIZEN_A);
        StoredDocument signed = upload(code, ScriptedSignatureVerifier.pdf(SignatureVerdict.VALID), "application/pdf");

        DossierResult result = attach(leader(), code, signed.id());
        assertThat(result.getSignature().getVerdict().name()).isEqualTo("SIGNATURE_VERDICT_VALID");
        assertThat(result.getSignature().getSignaturesList()).hasSize(1);
        assertThat(result.getWarehouseItemId()).isEmpty();
        List<Map.Entry<String, DigitizationChanged>> attached = events(code);
        assertThat(attached).extracting(Map.Entry::getKey).containsExactly("digitization.result_attached");
        assertThat(attached.get(0).getValue().getResultElectronic()).isTrue();
        assertThat(attached.get(0).getValue().getDossierLinkedToWarehouse()).isFalse();

        DossierChanged issued = DossierChanged.newBuilder()
                .setCode(code)
                .setReceivingUnitCode(UNIT)
                .setState(DossierStatus.DOSSIER_STATUS_RESULT_READY)
                .build();
        dossierService.publish("ev-issued", "dossier.result_issued", code, issued);
        dossierService.publish("ev-issued", "dossier.result_issued", code, issued); // redelivered
        long last = dossierService.publish(
                "ev-returned",
                "dossier.result_returned",
                code,
                issued.toBuilder()
                        .setState(DossierStatus.DOSSIER_STATUS_RETURNED)
                        .build());
        await(() -> cursors.cursor(DossierFeedConsumer.CONSUMER, DossierFeedConsumer.SOURCE) >= last);

        assertThat(count("SELECT COUNT(*) FROM warehouse_item WHERE kind = 'RESULT' AND dossier_key = ?", code))
                .isOne();
        assertThat(events(code))
                .extracting(Map.Entry::getKey)
                .containsExactly("digitization.result_attached", "digitization.warehouse_linked");
        DigitizationChanged linked = events(code).get(1).getValue();
        assertThat(linked.getWarehouseItemKind()).isEqualTo(WarehouseItemKind.WAREHOUSE_ITEM_KIND_RESULT);
        assertThat(linked.getDossierLinkedToWarehouse()).isTrue();
        assertThat(linked.getResultElectronic()).isTrue();
        assertThat(strings("SELECT status FROM dossier_snapshot WHERE dossier_key = ?", code))
                .containsExactly("RETURNED");

        List<WarehouseItem> mine = warehouse(citizen(CITIZEN_A))
                .listMyWarehouse(ListMyWarehouseRequest.getDefaultInstance())
                .getItemsList();
        WarehouseItem item = mine.stream()
                .filter(i -> i.getKind() == WarehouseItemKind.WAREHOUSE_ITEM_KIND_RESULT)
                .findFirst()
                .orElseThrow();
        assertThat(item.getDocumentId()).isEqualTo(signed.id());
        assertThat(item.getDossierCode()).isEqualTo(code);
        assertThat(item.getValid()).isTrue();
        assertThat(digitization(specialist(UNIT))
                        .getDossierDigitization(GetDossierDigitizationRequest.newBuilder()
                                .setDossierCode(code)
                                .build())
                        .getDigitization()
                        .getResult()
                        .getWarehouseItemId())
                .isEqualTo(item.getId());
        assertThat(error(() -> attach(leader(), code, signed.id())))
                .as("a result in the warehouse no longer changes")
                .isEqualTo("FAILED_PRECONDITION/RULE_VIOLATED");
    }

    @Test
    void resultIssuedForADossierWithoutAttachedResultAddsNothing() {
        String code = "H30.298.11077-260601-0030";
        counterDossier(code, CITIZEN_B);
        long last = dossierService.publish(
                "ev-no-result",
                "dossier.result_issued",
                code,
                DossierChanged.newBuilder()
                        .setCode(code)
                        .setState(DossierStatus.DOSSIER_STATUS_RESULT_READY)
                        .build());
        await(() -> cursors.cursor(DossierFeedConsumer.CONSUMER, DossierFeedConsumer.SOURCE) >= last);
        assertThat(count("SELECT COUNT(*) FROM warehouse_item WHERE owner_id = ?", CITIZEN_B))
                .isZero();
    }

    private static void await(BooleanSupplier condition) {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
