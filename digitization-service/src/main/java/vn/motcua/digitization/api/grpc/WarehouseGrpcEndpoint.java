package vn.motcua.digitization.api.grpc;

import io.grpc.stub.StreamObserver;
import jakarta.inject.Singleton;
import java.time.Instant;
import vn.motcua.digitization.warehouse.domain.WarehouseItem;
import vn.motcua.digitization.warehouse.service.Warehouse;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.paging.Page;
import vn.motcua.proto.common.v1.PageInfo;
import vn.motcua.proto.digitization.v1.GetWarehouseItemRequest;
import vn.motcua.proto.digitization.v1.GetWarehouseItemResponse;
import vn.motcua.proto.digitization.v1.ListMyWarehouseRequest;
import vn.motcua.proto.digitization.v1.ListMyWarehouseResponse;
import vn.motcua.proto.digitization.v1.WarehouseServiceGrpc;

/** motcua.digitization.v1.WarehouseService: a citizen's own e-data warehouse. */
@Singleton
public class WarehouseGrpcEndpoint extends WarehouseServiceGrpc.WarehouseServiceImplBase {

    private final Warehouse warehouse;

    public WarehouseGrpcEndpoint(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public void listMyWarehouse(ListMyWarehouseRequest r, StreamObserver<ListMyWarehouseResponse> observer) {
        Page<WarehouseItem> page = warehouse.listMine(
                CallContext.requireCaller(),
                r.getValidOnly(),
                Page.Request.of(r.getPage().getPageSize(), r.getPage().getPageToken()));
        Instant now = warehouse.now();
        ListMyWarehouseResponse.Builder response = ListMyWarehouseResponse.newBuilder()
                .setPage(PageInfo.newBuilder().setNextPageToken(page.nextToken()));
        page.items().forEach(i -> response.addItems(DigitizationMessages.item(i, now)));
        DigitizationGrpcEndpoint.reply(observer, response.build());
    }

    @Override
    public void getWarehouseItem(GetWarehouseItemRequest r, StreamObserver<GetWarehouseItemResponse> observer) {
        WarehouseItem item = warehouse.getMine(CallContext.requireCaller(), r.getId());
        DigitizationGrpcEndpoint.reply(
                observer,
                GetWarehouseItemResponse.newBuilder()
                        .setItem(DigitizationMessages.item(item, warehouse.now()))
                        .build());
    }
}
