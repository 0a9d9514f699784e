package vn.motcua.gateway.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.google.protobuf.ByteString;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import vn.motcua.gateway.dossier.IdempotencyKeys;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.gateway.problem.ProblemException;
import vn.motcua.gateway.problem.Reasons;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.security.RoleDocs;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.payment.v1.GetReconciliationRequest;
import vn.motcua.proto.payment.v1.ImportSettlementRequest;
import vn.motcua.proto.payment.v1.ImportSettlementResponse;
import vn.motcua.proto.payment.v1.Mismatch;
import vn.motcua.proto.payment.v1.PaymentReconciliationServiceGrpc.PaymentReconciliationServiceBlockingStub;
import vn.motcua.proto.payment.v1.Reconciliation;

/**
 * Reconciliation of online payments against the provider's daily settlement file (PaymentReconciliationService):
 * per unit and day (Asia/Ho_Chi_Minh). The gateway admits officers; payment-service lets the unit's own reception
 * officers and leaders reconcile it (x-acting-roles) and answers 403 or 404 otherwise. The file is the raw body
 * (text/csv, UTF-8, header order_ref,transaction_no,amount,currency,pay_date,status); its lines are the service's
 * to read. Mismatch kinds: MISSING_IN_SETTLEMENT (paid here, not in the file), MISSING_HERE (in the file, not paid
 * here), AMOUNT_DIFFERS.
 */
@Controller("/api/v1/units/{unit}/reconciliation/{date}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReconciliationController {

    static final String CSV = "text/csv";
    /**
     * A day's settlement of one merchant is a few thousand lines of ~60 bytes: 512 KB leaves room for a busy
     * province and stays under the gateway's max-request-size (1 MB), which answers 413 above it.
     */
    static final int SETTLEMENT_MAX_BYTES = 512 * 1024;

    private final Downstream downstream;
    private final PaymentReconciliationServiceBlockingStub reconciliation;

    public ReconciliationController(Downstream downstream, PaymentReconciliationServiceBlockingStub reconciliation) {
        this.downstream = downstream;
        this.reconciliation = reconciliation;
    }

    /** Reception officer or leader of the unit: its reconciliation of a day (imported false until a file is). */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_RECONCILERS,
                                            parseValue = true)))
    @Get
    @Access(AccessPolicy.OFFICER)
    public ReconciliationJson get(HttpRequest<?> request, @PathVariable String unit, @PathVariable String date) {
        Violations v = new Violations();
        String unitCode = v.code("unit", unit, true);
        LocalDate day = v.date("date", date, true);
        v.throwIfAny();
        GetReconciliationRequest rpc = GetReconciliationRequest.newBuilder()
                .setUnitCode(unitCode)
                .setDate(day.toString())
                .build();
        return ReconciliationJson.from(
                call(request, s -> s.getReconciliation(rpc)).getReconciliation());
    }

    /**
     * Reception officer or leader of the unit: imports (or replaces) the provider's settlement file of the day as the raw text/csv body,
     * at most 512 KB. Answers {lines, reconciliation}.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_RECONCILERS,
                                            parseValue = true)))
    @Put("/settlement")
    @Consumes(CSV)
    @Access(AccessPolicy.OFFICER)
    public Imported importSettlement(
            HttpRequest<?> request,
            @PathVariable String unit,
            @PathVariable String date,
            @Nullable @Body byte[] body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        // without a Content-Type the router does not hold @Consumes against the body: the file's type is checked here,
        // so nothing but a CSV is ever imported
        if (request.getContentType()
                .filter(t -> t.getName().equalsIgnoreCase(CSV))
                .isEmpty()) {
            throw new ProblemException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    Reasons.UNSUPPORTED_MEDIA_TYPE,
                    "the settlement file must be sent as " + CSV,
                    List.of());
        }
        Violations v = new Violations();
        String unitCode = v.code("unit", unit, true);
        LocalDate day = v.date("date", date, true);
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        if (body == null || body.length == 0) {
            throw ProblemException.malformed("the settlement file is required as the body");
        }
        if (body.length > SETTLEMENT_MAX_BYTES) {
            v.add("$", "must be at most 512 KB");
        }
        v.throwIfAny();
        ImportSettlementRequest rpc = ImportSettlementRequest.newBuilder()
                .setRequestId(requestId)
                .setUnitCode(unitCode)
                .setDate(day.toString())
                .setCsv(ByteString.copyFrom(body))
                .build();
        ImportSettlementResponse response = call(request, s -> s.importSettlement(rpc));
        return new Imported(response.getLines(), ReconciliationJson.from(response.getReconciliation()));
    }

    private <R> R call(HttpRequest<?> request, Function<PaymentReconciliationServiceBlockingStub, R> rpc) {
        return downstream.call(request, reconciliation, rpc);
    }

    /** A unit's day: whether the provider's file was imported, how many payments matched, and the mismatches. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReconciliationJson(
            String unitCode, String date, boolean imported, int matched, List<MismatchJson> mismatches) {

        static ReconciliationJson from(Reconciliation r) {
            return new ReconciliationJson(
                    r.getUnitCode(),
                    r.getDate(),
                    r.getImported(),
                    r.getMatched(),
                    r.getMismatchesList().stream().map(MismatchJson::from).toList());
        }
    }

    /** here / settlement: the amount in đồng on each side, null where that side has no line. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MismatchJson(
            @Nullable String kind,
            @Nullable String orderRef,
            @Nullable String paymentId,
            @Nullable String dossierCode,
            @Nullable Long here,
            @Nullable Long settlement) {

        static MismatchJson from(Mismatch m) {
            return new MismatchJson(
                    ProtoValues.enumName(m.getKind(), "MISMATCH_KIND_"),
                    ProtoValues.text(m.getOrderRef()),
                    ProtoValues.text(m.getPaymentId()),
                    ProtoValues.text(m.getDossierCode()),
                    m.hasHere() ? m.getHere().getAmount() : null,
                    m.hasSettlement() ? m.getSettlement().getAmount() : null);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Imported(int lines, ReconciliationJson reconciliation) {}
}
