package vn.motcua.dossier.dossier.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.util.List;
import vn.motcua.dossier.catalog.CatalogService;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.service.DossierQueryService;
import vn.motcua.dossier.dossier.service.ReceiveCommand;
import vn.motcua.dossier.dossier.service.ReceptionService;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.paging.Page;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.common.v1.PageInfo;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.common.v1.UnitRef;
import vn.motcua.proto.dossier.v1.Component;
import vn.motcua.proto.dossier.v1.DossierServiceGrpc;
import vn.motcua.proto.dossier.v1.FeeItem;
import vn.motcua.proto.dossier.v1.GetDossierRequest;
import vn.motcua.proto.dossier.v1.GetDossierResponse;
import vn.motcua.proto.dossier.v1.ListProceduresRequest;
import vn.motcua.proto.dossier.v1.ListProceduresResponse;
import vn.motcua.proto.dossier.v1.ListUnitsRequest;
import vn.motcua.proto.dossier.v1.ListUnitsResponse;
import vn.motcua.proto.dossier.v1.LookupDossierStatusRequest;
import vn.motcua.proto.dossier.v1.LookupDossierStatusResponse;
import vn.motcua.proto.dossier.v1.OnlineLevel;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;
import vn.motcua.proto.dossier.v1.ReceiveDossierResponse;
import vn.motcua.proto.dossier.v1.ReceptionOutcome;
import vn.motcua.proto.dossier.v1.SearchPublicProceduresRequest;
import vn.motcua.proto.dossier.v1.SearchPublicProceduresResponse;
import vn.motcua.proto.dossier.v1.TimeLimit;
import vn.motcua.proto.dossier.v1.TimeLimitUnit;

/** The gRPC adapter: the only place in dossier-service that touches generated proto classes. */
@Singleton
public class DossierGrpcEndpoint extends DossierServiceGrpc.DossierServiceImplBase {

    private final CatalogService catalog;
    private final ReceptionService reception;
    private final DossierQueryService queries;
    private final UnitDirectory units;

    public DossierGrpcEndpoint(
            CatalogService catalog, ReceptionService reception, DossierQueryService queries, UnitDirectory units) {
        this.catalog = catalog;
        this.reception = reception;
        this.queries = queries;
        this.units = units;
    }

    @Override
    public void listUnits(ListUnitsRequest request, StreamObserver<ListUnitsResponse> observer) {
        UnitTree tree = units.tree();
        List<AdminUnit> list = request.getUnderCode().isEmpty() ? tree.all() : tree.subtree(request.getUnderCode());
        ListUnitsResponse.Builder response = ListUnitsResponse.newBuilder();
        list.forEach(u -> response.addUnits(unit(u)));
        observer.onNext(response.build());
        observer.onCompleted();
    }

    @Override
    public void listProcedures(ListProceduresRequest request, StreamObserver<ListProceduresResponse> observer) {
        Page<Procedure> page = catalog.listForUnit(
                CallContext.requireCaller(),
                request.getUnitCode(),
                Page.Request.of(
                        request.getPage().getPageSize(), request.getPage().getPageToken()));
        ListProceduresResponse.Builder response = ListProceduresResponse.newBuilder()
                .setPage(PageInfo.newBuilder().setNextPageToken(page.nextToken()));
        page.items().forEach(p -> response.addProcedures(procedure(p)));
        observer.onNext(response.build());
        observer.onCompleted();
    }

    @Override
    public void searchPublicProcedures(
            SearchPublicProceduresRequest request, StreamObserver<SearchPublicProceduresResponse> observer) {
        Page<Procedure> page = catalog.searchPublic(
                request.getQuery(),
                request.getUnitCode(),
                Page.Request.of(
                        request.getPage().getPageSize(), request.getPage().getPageToken()));
        SearchPublicProceduresResponse.Builder response = SearchPublicProceduresResponse.newBuilder()
                .setPage(PageInfo.newBuilder().setNextPageToken(page.nextToken()));
        page.items().forEach(p -> response.addProcedures(procedure(p)));
        observer.onNext(response.build());
        observer.onCompleted();
    }

    @Override
    public void receiveDossier(ReceiveDossierRequest request, StreamObserver<ReceiveDossierResponse> observer) {
        ReceiveCommand command = new ReceiveCommand(
                request.getRequestId(),
                request.getProcedureCode(),
                request.hasApplicant() ? DossierMessages.applicant(request.getApplicant()) : null,
                channel(request.getChannel()),
                request.hasHandoverSignedAt() ? DossierMessages.instant(request.getHandoverSignedAt()) : null,
                request.getNote(),
                outcome(request.getOutcome()),
                DossierMessages.emptyToNull(request.getReason()));
        Dossier dossier = reception.receive(CallContext.requireCaller(), command);
        observer.onNext(ReceiveDossierResponse.newBuilder()
                .setDossier(DossierMessages.dossier(dossier))
                .build());
        observer.onCompleted();
    }

