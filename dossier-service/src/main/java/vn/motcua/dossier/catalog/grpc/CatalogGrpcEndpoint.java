package vn.motcua.dossier.catalog.grpc;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import vn.motcua.dossier.catalog.domain.ProcedureVersion;
import vn.motcua.dossier.catalog.service.CatalogManagementService;
import vn.motcua.dossier.catalog.service.CatalogReadService;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.proto.dossier.v1.CatalogServiceGrpc;
import vn.motcua.proto.dossier.v1.CreateProcedureDraftRequest;
import vn.motcua.proto.dossier.v1.CreateProcedureDraftResponse;
import vn.motcua.proto.dossier.v1.ExportCatalogueRequest;
import vn.motcua.proto.dossier.v1.ExportCatalogueResponse;
import vn.motcua.proto.dossier.v1.GetProcedureRequest;
import vn.motcua.proto.dossier.v1.GetProcedureResponse;
import vn.motcua.proto.dossier.v1.GetPublicListingRequest;
import vn.motcua.proto.dossier.v1.GetPublicListingResponse;
import vn.motcua.proto.dossier.v1.ImportCatalogueRequest;
import vn.motcua.proto.dossier.v1.ImportCatalogueResponse;
import vn.motcua.proto.dossier.v1.PublishProcedureRequest;
import vn.motcua.proto.dossier.v1.PublishProcedureResponse;
import vn.motcua.proto.dossier.v1.ReviewCatalogueRequest;
import vn.motcua.proto.dossier.v1.ReviewCatalogueResponse;
import vn.motcua.proto.dossier.v1.WithdrawProcedureRequest;
import vn.motcua.proto.dossier.v1.WithdrawProcedureResponse;

/**
 * The gRPC adapter of CatalogService. GetProcedure and GetPublicListing are public (motcua.auth.public-methods);
 * every other method needs a TTHC controller's token, checked in the services.
 */
@Singleton
public class CatalogGrpcEndpoint extends CatalogServiceGrpc.CatalogServiceImplBase {

    private final CatalogManagementService management;
    private final CatalogReadService reads;

    public CatalogGrpcEndpoint(CatalogManagementService management, CatalogReadService reads) {
        this.management = management;
        this.reads = reads;
    }

    @Override
    public void createProcedureDraft(
            CreateProcedureDraftRequest request, StreamObserver<CreateProcedureDraftResponse> observer) {
        ProcedureVersion created = management.createDraft(
                CallContext.requireCaller(),
                request.getRequestId(),
                CatalogMessages.draft(request.getDraft()),
                CatalogMessages.currencyProblems(request.getDraft()));
        observer.onNext(CreateProcedureDraftResponse.newBuilder()
                .setVersion(CatalogMessages.version(created))
                .build());
        observer.onCompleted();
    }

    @Override
    public void publishProcedure(PublishProcedureRequest request, StreamObserver<PublishProcedureResponse> observer) {
        ProcedureVersion published = management.publish(
                CallContext.requireCaller(),
                request.getRequestId(),
                request.getCode(),
                request.getVersion(),
                request.getPublicationDecision(),
                request.getPublishedOn());
        observer.onNext(PublishProcedureResponse.newBuilder()
                .setVersion(CatalogMessages.version(published))
                .build());
        observer.onCompleted();
    }

    @Override
    public void withdrawProcedure(
            WithdrawProcedureRequest request, StreamObserver<WithdrawProcedureResponse> observer) {
        ProcedureVersion withdrawn = management.withdraw(
                CallContext.requireCaller(), request.getRequestId(), request.getCode(), request.getReason());
        observer.onNext(WithdrawProcedureResponse.newBuilder()
                .setVersion(CatalogMessages.version(withdrawn))
                .build());
        observer.onCompleted();
    }

    @Override
    public void getProcedure(GetProcedureRequest request, StreamObserver<GetProcedureResponse> observer) {
        ProcedureVersion version = reads.get(CallContext.caller(), request.getCode(), request.getVersion());
        observer.onNext(GetProcedureResponse.newBuilder()
                .setVersion(CatalogMessages.version(version))
                .build());
        observer.onCompleted();
    }

    @Override
    public void getPublicListing(GetPublicListingRequest request, StreamObserver<GetPublicListingResponse> observer) {
        CatalogReadService.PublicListing listing = reads.listing(request.getUnitCode());
        GetPublicListingResponse.Builder response =
                GetPublicListingResponse.newBuilder().setUnit(CatalogMessages.unit(listing.unit()));
        listing.atDesk().forEach(p -> response.addAtDesk(CatalogMessages.procedure(p)));
        listing.byPost().forEach(p -> response.addByPost(CatalogMessages.procedure(p)));
        listing.boundaryFree().forEach(p -> response.addBoundaryFree(CatalogMessages.procedure(p)));
        observer.onNext(response.build());
        observer.onCompleted();
    }

    @Override
    public void importCatalogue(ImportCatalogueRequest request, StreamObserver<ImportCatalogueResponse> observer) {
        int created = management.importDrafts(
                CallContext.requireCaller(),
                request.getRequestId(),
                CatalogMessages.format(request.getFormat()),
                request.getContent().toByteArray());
        observer.onNext(
                ImportCatalogueResponse.newBuilder().setDraftsCreated(created).build());
        observer.onCompleted();
    }

    @Override
    public void exportCatalogue(ExportCatalogueRequest request, StreamObserver<ExportCatalogueResponse> observer) {
        CatalogReadService.ExportedFile file =
                reads.export(CallContext.requireCaller(), CatalogMessages.format(request.getFormat()));
        observer.onNext(ExportCatalogueResponse.newBuilder()
                .setFileName(file.fileName())
                .setContentType(file.contentType())
                .setContent(ByteString.copyFrom(file.content()))
                .build());
        observer.onCompleted();
    }

    @Override
    public void reviewCatalogue(ReviewCatalogueRequest request, StreamObserver<ReviewCatalogueResponse> observer) {
        ReviewCatalogueResponse.Builder response = ReviewCatalogueResponse.newBuilder();
        reads.review(CallContext.requireCaller(), request.getAsOf())
                .forEach(item -> response.addItems(CatalogMessages.reviewItem(item)));
        observer.onNext(response.build());
        observer.onCompleted();
    }
}
