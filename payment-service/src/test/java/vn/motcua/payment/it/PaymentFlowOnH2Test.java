package vn.motcua.payment.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.micronaut.context.ApplicationContext;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.motcua.payment.provider.ProviderSigner;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.payment.v1.CreatePaymentRequestRequest;
import vn.motcua.proto.payment.v1.FeeLine;
import vn.motcua.proto.payment.v1.GetReceiptPdfRequest;
import vn.motcua.proto.payment.v1.HandleProviderCallbackRequest;
import vn.motcua.proto.payment.v1.Payment;
import vn.motcua.proto.payment.v1.PaymentChannel;
import vn.motcua.proto.payment.v1.PaymentServiceGrpc;
import vn.motcua.proto.payment.v1.PaymentStatus;
import vn.motcua.proto.payment.v1.RecordCounterPaymentRequest;
import vn.motcua.proto.payment.v1.RefundPaymentRequest;
import vn.motcua.proto.payment.v1.StartOnlinePaymentRequest;

/**
 * The embedded default (docs/runtime.md): the migrations and every statement of an online payment, a counter
 * payment and a refund run on H2 in MySQL mode too, not only on MariaDB.
 */
class PaymentFlowOnH2Test {

    @Test
    void migratesAndPaysOnH2InMySqlMode() {
        try (TestIdentityProvider idp = TestIdentityProvider.start();
                ApplicationContext ctx = ApplicationContext.run(properties(idp))) {
            GrpcEmbeddedServer server = ctx.getBean(GrpcEmbeddedServer.class);
            if (!server.isRunning()) {
                server.start();
            }
            ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort())
                    .usePlaintext()
                    .build();
            try {
                String officer = idp.officer("officer", "11077", "reception_officer");
                String payer = idp.citizen("citizen", "001099012345");
                Payment online = stub(channel, officer)
                        .createPaymentRequest(request("D-H2-1"))
                        .getPayment();
                String redirect = stub(channel, payer)
                        .startOnlinePayment(StartOnlinePaymentRequest.newBuilder()
                                .setRequestId("s-1")
                                .setId(online.getId())
                                .setReturnUrl("http://127.0.0.1:8080/back")
                                .setClientIp("127.0.0.1")
                                .build())
                        .getRedirectUrl();
                // application.yml's documented defaults: the simulator's address and the gateway's callback route
                assertThat(redirect)
                        .startsWith("http://127.0.0.1:8090/pay?")
                        .contains("merchant_id=MOTCUA-DEMO")
                        .contains(
                                "notify_url=http%3A%2F%2F127.0.0.1%3A8080%2Fapi%2Fv1%2Fpayments%2Fprovider%2Fcallback");
                Map<String, String> ipn = new HashMap<>();
                ipn.put("merchant_id", "MOTCUA-DEMO");
                ipn.put("order_ref", online.getId() + "-1");
                ipn.put("amount", "50000");
                ipn.put("currency", "VND");
                ipn.put("response_code", "00");
                ipn.put("transaction_no", "H2-1");
                assertThat(stub(channel, null)
                                .handleProviderCallback(HandleProviderCallbackRequest.newBuilder()
                                        .putAllParameters(
                                                new ProviderSigner("motcua-demo-payment-provider-secret").signed(ipn))
                                        .build())
                                .getProviderCode())
                        .isEqualTo("00");

                Payment counter = stub(channel, officer)
                        .createPaymentRequest(request("D-H2-2"))
                        .getPayment();
                Payment paid = stub(channel, officer)
                        .recordCounterPayment(RecordCounterPaymentRequest.newBuilder()
                                .setRequestId("c-1")
                                .setId(counter.getId())
                                .setChannel(PaymentChannel.PAYMENT_CHANNEL_POSTAL)
                                .setAmount(Money.newBuilder().setAmount(50_000).setCurrencyCode("VND"))
                                .build())
                        .getPayment();
                assertThat(paid.getStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_PAID);
                assertThat(paid.getReceipt().getNumber()).endsWith("/000002");
                var refunded = stub(channel, officer)
                        .refundPayment(RefundPaymentRequest.newBuilder()
                                .setRequestId("r-1")
                                .setId(counter.getId())
                                .setAmount(Money.newBuilder().setAmount(10_000))
                                .setReason("Thu thừa")
                                .build());
                assertThat(refunded.getPayment().getRefunded().getAmount()).isEqualTo(10_000);
                assertThat(stub(channel, officer)
                                .getReceiptPdf(GetReceiptPdfRequest.newBuilder()
                                        .setId(counter.getId())
                                        .build())
                                .getContent()
                                .size())
                        .isPositive();
            } finally {
                channel.shutdownNow();
            }
        }
    }

    private static CreatePaymentRequestRequest request(String dossier) {
        return CreatePaymentRequestRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setDossierCode(dossier)
                .setUnitCode("11077")
                .addUnitPath("30")
                .setProcedureCode("1.001234")
                .setPayerName("Trần Văn Bình")
                .setPayerCitizenId("001099012345")
                .addLines(FeeLine.newBuilder()
                        .setName("Lệ phí")
                        .setAmount(Money.newBuilder().setAmount(50_000).setCurrencyCode("VND")))
                .build();
    }

    private static PaymentServiceGrpc.PaymentServiceBlockingStub stub(ManagedChannel channel, String token) {
        PaymentServiceGrpc.PaymentServiceBlockingStub stub =
                PaymentServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
        if (token == null) {
            return stub;
        }
        Metadata headers = new Metadata();
        headers.put(MetadataKeys.AUTHORIZATION, "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static Map<String, Object> properties(TestIdentityProvider idp) {
        Map<String, Object> props = new HashMap<>(idp.authProperties());
        props.put(
                "datasources.default.url",
                "jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,DAY,MONTH,YEAR");
        props.put("grpc.server.port", TestPorts.free());
        props.put("motcua.payment.sweep-enabled", false);
        return props;
    }
}
