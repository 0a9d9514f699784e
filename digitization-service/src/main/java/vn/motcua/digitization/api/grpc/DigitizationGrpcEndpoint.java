package vn.motcua.digitization.api.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import vn.motcua.digitization.component.service.ComponentCommands;
import vn.motcua.digitization.component.service.DossierComponents;
import vn.motcua.digitization.result.service.ResultCommands;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.proto.digitization.v1.AttachComponentDocumentRequest;
import vn.motcua.proto.digitization.v1.AttachComponentDocumentResponse;
import vn.motcua.proto.digitization.v1.AttachResultRequest;
import vn.motcua.proto.digitization.v1.AttachResultResponse;
import vn.motcua.proto.digitization.v1.CheckComponentRequest;
import vn.motcua.proto.digitization.v1.CheckComponentResponse;
import vn.motcua.proto.digitization.v1.ConfirmComponentRequest;
import vn.motcua.proto.digitization.v1.ConfirmComponentResponse;
import vn.motcua.proto.digitization.v1.DigitizationServiceGrpc;
import vn.motcua.proto.digitization.v1.DossierDigitization;
import vn.motcua.proto.digitization.v1.ExemptComponentRequest;
import vn.motcua.proto.digitization.v1.ExemptComponentResponse;
import vn.motcua.proto.digitization.v1.FillComponentFromWarehouseRequest;
import vn.motcua.proto.digitization.v1.FillComponentFromWarehouseResponse;
import vn.motcua.proto.digitization.v1.GetDossierDigitizationRequest;
import vn.motcua.proto.digitization.v1.GetDossierDigitizationResponse;
import vn.motcua.proto.digitization.v1.VerifyDocumentSignatureRequest;
import vn.motcua.proto.digitization.v1.VerifyDocumentSignatureResponse;

/**
 * motcua.digitization.v1.DigitizationService. Errors are domain exceptions mapped to gRPC status by the platform
 * interceptor; only this class (and the other adapters) touch generated proto classes.
 */
@Singleton
public class DigitizationGrpcEndpoint extends DigitizationServiceGrpc.DigitizationServiceImplBase {

    private final ComponentCommands components;
    private final ResultCommands results;

    public DigitizationGrpcEndpoint(ComponentCommands components, ResultCommands results) {
        this.components = components;
        this.results = results;
    }

    @Override
    public void getDossierDigitization(
            GetDossierDigitizationRequest r, StreamObserver<GetDossierDigitizationResponse> observer) {
        DossierComponents dc = components.list(CallContext.requireCaller(), r.getDossierCode());
        DossierDigitization.Builder d = DossierDigitization.newBuilder()
                .setDossierCode(dc.dossier().code())
                .setProcedureCode(dc.dossier().procedureCode())
                .setProcedureVersion(dc.dossier().procedureVersion())
                .setComplete(dc.complete());
        dc.components().forEach(c -> d.addComponents(DigitizationMessages.component(c)));
        results.find(dc.dossier().key()).ifPresent(v -> d.setResult(DigitizationMessages.result(v)));
        reply(
                observer,
                GetDossierDigitizationResponse.newBuilder().setDigitization(d).build());
    }

    @Override
    public void attachComponentDocument(
            AttachComponentDocumentRequest r, StreamObserver<AttachComponentDocumentResponse> observer) {
        var view = components.attach(
                CallContext.requireCaller(),
                r.getDossierCode(),
                r.getComponentNumber(),
                r.getDocumentId(),
                DigitizationMessages.source(r.getSource()));
        reply(
                observer,
                AttachComponentDocumentResponse.newBuilder()
                        .setComponent(DigitizationMessages.component(view))
                        .build());
    }

    @Override
    public void checkComponent(CheckComponentRequest r, StreamObserver<CheckComponentResponse> observer) {
        var view = components.check(
                CallContext.requireCaller(),
                r.getDossierCode(),
                r.getComponentNumber(),
                r.getMatchesOriginal(),
                r.getNote());
        reply(
                observer,
                CheckComponentResponse.newBuilder()
                        .setComponent(DigitizationMessages.component(view))
                        .build());
    }

    @Override
    public void confirmComponent(ConfirmComponentRequest r, StreamObserver<ConfirmComponentResponse> observer) {
        var view = components.confirm(
                CallContext.requireCaller(),
                r.getDossierCode(),
                r.getComponentNumber(),
                r.hasValidUntil() ? DigitizationMessages.instant(r.getValidUntil()) : null);
        reply(
                observer,
                ConfirmComponentResponse.newBuilder()
                        .setComponent(DigitizationMessages.component(view))
                        .build());
    }

    @Override
    public void exemptComponent(ExemptComponentRequest r, StreamObserver<ExemptComponentResponse> observer) {
        var view = components.exempt(
                CallContext.requireCaller(),
                r.getDossierCode(),
                r.getComponentNumber(),
                DigitizationMessages.reason(r.getReason()),
                DigitizationMessages.source(r.getSource()),
                r.getNote());
        reply(
                observer,
                ExemptComponentResponse.newBuilder()
                        .setComponent(DigitizationMessages.component(view))
                        .build());
    }

    @Override
    public void fillComponentFromWarehouse(
            FillComponentFromWarehouseRequest r, StreamObserver<FillComponentFromWarehouseResponse> observer) {
        var view = components.fillFromWarehouse(
                CallContext.requireCaller(), r.getDossierCode(), r.getComponentNumber(), r.getWarehouseItemId());
        reply(
                observer,
                FillComponentFromWarehouseResponse.newBuilder()
                        .setComponent(DigitizationMessages.component(view))
                        .build());
    }

    @Override
    public void attachResult(AttachResultRequest r, StreamObserver<AttachResultResponse> observer) {
        var view = results.attach(
                CallContext.requireCaller(),
                r.getDossierCode(),
                r.getDocumentId(),
                r.hasValidUntil() ? DigitizationMessages.instant(r.getValidUntil()) : null);
        reply(
                observer,
                AttachResultResponse.newBuilder()
                        .setResult(DigitizationMessages.result(view))
                        .build());
    }

    @Override
    public void verifyDocumentSignature(
            VerifyDocumentSignatureRequest r, StreamObserver<VerifyDocumentSignatureResponse> observer) {
        var report = results.verify(CallContext.requireCaller(), r.getDocumentId(), r.getVersion());
        reply(
                observer,
                VerifyDocumentSignatureResponse.newBuilder()
                        .setReport(DigitizationMessages.signature(report))
                        .build());
    }

    static <T> void reply(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }
}
