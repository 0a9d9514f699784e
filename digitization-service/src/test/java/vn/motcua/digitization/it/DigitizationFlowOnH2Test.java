package vn.motcua.digitization.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.micronaut.context.ApplicationContext;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.transaction.TransactionOperations;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.UploadScope;
import vn.motcua.digitization.result.service.ResultCommands;
import vn.motcua.digitization.signature.SignatureVerdict;
import vn.motcua.digitization.testing.FileDocumentStore;
import vn.motcua.digitization.testing.ScriptedSignatureVerifier;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.digitization.v1.AttachComponentDocumentRequest;
import vn.motcua.proto.digitization.v1.AttachResultRequest;
import vn.motcua.proto.digitization.v1.CertifiedCopyServiceGrpc;
import vn.motcua.proto.digitization.v1.CertifyCopyRequest;
import vn.motcua.proto.digitization.v1.CheckComponentRequest;
import vn.motcua.proto.digitization.v1.ComponentSource;
import vn.motcua.proto.digitization.v1.ComponentState;
import vn.motcua.proto.digitization.v1.ConfirmComponentRequest;
import vn.motcua.proto.digitization.v1.DigitizationServiceGrpc;
import vn.motcua.proto.digitization.v1.ExemptComponentRequest;
import vn.motcua.proto.digitization.v1.ExemptionReason;
import vn.motcua.proto.digitization.v1.GetDossierDigitizationRequest;
import vn.motcua.proto.digitization.v1.ListCertifiedCopiesRequest;
import vn.motcua.proto.digitization.v1.ListMyWarehouseRequest;
import vn.motcua.proto.digitization.v1.WarehouseServiceGrpc;
import vn.motcua.proto.dossier.v1.Applicant;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.DossierStatus;

/**
 * The embedded default (docs/runtime.md): the migrations V5-V9 and every statement of digitizing a dossier,
 * attaching its result, putting it into the warehouse and certifying a copy run on H2 in MySQL mode too, not only on
 * MariaDB.
 */
class DigitizationFlowOnH2Test {

    private static final String UNIT = "11077";
    private static final String CODE = "H30.298.11077-260801-0001";
    private static final String CITIZEN = "001099012345";

