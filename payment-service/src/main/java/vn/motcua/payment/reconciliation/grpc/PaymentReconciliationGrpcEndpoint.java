package vn.motcua.payment.reconciliation.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import vn.motcua.payment.reconciliation.domain.Mismatch;
import vn.motcua.payment.reconciliation.domain.MismatchKind;
import vn.motcua.payment.reconciliation.domain.Reconciliation;
import vn.motcua.payment.reconciliation.service.ImportedSettlement;
import vn.motcua.payment.reconciliation.service.ReconciliationService;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.payment.v1.GetReconciliationRequest;
import vn.motcua.proto.payment.v1.GetReconciliationResponse;
import vn.motcua.proto.payment.v1.ImportSettlementRequest;
import vn.motcua.proto.payment.v1.ImportSettlementResponse;
import vn.motcua.proto.payment.v1.PaymentReconciliationServiceGrpc;

/**
 * motcua.payment.v1.PaymentReconciliationService: the only reconciliation class that touches generated proto
 * classes. Errors are domain exceptions, mapped to gRPC status by the platform interceptor.
 */
@Singleton
public class PaymentReconciliationGrpcEndpoint
        extends PaymentReconciliationServiceGrpc.PaymentReconciliationServiceImplBase {

    private final ReconciliationService service;

    public PaymentReconciliationGrpcEndpoint(ReconciliationService service) {
        this.service = service;
    }

    @Override
    public void importSettlement(ImportSettlementRequest r, StreamObserver<ImportSettlementResponse> observer) {
        ImportedSettlement imported = service.importSettlement(
                CallContext.requireCaller(),
                r.getRequestId(),
                r.getUnitCode(),
                r.getDate(),
                r.getCsv().toByteArray());
        observer.onNext(ImportSettlementResponse.newBuilder()
                .setLines(imported.lines())
                .setReconciliation(message(imported.reconciliation()))
                .build());
        observer.onCompleted();
    }

    @Override
    public void getReconciliation(GetReconciliationRequest r, StreamObserver<GetReconciliationResponse> observer) {
        Reconciliation reconciliation = service.get(CallContext.requireCaller(), r.getUnitCode(), r.getDate());
        observer.onNext(GetReconciliationResponse.newBuilder()
                .setReconciliation(message(reconciliation))
                .build());
        observer.onCompleted();
    }

    static vn.motcua.proto.payment.v1.Reconciliation message(Reconciliation r) {
        vn.motcua.proto.payment.v1.Reconciliation.Builder b = vn.motcua.proto.payment.v1.Reconciliation.newBuilder()
                .setUnitCode(r.unitCode())
                .setDate(r.date().toString())
                .setImported(r.imported())
                .setMatched(r.matched());
        for (Mismatch m : r.mismatches()) {
            vn.motcua.proto.payment.v1.Mismatch.Builder mb = vn.motcua.proto.payment.v1.Mismatch.newBuilder()
                    .setKind(kind(m.kind()))
                    .setOrderRef(m.orderRef())
                    .setPaymentId(nullToEmpty(m.paymentId()))
                    .setDossierCode(nullToEmpty(m.dossierCode()));
            if (m.hereAmount() != null) {
                mb.setHere(vnd(m.hereAmount()));
            }
            if (m.settlementAmount() != null) {
                mb.setSettlement(vnd(m.settlementAmount()));
            }
            b.addMismatches(mb);
        }
        return b.build();
    }

    private static vn.motcua.proto.payment.v1.MismatchKind kind(MismatchKind kind) {
        return switch (kind) {
            case MISSING_IN_SETTLEMENT -> vn.motcua.proto.payment.v1.MismatchKind.MISMATCH_KIND_MISSING_IN_SETTLEMENT;
            case MISSING_HERE -> vn.motcua.proto.payment.v1.MismatchKind.MISMATCH_KIND_MISSING_HERE;
            case AMOUNT_DIFFERS -> vn.motcua.proto.payment.v1.MismatchKind.MISMATCH_KIND_AMOUNT_DIFFERS;
        };
    }

    private static Money vnd(long amount) {
        return Money.newBuilder().setAmount(amount).setCurrencyCode("VND").build();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
