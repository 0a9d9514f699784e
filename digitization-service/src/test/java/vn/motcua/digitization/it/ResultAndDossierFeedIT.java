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
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.digitization.document.content.Fixtures;
import vn.motcua.digitization.dossierfeed.DossierFeedConsumer;
import vn.motcua.digitization.signature.SignatureVerdict;
import vn.motcua.digitization.testing.DocumentUploadClient;
import vn.motcua.platform.feed.FeedCursorStore;
import vn.motcua.proto.digitization.v1.AttachResultRequest;
import vn.motcua.proto.digitization.v1.DigitizationChanged;
import vn.motcua.proto.digitization.v1.Document;
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

    /** Real files for every verdict but VALID (the throwaway CA of SignedPdfs is the only trusted root). */
    Stream<Arguments> refusedResults() {
        return Stream.of(
                refused(
                        1,
                        "an unsigned PDF",
                        SignatureVerdict.UNSIGNED,
                        () -> pdfs.withVerdict(SignatureVerdict.UNSIGNED)),
                refused(
                        2,
                        "a signed PDF with a byte changed",
                        SignatureVerdict.TAMPERED,
                        () -> pdfs.withVerdict(SignatureVerdict.TAMPERED)),
                refused(
                        3,
                        "a signed PDF with an update appended after signing",
                        SignatureVerdict.TAMPERED,
                        pdfs::changedAfterSigning),
                refused(
                        4,
                        "a PDF signed by a signer of an untrusted CA",
                        SignatureVerdict.UNTRUSTED,
                        () -> pdfs.withVerdict(SignatureVerdict.UNTRUSTED)),
                refused(
                        5,
                        "a PDF whose signature holds garbage",
                        SignatureVerdict.MALFORMED,
                        () -> pdfs.withVerdict(SignatureVerdict.MALFORMED)));
    }

    private static Arguments refused(int n, String what, SignatureVerdict verdict, Supplier<byte[]> file) {
        return Arguments.of(n, what, verdict, file.get());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refusedResults")
    void resultIsRefusedForEveryVerdictButValidAndNothingIsWritten(
            int n, String what, SignatureVerdict verdict, byte[] file) {
        String code = "H30.298.11077-260601-000" + n;
        counterDossier(code, CITIZEN_A);
        Document signed = upload(code, "ket-qua.pdf", file);
        long before = written();

        Runnable call = () -> attach(leader(), code, signed.getId());
        assertThat(error(call)).isEqualTo("FAILED_PRECONDITION/RULE_VIOLATED");
        assertThat(metadata(call)).containsEntry("verdict", verdict.name()).containsEntry("rule", "SIGNATURE_VALID");

        assertThat(written()).isEqualTo(before);
    }

    @Test
    void resultThatIsNotAPdfIsRefusedAsUnsignedAndNothingIsWritten() {
        String code = "H30.298.11077-260601-0010";
        counterDossier(code, CITIZEN_A);
        Document image = upload(code, "ket-qua.jpg", Fixtures.jpeg(40, 30));
        long before = written();

        assertThat(metadata(() -> attach(leader(), code, image.getId()))).containsEntry("verdict", "UNSIGNED");
        assertThat(written()).isEqualTo(before);
        assertThat(error(() -> attach(receptionOfficer(UNIT), code, image.getId())))
                .as("a reception officer does not attach results")
                .isEqualTo("PERMISSION_DENIED/ROLE_NOT_ALLOWED");
    }

    @Test
    void resultUploadedByTheApplicantIsRefusedWhateverItsSignature() {
        String reference = "TN-2606010050";
        onlineDossier(reference, CITIZEN_A);
        Document own = upload(
                citizen(CITIZEN_A),
                DocumentUploadClient.forDossier(reference, "ket-qua.pdf").build(),
                pdfs.signed());
        long before = written();

        Runnable call = () -> attach(leader(), reference, own.getId());
        assertThat(error(call)).isEqualTo("FAILED_PRECONDITION/RULE_VIOLATED");
        assertThat(metadata(call)).containsEntry("rule", "UPLOADED_BY_OFFICER");
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void issuedResultGoesIntoTheApplicantsWarehouseExactlyOnceWhateverTheRedeliveries() {
        String code = "H30.298.11077-260601-0020";
        counterDossier(code, CITIZEN_A);
        Document signed = upload(code, "ket-qua.pdf", pdfs.signed());

        DossierResult result = attach(leader(), code, signed.getId());
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
        assertThat(item.getDocumentId()).isEqualTo(signed.getId());
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
        assertThat(error(() -> attach(leader(), code, signed.getId())))
                .as("a result in the warehouse no longer changes")
                .isEqualTo("FAILED_PRECONDITION/RULE_VIOLATED");
    }

    @Test
    void resultAttachedAfterTheDossierWasIssuedGoesIntoTheWarehouseAtOnceAndOnlyOnce() {
        String code = "H30.298.11077-260601-0060";
        // issued already (result_issued went by before any result was attached here); an applicant of its own, so
        // the other tests' warehouse counts are not disturbed
        dossierService.dossier(
                dossier(
                        code,
                        "",
                        vn.motcua.proto.dossier.v1.Channel.CHANNEL_COUNTER,
                        DossierStatus.DOSSIER_STATUS_RESULT_READY,
                        "001099077777"),
                "specialist-" + UNIT,
                "leader-" + UNIT);
        Document signed = upload(code, "ket-qua.pdf", pdfs.signed());

        DossierResult result = attach(leader(), code, signed.getId());

        assertThat(result.getWarehouseItemId()).isNotEmpty();
        assertThat(count("SELECT COUNT(*) FROM warehouse_item WHERE kind = 'RESULT' AND dossier_key = ?", code))
                .isOne();
        assertThat(events(code))
                .extracting(Map.Entry::getKey)
                .containsExactly("digitization.result_attached", "digitization.warehouse_linked");
        long last = dossierService.publish(
                "ev-late-returned",
                "dossier.result_returned",
                code,
                DossierChanged.newBuilder()
                        .setCode(code)
                        .setReceivingUnitCode(UNIT)
                        .setState(DossierStatus.DOSSIER_STATUS_RETURNED)
                        .build());
        await(() -> cursors.cursor(DossierFeedConsumer.CONSUMER, DossierFeedConsumer.SOURCE) >= last);
        assertThat(count("SELECT COUNT(*) FROM warehouse_item WHERE kind = 'RESULT' AND dossier_key = ?", code))
                .isOne();
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
