package vn.motcua.digitization.api.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import vn.motcua.digitization.certified.service.CertifiedCopies;
import vn.motcua.digitization.certified.service.CertifiedCopyView;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.paging.Page;
import vn.motcua.proto.common.v1.PageInfo;
import vn.motcua.proto.digitization.v1.CertifiedCopyServiceGrpc;
import vn.motcua.proto.digitization.v1.CertifyCopyRequest;
import vn.motcua.proto.digitization.v1.CertifyCopyResponse;
import vn.motcua.proto.digitization.v1.ListCertifiedCopiesRequest;
import vn.motcua.proto.digitization.v1.ListCertifiedCopiesResponse;

/** motcua.digitization.v1.CertifiedCopyService: a unit's register of electronic certified copies. */
@Singleton
public class CertifiedCopyGrpcEndpoint extends CertifiedCopyServiceGrpc.CertifiedCopyServiceImplBase {

    private final CertifiedCopies copies;

    public CertifiedCopyGrpcEndpoint(CertifiedCopies copies) {
        this.copies = copies;
    }

    @Override
    public void certifyCopy(CertifyCopyRequest r, StreamObserver<CertifyCopyResponse> observer) {
        CertifiedCopyView view = copies.certify(
                CallContext.requireCaller(),
                r.getRequestId(),
                r.getDocumentId(),
                r.getOwnerId(),
                r.getTitle(),
                r.hasValidUntil() ? DigitizationMessages.instant(r.getValidUntil()) : null);
        DigitizationGrpcEndpoint.reply(
                observer,
                CertifyCopyResponse.newBuilder()
                        .setCopy(DigitizationMessages.copy(view))
                        .build());
    }

    @Override
    public void listCertifiedCopies(
            ListCertifiedCopiesRequest r, StreamObserver<ListCertifiedCopiesResponse> observer) {
        Page<CertifiedCopyView> page = copies.list(
                CallContext.requireCaller(),
                r.getUnitCode(),
                Page.Request.of(r.getPage().getPageSize(), r.getPage().getPageToken()));
        ListCertifiedCopiesResponse.Builder response = ListCertifiedCopiesResponse.newBuilder()
                .setPage(PageInfo.newBuilder().setNextPageToken(page.nextToken()));
        page.items().forEach(v -> response.addCopies(DigitizationMessages.copy(v)));
        DigitizationGrpcEndpoint.reply(observer, response.build());
    }
}
