package vn.motcua.digitization.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.motcua.digitization.common.Vietnam;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.UploadScope;
import vn.motcua.digitization.signature.SignatureVerdict;
import vn.motcua.digitization.testing.ScriptedSignatureVerifier;
import vn.motcua.proto.common.v1.PageRequest;
import vn.motcua.proto.digitization.v1.CertifiedCopy;
import vn.motcua.proto.digitization.v1.CertifyCopyRequest;
import vn.motcua.proto.digitization.v1.ListCertifiedCopiesRequest;
import vn.motcua.proto.digitization.v1.ListCertifiedCopiesResponse;

/**
 * Electronic certified copies: numbers {@code <unit>/<year>/<seq>} of a unit's register are gapless and unique
 * under concurrent certifications, a refused certification uses no number, the same request id answers the first
 * certification, and another unit's officers neither certify nor list the unit's copies.
 */
@MicronautTest(transactional = false)
class CertifiedCopyIT extends DigitizationItSupport {

    private StoredDocument original(String unit, SignatureVerdict verdict) {
        return store.put(
                UploadScope.certifyingUnit(unit),
                "giay-khai-sinh.pdf",
                "application/pdf",
                ScriptedSignatureVerifier.pdf(verdict),
                "subject-reception-" + unit);
    }

    private CertifyCopyRequest request(StoredDocument doc, String owner) {
        return CertifyCopyRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setDocumentId(doc.id())
                .setOwnerId(owner)
                .setTitle("Giấy khai sinh")
                .build();
    }

    private CertifiedCopy certify(String unit, CertifyCopyRequest request) {
        return copies(receptionOfficer(unit)).certifyCopy(request).getCopy();
    }

    private static int year() {
        return Vietnam.yearOf(Instant.now());
    }

    @Test
    void concurrentCertificationsOfOneUnitAreNumberedWithoutGapsOrDuplicates() throws Exception {
        String unit = "11077";
        int n = 30;
        List<StoredDocument> docs = IntStream.range(0, n)
                .mapToObj(i -> original(unit, SignatureVerdict.VALID))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<CertifiedCopy>> futures = new ArrayList<>();
            for (StoredDocument doc : docs) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return certify(unit, request(doc, CITIZEN_A));
                }));
            }
            go.countDown();
            List<String> numbers = new ArrayList<>();
            for (Future<CertifiedCopy> f : futures) {
                numbers.add(f.get(120, TimeUnit.SECONDS).getCertificateNumber());
            }
            List<String> expected = IntStream.rangeClosed(1, n)
                    .mapToObj(i -> unit + "/" + year() + "/" + String.format("%06d", i))
                    .toList();
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(
                        "SELECT COUNT(*) FROM feed_outbox WHERE aggregate_type = 'certified_copy'"
                                + " AND event_type = 'digitization.certified_copy_issued' AND unit_code = ?",
                        unit))
                .isEqualTo(n);
        assertThat(count(
                        "SELECT COUNT(*) FROM warehouse_item WHERE kind = 'CERTIFIED_COPY' AND unit_code = ?"
                                + " AND owner_id = ?",
                        unit,
                        CITIZEN_A))
                .isEqualTo(n);
    }

    @Test
    void refusedCertificationUsesNoNumberAndTheSameRequestIdAnswersTheFirst() {
        String unit = "11078";
        CertifyCopyRequest untrusted = request(original(unit, SignatureVerdict.UNTRUSTED), CITIZEN_B);
        assertThat(error(() -> certify(unit, untrusted))).isEqualTo("FAILED_PRECONDITION/RULE_VIOLATED");
        assertThat(metadata(() -> certify(unit, untrusted))).containsEntry("verdict", "UNTRUSTED");
        assertThat(count("SELECT COUNT(*) FROM certified_copy WHERE unit_code = ?", unit))
                .isZero();

        CertifyCopyRequest valid = request(original(unit, SignatureVerdict.VALID), CITIZEN_B);
        CertifiedCopy first = certify(unit, valid);
        assertThat(first.getCertificateNumber()).isEqualTo(unit + "/" + year() + "/000001");
        assertThat(first.getSignature().getVerdict().name()).isEqualTo("SIGNATURE_VERDICT_VALID");
        assertThat(first.getOwnerId()).isEqualTo(CITIZEN_B);
        assertThat(first.getWarehouseItemId()).startsWith("WH-");

        CertifiedCopy again = certify(unit, valid);
        assertThat(again.getCertificateNumber()).isEqualTo(first.getCertificateNumber());
        assertThat(again.getWarehouseItemId()).isEqualTo(first.getWarehouseItemId());
        assertThat(count("SELECT COUNT(*) FROM certified_copy WHERE unit_code = ?", unit))
                .isOne();
        assertThat(error(() -> certify(unit, valid.toBuilder().setTitle("Khác").build())))
                .isEqualTo("ALREADY_EXISTS/REQUEST_ID_REUSED");

        ListCertifiedCopiesResponse register = copies(idp.officer("clerk-" + unit, unit, "clerk"))
                .listCertifiedCopies(ListCertifiedCopiesRequest.newBuilder()
                        .setUnitCode(unit)
                        .setPage(PageRequest.newBuilder().setPageSize(10))
                        .build());
        assertThat(register.getCopiesList())
                .extracting(CertifiedCopy::getCertificateNumber)
                .containsExactly(first.getCertificateNumber());
    }

    @Test
    void anotherUnitsOfficerNeitherCertifiesNorListsTheUnitsCopies() {
        String unit = "11079";
        StoredDocument doc = original(unit, SignatureVerdict.VALID);

        assertThat(error(() -> certify(OTHER_UNIT, request(doc, CITIZEN_A)))).isEqualTo("NOT_FOUND/NOT_FOUND");
        assertThat(error(() -> copies(specialist(unit)).certifyCopy(request(doc, CITIZEN_A))))
                .isEqualTo("PERMISSION_DENIED/ROLE_NOT_ALLOWED");
        assertThat(error(() -> copies(receptionOfficer(OTHER_UNIT))
                        .listCertifiedCopies(ListCertifiedCopiesRequest.newBuilder()
                                .setUnitCode(unit)
                                .build())))
                .isEqualTo("NOT_FOUND/NOT_FOUND");
        assertThat(error(() -> certify(unit, request(doc, "12345"))))
                .as("owner is a citizen ID or a tax code")
                .isEqualTo("INVALID_ARGUMENT/INVALID_FIELD");
        assertThat(count("SELECT COUNT(*) FROM certified_copy_counter WHERE unit_code IN (?, ?)", unit, OTHER_UNIT))
                .isZero();
    }
}
