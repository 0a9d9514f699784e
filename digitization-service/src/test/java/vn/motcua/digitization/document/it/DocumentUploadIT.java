package vn.motcua.digitization.document.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.digitization.document.content.Fixtures;
import vn.motcua.digitization.testing.DocumentUploadClient;
import vn.motcua.platform.error.GrpcErrors;
import vn.motcua.proto.digitization.v1.Document;
import vn.motcua.proto.digitization.v1.DocumentVersion;
import vn.motcua.proto.digitization.v1.GetDocumentRequest;
import vn.motcua.proto.digitization.v1.UploadDocumentRequest;
import vn.motcua.proto.digitization.v1.UploadDocumentResponse;
import vn.motcua.proto.digitization.v1.UploadHeader;
import vn.motcua.proto.digitization.v1.VersionOrigin;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.DossierStatus;

/**
 * Uploads and downloads through the real gRPC server on MariaDB, with the real access rules (dossier-service, faked,
 * decides who sees a dossier), and every refusal leaving nothing behind.
 */
@MicronautTest(transactional = false)
class DocumentUploadIT extends DocumentItSupport {

    static final long MAX_SIZE = 8L * MIB;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("motcua.digitization.upload.max-size", Long.toString(MAX_SIZE));
    }

    @Test
    void uploadedPdfDownloadsByteForByteWithItsSha256() {
        counterDossier("HS-001", CITIZEN_A);
        byte[] pdf = Fixtures.pdf(3);
        Document uploaded = upload(officer(), header("HS-001", "giay-to.pdf").build(), pdf);

        assertThat(uploaded.getId()).matches("DOC-[A-Z2-7]{26}");
        assertThat(uploaded.getDossierCode()).isEqualTo("HS-001");
        assertThat(uploaded.getFileName()).isEqualTo("giay-to.pdf");
        assertThat(uploaded.getCreatedBy()).isEqualTo("reception-" + UNIT);
        DocumentVersion v = uploaded.getVersions(0);
        assertThat(v.getVersion()).isEqualTo(1);
        assertThat(v.getSha256()).isEqualTo(sha256(pdf));
        assertThat(v.getSize()).isEqualTo(pdf.length);
        assertThat(v.getMediaType()).isEqualTo("application/pdf");
        assertThat(v.getPageCount()).isEqualTo(3);
        assertThat(v.getOrigin()).isEqualTo(VersionOrigin.VERSION_ORIGIN_UPLOADED);

        Downloaded down = download(officer(), uploaded.getId(), 0, true);
        assertThat(down.content()).isEqualTo(pdf);
        assertThat(down.sha256()).isEqualTo(v.getSha256());
        assertThat(down.metadata().getMetadata()).isEqualTo(v);
        assertThat(blocking(officer())
                        .getDocument(GetDocumentRequest.newBuilder()
                                .setDocumentId(uploaded.getId())
                                .build())
                        .getDocument())
                .isEqualTo(uploaded);
        assertThat(files("spool")).isEmpty();
    }

    @Test
    void contentLargerThanOneChunkArrivesWhole() {
        counterDossier("HS-002", CITIZEN_A);
        byte[] big = Fixtures.handWrittenPdf("", new byte[3 * MIB + 123], "");
        Document uploaded = upload(officer(), header("HS-002", "scan.pdf").build(), big);
        Downloaded down = download(officer(), uploaded.getId(), 1, false);
        assertThat(down.sha256()).isEqualTo(sha256(big));
        assertThat(down.chunks()).isEqualTo(4);
    }

    @Test
    void aNewVersionGetsTheNextNumberAndTheOldOneStaysReadable() {
        counterDossier("HS-003", CITIZEN_A);
        byte[] first = Fixtures.png(20, 20);
        byte[] second = Fixtures.jpeg(30, 10);
        Document doc = upload(officer(), header("HS-003", "anh.png").build(), first);
        Document again = upload(
                officer(),
                header("HS-003", "anh.jpg").setDocumentId(doc.getId()).build(),
                second);

        assertThat(again.getId()).isEqualTo(doc.getId());
        assertThat(again.getVersionsList())
                .extracting(DocumentVersion::getVersion, DocumentVersion::getMediaType, DocumentVersion::getSha256)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "image/png", sha256(first)),
                        org.assertj.core.groups.Tuple.tuple(2, "image/jpeg", sha256(second)));
        assertThat(download(officer(), doc.getId(), 1, true).content()).isEqualTo(first);
        assertThat(download(officer(), doc.getId(), 0, true).content()).isEqualTo(second);
    }

    @Test
    void aVersionForADocumentOfAnotherScopeIsNotFound() {
        counterDossier("HS-004", CITIZEN_A);
        counterDossier("HS-OTHER", CITIZEN_A);
        Document doc = upload(officer(), header("HS-004", "a.png").build(), Fixtures.png(5, 5));
        assertThatThrownBy(() -> upload(
                        officer(),
                        header("HS-OTHER", "a.png").setDocumentId(doc.getId()).build(),
                        Fixtures.png(6, 6)))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void onlyTheDocumentsCreatorAddsAVersionToIt() {
        onlineDossier("HS-004B", "001099000003");
        String applicant = citizen("001099000003");
        Document officers = upload(officer(), header("HS-004B", "scan.png").build(), Fixtures.png(5, 5));
        for (String other : List.of(applicant, specialist(UNIT))) {
            assertThatThrownBy(() -> upload(
                            other,
                            header("HS-004B", "scan.png")
                                    .setDocumentId(officers.getId())
                                    .build(),
                            Fixtures.png(6, 6)))
                    .as("someone who may upload to the dossier but did not create the document")
                    .isInstanceOfSatisfying(
                            StatusRuntimeException.class,
                            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        }
        assertThat(count("SELECT COUNT(*) FROM document_version WHERE document_id = ?", officers.getId()))
                .isOne();
        Document own = upload(applicant, header("HS-004B", "cccd.png").build(), Fixtures.png(5, 5));
        assertThat(upload(
                                applicant,
                                header("HS-004B", "cccd.png")
                                        .setDocumentId(own.getId())
                                        .build(),
                                Fixtures.png(7, 7))
                        .getVersionsCount())
                .isEqualTo(2);
    }

    @Test
    void retryWithTheSameRequestIdAnswersTheFirstDocumentAndStoresOnce() {
        counterDossier("HS-005", CITIZEN_A);
        String requestId = "up-" + UUID.randomUUID();
        byte[] pdf = Fixtures.pdf(1);
        UploadHeader h = header("HS-005", "don.pdf").setRequestId(requestId).build();
        Document first = upload(officer(), h, pdf);
        Document retry = upload(officer(), h, pdf);

        assertThat(retry).isEqualTo(first);
        assertThat(count("SELECT COUNT(*) FROM document WHERE dossier_code = 'HS-005'"))
                .isEqualTo(1);

        assertThatThrownBy(() -> upload(officer(), h, Fixtures.pdf(2)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
                    assertThat(GrpcErrors.errorInfo(e).getReason()).isEqualTo("REQUEST_ID_REUSED");
                });
        assertThat(count("SELECT COUNT(*) FROM document WHERE dossier_code = 'HS-005'"))
                .isEqualTo(1);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("executable renamed .pdf", "hoa-don.pdf", Fixtures.elfExecutable(), 0L, "file"),
                Arguments.of("Windows executable renamed .pdf", "x.pdf", Fixtures.windowsExecutable(), 0L, "file"),
                Arguments.of("0-byte file", "empty.pdf", new byte[0], 0L, "file"),
                Arguments.of("PNG bomb", "bomb.png", Fixtures.pngHeaderClaiming(50_000, 50_000), 0L, "file"),
                Arguments.of("PDF inflate bomb", "bomb.pdf", Fixtures.pdfBomb(300 * MIB), 0L, "file"),
                Arguments.of("PDF with JavaScript", "js.pdf", Fixtures.pdfWithOpenActionJavaScript(true), 0L, "file"),
                Arguments.of("encrypted PDF", "locked.pdf", Fixtures.encryptedPdf("secret"), 0L, "file"),
                Arguments.of("path traversal name", "../../etc/passwd.pdf", Fixtures.pdf(1), 0L, "file_name"),
                Arguments.of("NUL in the name", "a\u0000.pdf", Fixtures.pdf(1), 0L, "file_name"),
                Arguments.of("control character name", "a\u0007b.pdf", Fixtures.pdf(1), 0L, "file_name"),
                Arguments.of("name over 255 characters", "a".repeat(252) + ".pdf", Fixtures.pdf(1), 0L, "file_name"),
                Arguments.of("declared size larger", "short.pdf", Fixtures.pdf(1), 999_999L, "declared_size"),
                Arguments.of("declared size smaller", "long.pdf", Fixtures.pdf(1), 10L, "declared_size"),
                Arguments.of("over the size limit", "huge.pdf", new byte[(int) MAX_SIZE + 1], 0L, "file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRefusedAndNothingIsStored(
            String what, String fileName, byte[] content, long declaredSize, String field) {
        counterDossier("HS-BAD", CITIZEN_A);
        long documents = count("SELECT COUNT(*) FROM document");
        long versions = count("SELECT COUNT(*) FROM document_version");
        List<Path> blobs = files("blobs");

        assertThatThrownBy(() -> upload(
                        officer(),
                        header("HS-BAD", fileName).setDeclaredSize(declaredSize).build(),
                        content))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isIn(Status.Code.INVALID_ARGUMENT, Status.Code.OUT_OF_RANGE);
                    assertThat(GrpcErrors.badRequest(e).getFieldViolationsList())
                            .extracting(v -> v.getField())
                            .contains(field);
                    assertThat(e.getStatus().getDescription()).isNotBlank();
                });

        assertThat(count("SELECT COUNT(*) FROM document")).isEqualTo(documents);
        assertThat(count("SELECT COUNT(*) FROM document_version")).isEqualTo(versions);
        assertThat(files("blobs")).containsExactlyInAnyOrderElementsOf(blobs);
        awaitNoSpoolFiles();
    }

    @Test
    void anUploadToAScopeTheCallerCannotSeeIsRefusedBeforeAnyContent() {
        dossierService.dossier(
                dossier("HIDDEN-1", "", Channel.CHANNEL_COUNTER, DossierStatus.DOSSIER_STATUS_IN_PROCESS, CITIZEN_A),
                "reception-" + OTHER_UNIT);
        assertThatThrownBy(() -> upload(officer(), header("HIDDEN-1", "a.pdf").build(), Fixtures.pdf(1)))
                .as("a dossier dossier-service does not show the caller")
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> upload(
                        receptionOfficer(OTHER_UNIT),
                        DocumentUploadClient.forUnit(UNIT, "a.pdf").build(),
                        Fixtures.pdf(1)))
                .as("an original for another unit's desk")
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThat(count("SELECT COUNT(*) FROM document WHERE dossier_code = 'HIDDEN-1'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM document WHERE certifying_unit_code = ?", UNIT))
                .isZero();
        awaitNoSpoolFiles();
    }

    @Test
    void aCitizenCannotReadAnotherCitizensDocument() {
        String alice = citizen("001099000001");
        String bob = citizen("001099000002");
        onlineDossier("HS-006", "001099000001");
        Document doc = upload(alice, header("HS-006", "cccd.jpg").build(), Fixtures.jpeg(10, 10));

        assertThat(download(alice, doc.getId(), 0, false).size()).isPositive();
        assertThatThrownBy(() -> download(bob, doc.getId(), 0, false))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
        assertThatThrownBy(() -> blocking(bob)
                        .getDocument(GetDocumentRequest.newBuilder()
                                .setDocumentId(doc.getId())
                                .build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    @Test
    void aStreamCancelledHalfwayStoresNothing() throws Exception {
        counterDossier("HS-CUT", CITIZEN_A);
        long documents = count("SELECT COUNT(*) FROM document");
        List<Path> blobs = files("blobs");
        StreamObserver<UploadDocumentResponse> ignore = new StreamObserver<>() {
            public void onNext(UploadDocumentResponse value) {}

            public void onError(Throwable t) {}

            public void onCompleted() {}
        };
        StreamObserver<UploadDocumentRequest> requests = async(officer()).uploadDocument(ignore);
        requests.onNext(UploadDocumentRequest.newBuilder()
                .setHeader(header("HS-CUT", "cut.pdf").setRequestId("cut-1"))
                .build());
        byte[] pdf = Fixtures.handWrittenPdf("", new byte[4 * MIB], "");
        for (int i = 0; i < 2; i++) {
            requests.onNext(UploadDocumentRequest.newBuilder()
                    .setChunk(ByteString.copyFrom(pdf, i * MIB, MIB))
                    .build());
        }
        // the server has begun spooling the content
        await(() -> files("spool").stream().anyMatch(p -> size(p) >= MIB), "the server spooled the first chunk");

        requests.onError(new RuntimeException("the client gives up halfway"));

        awaitNoSpoolFiles();
        assertThat(count("SELECT COUNT(*) FROM document")).isEqualTo(documents);
        assertThat(count("SELECT COUNT(*) FROM idempotent_request WHERE request_id = 'cut-1'"))
                .isZero();
        assertThat(files("blobs")).containsExactlyInAnyOrderElementsOf(blobs);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private void awaitNoSpoolFiles() {
        await(() -> files("spool").isEmpty(), "the spool directory is empty");
    }

    /** Waits for a condition the server reaches asynchronously (a cancelled call is cleaned up after it ends). */
    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
