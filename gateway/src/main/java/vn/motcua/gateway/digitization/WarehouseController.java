package vn.motcua.gateway.digitization;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.function.Function;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.digitization.v1.GetWarehouseItemRequest;
import vn.motcua.proto.digitization.v1.ListMyWarehouseRequest;
import vn.motcua.proto.digitization.v1.ListMyWarehouseResponse;
import vn.motcua.proto.digitization.v1.WarehouseServiceGrpc.WarehouseServiceBlockingStub;

/**
 * The citizen's own e-data warehouse (kho quản lý dữ liệu điện tử; WarehouseService): results, confirmed components
 * and certified copies, keyed by the citizen ID in the caller's token. Nobody else lists a warehouse; an item of
 * another citizen is 404. A document of the warehouse is downloaded by its documentId (GET
 * /api/v1/documents/{id}/content).
 */
@Controller("/api/v1/me/warehouse")
@ExecuteOn(TaskExecutors.BLOCKING)
public class WarehouseController {

    private final Downstream downstream;
    private final WarehouseServiceBlockingStub warehouse;

    public WarehouseController(Downstream downstream, WarehouseServiceBlockingStub warehouse) {
        this.downstream = downstream;
        this.warehouse = warehouse;
    }

    /** Citizen: their items, newest first. Query: validOnly (true hides expired ones), pageSize, pageToken. */
    @Get
    @Access(AccessPolicy.CITIZEN)
    public DigitizationJson.WarehousePage list(
            HttpRequest<?> request,
            @Nullable @QueryValue String validOnly,
            @Nullable @QueryValue String pageSize,
            @Nullable @QueryValue String pageToken) {
        Violations v = new Violations();
        boolean valid = false;
        if (validOnly != null && !validOnly.isEmpty()) {
            if (validOnly.equals("true") || validOnly.equals("false")) {
                valid = validOnly.equals("true");
            } else {
                v.add("validOnly", "must be true or false");
            }
        }
        ListMyWarehouseRequest rpc = ListMyWarehouseRequest.newBuilder()
                .setValidOnly(valid)
                .setPage(v.page(pageSize, pageToken))
                .build();
        v.throwIfAny();
        ListMyWarehouseResponse response = call(request, s -> s.listMyWarehouse(rpc));
        return new DigitizationJson.WarehousePage(
                response.getItemsList().stream()
                        .map(DigitizationJson.WarehouseItemJson::from)
                        .toList(),
                ProtoValues.text(response.getPage().getNextPageToken()));
    }

    /** Citizen: one item of their own warehouse. */
    @Get("/{id}")
    @Access(AccessPolicy.CITIZEN)
    public DigitizationJson.WarehouseItemJson get(HttpRequest<?> request, @PathVariable String id) {
        Violations v = new Violations();
        String valid = v.code("id", id, true);
        v.throwIfAny();
        GetWarehouseItemRequest rpc =
                GetWarehouseItemRequest.newBuilder().setId(valid).build();
        return DigitizationJson.WarehouseItemJson.from(
                call(request, s -> s.getWarehouseItem(rpc)).getItem());
    }

    private <R> R call(HttpRequest<?> request, Function<WarehouseServiceBlockingStub, R> rpc) {
        return downstream.call(request, warehouse, rpc);
    }
}