    @Override
    public void getDossier(GetDossierRequest request, StreamObserver<GetDossierResponse> observer) {
        Dossier dossier = queries.get(CallContext.requireCaller(), request.getCode());
        observer.onNext(GetDossierResponse.newBuilder()
                .setDossier(DossierMessages.dossier(dossier))
                .build());
        observer.onCompleted();
    }

    @Override
    public void lookupDossierStatus(
            LookupDossierStatusRequest request, StreamObserver<LookupDossierStatusResponse> observer) {
        DossierQueryService.PublicStatus status = queries.lookup(request.getCode(), request.getLookupKey());
        Dossier d = status.dossier();
        LookupDossierStatusResponse.Builder response = LookupDossierStatusResponse.newBuilder()
                .setCode(d.publicCode())
                .setProcedureName(d.procedureName())
                .setReceivingUnitName(status.receivingUnitName())
                .setStatus(DossierMessages.status(d.state()))
                .setStatusLabel(d.state().labelVi());
        if (d.receivedAt() != null) {
            response.setReceivedAt(DossierMessages.timestamp(d.receivedAt()));
        }
        if (d.dueAt() != null) {
            response.setDueAt(DossierMessages.timestamp(d.dueAt()));
        }
        if (d.finishedAt() != null) {
            response.setFinishedAt(DossierMessages.timestamp(d.finishedAt()));
        }
        observer.onNext(response.build());
        observer.onCompleted();
    }

    private static UnitRef unit(AdminUnit u) {
        UnitRef.Builder b = UnitRef.newBuilder()
                .setCode(u.code())
                .setName(u.name())
                .setAgencyCode(u.agencyCode())
                .setLevel(
                        switch (u.level()) {
                            case PROVINCE -> UnitLevel.UNIT_LEVEL_PROVINCE;
                            case DISTRICT -> UnitLevel.UNIT_LEVEL_DISTRICT;
                            case COMMUNE -> UnitLevel.UNIT_LEVEL_COMMUNE;
                        });
        if (u.parentCode() != null) {
            b.setParentCode(u.parentCode());
        }
        return b.build();
    }

    private static vn.motcua.proto.dossier.v1.Procedure procedure(Procedure p) {
        vn.motcua.proto.dossier.v1.Procedure.Builder b = vn.motcua.proto.dossier.v1.Procedure.newBuilder()
                .setCode(p.code())
                .setVersion(p.version())
                .setName(p.name())
                .setField(p.field())
                .setLevel(UnitLevel.valueOf("UNIT_LEVEL_" + p.level().name()))
                .setTimeLimit(TimeLimit.newBuilder()
                        .setAmount(p.timeLimit().amount())
                        .setUnit(TimeLimitUnit.valueOf(
                                "TIME_LIMIT_UNIT_" + p.timeLimit().unit().name())))
                .setOnlineLevel(
                        OnlineLevel.valueOf("ONLINE_LEVEL_" + p.onlineLevel().name()))
                .setPostalAllowed(p.postalAllowed())
                .setBoundaryFreeAllowed(p.boundaryFreeAllowed())
                .setFinancialObligationPausesClock(p.financialObligationPausesClock())
                .setOnlineFeeDiscountPercent(p.onlineFeeDiscountPercent());
        p.fees()
                .forEach(f -> b.addFees(FeeItem.newBuilder()
                        .setName(f.name())
                        .setAmount(Money.newBuilder().setAmount(f.amountDong()).setCurrencyCode("VND"))
                        .setLegalBasis(f.legalBasis())));
        p.components()
                .forEach(c -> b.addComponents(Component.newBuilder()
                        .setName(c.name())
                        .setOriginalRequired(c.originalRequired())
                        .setQuantity(c.quantity())
                        .setPresentOnly(c.presentOnly())));
        return b.build();
    }

    private static Channel channel(vn.motcua.proto.dossier.v1.Channel channel) {
        if (channel == vn.motcua.proto.dossier.v1.Channel.CHANNEL_ONLINE) {
            throw DomainException.invalid("channel", "online dossiers are submitted by the citizen, not received");
        }
        return DossierMessages.channel(channel);
    }

    private static ReceiveCommand.Outcome outcome(ReceptionOutcome outcome) {
        return switch (outcome) {
            case RECEPTION_OUTCOME_UNSPECIFIED, RECEPTION_OUTCOME_RECEIVE -> ReceiveCommand.Outcome.RECEIVE;
            case RECEPTION_OUTCOME_REQUEST_SUPPLEMENT -> ReceiveCommand.Outcome.REQUEST_SUPPLEMENT;
            case RECEPTION_OUTCOME_REFUSE -> ReceiveCommand.Outcome.REFUSE;
            case UNRECOGNIZED -> throw DomainException.invalid("outcome", "is not a known reception outcome");
        };
    }
}
