package vn.motcua.report.projection.service;

import jakarta.inject.Singleton;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.report.scope.repository.UnitTreeRepository;
import vn.motcua.report.scope.service.ReportScope;
import vn.motcua.report.scope.service.UnitNode;

/** Who may rebuild the projections: a unit_admin of a root unit (one the unit dimension knows, without parent). */
@Singleton
public class ProjectionAdmin {

    public static final int MAX_REASON = 1000;

    private final ReportScope scope;
    private final UnitTreeRepository units;
    private final ProjectionRebuild rebuild;

    public ProjectionAdmin(ReportScope scope, UnitTreeRepository units, ProjectionRebuild rebuild) {
        this.scope = scope;
        this.units = units;
        this.rebuild = rebuild;
    }

    /**
     * @return the new generation
     * @throws DomainException PERMISSION_DENIED unless the caller is a unit_admin of a root unit (the province);
     *                         INVALID_ARGUMENT (field reason) for a blank reason or one over 1000 characters
     */
    public long rebuild(Caller caller, String reason) {
        UnitNode unit = scope.actingFor(caller, Roles.UNIT_ADMIN, "");
        boolean root = units.find(unit.code()).map(u -> u.parent() == null).orElse(false);
        if (!root) {
            throw DomainException.permissionDenied(
                    "only a unit_admin of a root unit (the province) may rebuild the projections");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw DomainException.invalid("reason", "is required: say why the projections are rebuilt");
        }
        if (why.length() > MAX_REASON) {
            throw DomainException.invalid("reason", "must be at most " + MAX_REASON + " characters");
        }
        return rebuild.rebuild(caller.username(), why);
    }

    /** Any officer or report_viewer may read the status. */
    public void requireReader(Caller caller) {
        scope.readable(caller, "");
    }
}