    @Test
    void migratesDigitizesAndCertifiesOnH2InMySqlMode() {
        try (TestIdentityProvider idp = TestIdentityProvider.start();
                FakeDossierService dossiers = FakeDossierService.start();
                ApplicationContext ctx = ApplicationContext.run(properties(idp, dossiers), "test")) {
            GrpcEmbeddedServer server = ctx.getBean(GrpcEmbeddedServer.class);
            if (!server.isRunning()) {
                server.start();
            }
            dossiers.procedure("1.001193", 2, "Tờ khai", "*Căn cước công dân");
            dossiers.dossier(
                    Dossier.newBuilder()
                            .setCode(CODE)
                            .setProcedureCode("1.001193")
                            .setProcedureVersion(2)
                            .setReceivingUnitCode(UNIT)
                            .setCompetentUnitCode(UNIT)
                            .setStatus(DossierStatus.DOSSIER_STATUS_IN_PROCESS)
                            .setChannel(Channel.CHANNEL_COUNTER)
                            .setApplicant(Applicant.newBuilder().setCitizenId(CITIZEN))
                            .build(),
                    "officer",
                    "leader");
            FileDocumentStore store = ctx.getBean(FileDocumentStore.class);
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort())
                    .usePlaintext()
                    .build();
            try {
                String officer = idp.officer("officer", UNIT, "reception_officer");
                DigitizationServiceGrpc.DigitizationServiceBlockingStub d =
                        as(DigitizationServiceGrpc.newBlockingStub(channel), officer);
                StoredDocument scan = store.put(
                        UploadScope.dossier(CODE),
                        "scan.pdf",
                        "application/pdf",
                        "%PDF-1.7 scan".getBytes(StandardCharsets.US_ASCII),
                        "s");
                d.attachComponentDocument(AttachComponentDocumentRequest.newBuilder()
                        .setDossierCode(CODE)
                        .setComponentNumber(1)
                        .setDocumentId(scan.id())
                        .setSource(ComponentSource.COMPONENT_SOURCE_SCAN)
                        .build());
                d.checkComponent(CheckComponentRequest.newBuilder()
                        .setDossierCode(CODE)
                        .setComponentNumber(1)
                        .setMatchesOriginal(true)
                        .build());
                d.confirmComponent(ConfirmComponentRequest.newBuilder()
                        .setDossierCode(CODE)
                        .setComponentNumber(1)
                        .build());
                d.exemptComponent(ExemptComponentRequest.newBuilder()
                        .setDossierCode(CODE)
                        .setComponentNumber(2)
                        .setReason(ExemptionReason.EXEMPTION_REASON_PRESENT_ONLY)
                        .build());
                var digitization = d.getDossierDigitization(GetDossierDigitizationRequest.newBuilder()
                                .setDossierCode(CODE)
                                .build())
                        .getDigitization();
                assertThat(digitization.getComplete()).isTrue();
                assertThat(digitization.getComponents(0).getState())
                        .isEqualTo(ComponentState.COMPONENT_STATE_CONFIRMED);

                StoredDocument signed = store.put(
                        UploadScope.dossier(CODE),
                        "kq.pdf",
                        "application/pdf",
                        ScriptedSignatureVerifier.pdf(SignatureVerdict.VALID),
                        "s");
                as(DigitizationServiceGrpc.newBlockingStub(channel), idp.officer("leader", UNIT, "unit_leader"))
                        .attachResult(AttachResultRequest.newBuilder()
                                .setDossierCode(CODE)
                                .setDocumentId(signed.id())
                                .build());
                ResultCommands results = ctx.getBean(ResultCommands.class);
                @SuppressWarnings("unchecked")
                TransactionOperations<Connection> tx = ctx.getBean(TransactionOperations.class);
                java.util.Optional<vn.motcua.digitization.warehouse.domain.WarehouseItem> first =
                        tx.executeWrite(s -> results.resultIssued(CODE, Instant.now()));
                java.util.Optional<vn.motcua.digitization.warehouse.domain.WarehouseItem> again =
                        tx.executeWrite(s -> results.resultIssued(CODE, Instant.now()));
                assertThat(first).isPresent();
                assertThat(again).as("once").isEmpty();

                StoredDocument original = store.put(
                        UploadScope.certifyingUnit(UNIT),
                        "ban-sao.pdf",
                        "application/pdf",
                        ScriptedSignatureVerifier.pdf(SignatureVerdict.VALID),
                        "s");
                var copy = as(CertifiedCopyServiceGrpc.newBlockingStub(channel), officer)
                        .certifyCopy(CertifyCopyRequest.newBuilder()
                                .setRequestId("c-1")
                                .setDocumentId(original.id())
                                .setOwnerId(CITIZEN)
                                .setTitle("Giấy khai sinh")
                                .build())
                        .getCopy();
                assertThat(copy.getCertificateNumber()).endsWith("/000001");
                assertThat(as(CertifiedCopyServiceGrpc.newBlockingStub(channel), officer)
                                .listCertifiedCopies(ListCertifiedCopiesRequest.getDefaultInstance())
                                .getCopiesCount())
                        .isOne();
                assertThat(as(WarehouseServiceGrpc.newBlockingStub(channel), idp.citizen("c", CITIZEN))
                                .listMyWarehouse(ListMyWarehouseRequest.newBuilder()
                                        .setValidOnly(true)
                                        .build())
                                .getItemsCount())
                        .as("the confirmed component, the result and the certified copy")
                        .isEqualTo(3);
            } finally {
                channel.shutdownNow();
            }
        }
    }

    private static <S extends io.grpc.stub.AbstractBlockingStub<S>> S as(S stub, String token) {
        Metadata headers = new Metadata();
        headers.put(MetadataKeys.AUTHORIZATION, "Bearer " + token);
        return stub.withDeadlineAfter(30, TimeUnit.SECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static Map<String, Object> properties(TestIdentityProvider idp, FakeDossierService dossiers) {
        Map<String, Object> props = new HashMap<>(idp.authProperties());
        props.put(
                "datasources.default.url",
                "jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,DAY,MONTH,YEAR");
        props.put("grpc.server.port", TestPorts.free());
        props.put("grpc.channels.dossier.address", dossiers.address());
        return props;
    }
}
