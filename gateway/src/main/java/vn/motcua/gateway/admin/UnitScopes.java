package vn.motcua.gateway.admin;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Set;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.proto.common.v1.UnitRef;
import vn.motcua.proto.dossier.v1.DossierServiceGrpc.DossierServiceBlockingStub;
import vn.motcua.proto.dossier.v1.ListUnitsRequest;

/**
 * The units an administrator administers: their own unit and everything below it, from dossier-service's unit tree
 * (ListUnits with under_code). Asked per request, so a change to the tree counts at once. A unit the tree does not
 * know gives an empty scope: such an administrator can do nothing.
 */
@Singleton
public class UnitScopes {

    private final Downstream downstream;
    private final DossierServiceBlockingStub dossiers;

    public UnitScopes(Downstream downstream, DossierServiceBlockingStub dossiers) {
        this.downstream = downstream;
        this.dossiers = dossiers;
    }

    public Set<String> subtree(HttpRequest<?> request, String unitCode) {
        ListUnitsRequest rpc =
                ListUnitsRequest.newBuilder().setUnderCode(unitCode).build();
        Set<String> codes = new LinkedHashSet<>();
        for (UnitRef unit :
                downstream.call(request, dossiers, s -> s.listUnits(rpc)).getUnitsList()) {
            codes.add(unit.getCode());
        }
        // the tree answers the subtree including its root; if the root is unknown there is nothing to administer
        return codes.contains(unitCode) ? codes : Set.of();
    }
}
