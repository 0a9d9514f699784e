package vn.motcua.payment.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.ErrorInfo;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.payment.provider.ProviderSigner;
import vn.motcua.platform.auth.MetadataKeys;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.payment.v1.CreatePaymentRequestRequest;
import vn.motcua.proto.payment.v1.FeeLine;
import vn.motcua.proto.payment.v1.HandleProviderCallbackRequest;
import vn.motcua.proto.payment.v1.HandleProviderCallbackResponse;
import vn.motcua.proto.payment.v1.Payment;
import vn.motcua.proto.payment.v1.PaymentServiceGrpc;
import vn.motcua.proto.payment.v1.StartOnlinePaymentRequest;
import vn.motcua.proto.payment.v1.StartOnlinePaymentResponse;

/**
 * Shared set-up of payment-service ITs: a throwaway MariaDB database per class, the test identity provider, a
 * plaintext channel to the real gRPC server, and a fake provider over HTTP for status queries and refunds. The sweep
 * thread is off: tests run a pass when they want one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PaymentItSupport implements TestPropertyProvider {

    public static final String SECRET = "it-provider-secret";
    public static final String MERCHANT = "MOTCUA-IT";
    public static final String UNIT = "11077";
    public static final List<String> PATH = List.of("30", "288", UNIT);
    public static final String CITIZEN_ID = "001099012345";

    protected final TestDatabase db = TestDatabase.create(getClass().getSimpleName());
    protected final TestIdentityProvider idp = TestIdentityProvider.start();
    protected final FakeProvider provider = new FakeProvider(SECRET, MERCHANT);
    protected final ProviderSigner signer = new ProviderSigner(SECRET);

    @Inject
    protected GrpcEmbeddedServer server;

    protected ManagedChannel channel;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(db.micronautProperties());
        props.putAll(idp.authProperties());
        props.put("motcua.payment.provider.base-url", provider.baseUrl());
        props.put("motcua.payment.provider.secret", SECRET);
        props.put("motcua.payment.provider.merchant-id", MERCHANT);
        props.put("motcua.payment.sweep-enabled", "false");
        props.putAll(extraProperties());
        return props;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    @BeforeAll
    protected void connect() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.getPort())
                .usePlaintext()
                .build();
    }

    @AfterAll
    protected void cleanUp() {
        channel.shutdownNow();
        provider.close();
        idp.close();
        db.close();
    }

    protected PaymentServiceGrpc.PaymentServiceBlockingStub ps(String token) {
        PaymentServiceGrpc.PaymentServiceBlockingStub stub =
                PaymentServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
        if (token == null) {
            return stub;
        }
        Metadata headers = new Metadata();
        headers.put(MetadataKeys.AUTHORIZATION, "Bearer " + token);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    protected String officer(String unit) {
        return idp.officer("officer-" + unit, unit, "reception_officer");
    }

    protected String payer() {
        return idp.citizen("citizen-a", CITIZEN_ID);
    }

    protected static Money vnd(long amount) {
        return Money.newBuilder().setAmount(amount).setCurrencyCode("VND").build();
    }

    protected CreatePaymentRequestRequest.Builder request(String dossierCode) {
        return CreatePaymentRequestRequest.newBuilder()
                .setRequestId("req-" + UUID.randomUUID())
                .setDossierCode(dossierCode)
                .setUnitCode(UNIT)
                .addAllUnitPath(PATH.subList(0, 2))
                .setProcedureCode("1.001234")
                .setPayerName("Nguyễn Thị Hồng Nhung")
                .setPayerCitizenId(CITIZEN_ID)
                .addLines(FeeLine.newBuilder()
                        .setName("Lệ phí cấp giấy chứng nhận")
                        .setAmount(vnd(30_000))
                        .setLegalBasis("Thông tư 85/2019/TT-BTC"))
                .addLines(FeeLine.newBuilder().setName("Phí thẩm định").setAmount(vnd(20_000)))
                .setOnlineDiscountPercent(10);
    }

    protected Payment create(String dossierCode) {
        return ps(officer(UNIT))
                .createPaymentRequest(request(dossierCode).build())
                .getPayment();
    }

    protected StartOnlinePaymentResponse start(String id) {
        return ps(payer())
                .startOnlinePayment(StartOnlinePaymentRequest.newBuilder()
                        .setRequestId("start-" + UUID.randomUUID())
                        .setId(id)
                        .setReturnUrl("http://127.0.0.1:8080/api/v1/payments/provider/return")
                        .setLocale("vn")
                        .setClientIp("10.1.2.3")
                        .build());
    }

    /** The provider's notification about an order, signed with the merchant's secret. */
    protected Map<String, String> notification(String orderRef, long amount, String code, String transactionNo) {
        Map<String, String> p = new HashMap<>();
        p.put("merchant_id", MERCHANT);
        p.put("order_ref", orderRef);
        p.put("amount", Long.toString(amount));
        p.put("currency", "VND");
        p.put("response_code", code);
        if (transactionNo != null) {
            p.put("transaction_no", transactionNo);
        }
        p.put("pay_date", "20261207093512");
        return signer.signed(p);
    }

    protected HandleProviderCallbackResponse callback(Map<String, String> params) {
        return ps(null).handleProviderCallback(HandleProviderCallbackRequest.newBuilder()
                .putAllParameters(params)
                .build());
    }

    protected long count(String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected List<String> strings(String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected void execute(String sql, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payment's events in the outbox, in writing order. */
    protected List<String> events(String paymentId) {
        return strings("SELECT event_type FROM feed_outbox WHERE aggregate_id = ? ORDER BY id", paymentId);
    }

    protected static StatusRuntimeException failure(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a gRPC error");
    }

    /** The status code and ErrorInfo reason of a failed call, e.g. "FAILED_PRECONDITION/STALE_REVISION". */
    protected static String error(Runnable call) {
        StatusRuntimeException e = failure(call);
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        String reason = status == null
                ? ""
                : status.getDetailsList().stream()
                        .filter(a -> a.is(ErrorInfo.class))
                        .map(a -> {
                            try {
                                return a.unpack(ErrorInfo.class).getReason();
                            } catch (com.google.protobuf.InvalidProtocolBufferException x) {
                                throw new IllegalStateException(x);
                            }
                        })
                        .findFirst()
                        .orElse("");
        return e.getStatus().getCode() + "/" + reason;
    }

    protected static void assertError(Runnable call, String expected) {
        assertThat(error(call)).isEqualTo(expected);
    }
}
