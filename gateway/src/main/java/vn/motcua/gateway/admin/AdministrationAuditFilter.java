package vn.motcua.gateway.admin;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.uri.UriMatchTemplate;
import java.util.Map;
import java.util.Set;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.http.FilterOrder;
import vn.motcua.gateway.security.CallerAttribute;
import vn.motcua.proto.dossier.v1.UnitAdminServiceGrpc;
import vn.motcua.proto.dossier.v1.WorkCalendarServiceGrpc;

/**
 * Every refused or failed administrative request leaves a line in the audit file, also when the controller or the
 * service never saw it (no token, wrong role, invalid body, unknown route variable). Who writes the line:
 * <ul>
 * <li>user administration (every route, reads included): its controller, for every request it handles; this filter
 * for the requests that ended before it (401, 403, 400, 404);</li>
 * <li>unit and work-calendar changes: dossier-service, which decides them and audits every call whoever makes it
 * (vn.motcua.platform.audit.AuditedChanges); this filter only for the changes the gateway answered without the
 * service (refused or invalid here) or that the service did not answer (5xx). Their reads are not audited.</li>
 * </ul>
 */
@ServerFilter("/api/v1/admin/**")
@Order(FilterOrder.ADMIN_AUDIT)
public class AdministrationAuditFilter {

    /** Route template → the action named in the audit line. */
    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("POST /api/v1/admin/users", "USER_CREATE"),
            Map.entry("GET /api/v1/admin/users", "USER_LIST"),
            Map.entry("POST /api/v1/admin/users/{id}/disable", "USER_DISABLE"),
            Map.entry("POST /api/v1/admin/users/{id}/reset-password", "USER_RESET_PASSWORD"),
            Map.entry("PUT /api/v1/admin/users/{id}/roles", "USER_SET_ROLES"),
            Map.entry("POST /api/v1/admin/units", "UNIT_CREATE"),
            Map.entry("POST /api/v1/admin/units/{code}:rename", "UNIT_RENAME"),
            Map.entry("POST /api/v1/admin/units/{code}:close", "UNIT_CLOSE"),
            Map.entry("POST /api/v1/admin/units:merge", "UNIT_MERGE"),
            Map.entry("PUT /api/v1/admin/units/{code}/sessions", "UNIT_SESSIONS_REPLACE"),
            Map.entry("POST /api/v1/admin/calendar/holidays", "HOLIDAY_ADD"),
            Map.entry("DELETE /api/v1/admin/calendar/holidays/{date}", "HOLIDAY_REMOVE"));
    /** The services that audit their administrative changes themselves. */
    private static final Set<Class<?>> AUDITING_SERVICES = Set.of(
            UnitAdminServiceGrpc.UnitAdminServiceBlockingStub.class,
            WorkCalendarServiceGrpc.WorkCalendarServiceBlockingStub.class);

    private final AdminAudit audit;

    public AdministrationAuditFilter(AdminAudit audit) {
        this.audit = audit;
    }

    @ResponseFilter
    public void audit(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (AdminAudit.isAudited(request)) {
            return; // user administration's controller wrote the line
        }
        String template = BasicHttpAttributes.getUriTemplate(request).orElse(null);
        String action = template == null ? null : ACTIONS.get(request.getMethodName() + " " + template);
        if (action == null) {
            return; // a read of units or the calendar, or an unknown route: a 404 with nothing to audit
        }
        boolean decidedByService = request.getAttribute(Downstream.CALLED_STUB, Class.class)
                .filter(AUDITING_SERVICES::contains)
                .isPresent();
        if (decidedByService && response.code() < 500) {
            return; // dossier-service audited its decision
        }
        audit.recordForwarded(
                request, CallerAttribute.get(request).orElse(null), action, target(template, request), response.code());
    }

    private static String target(String template, HttpRequest<?> request) {
        return UriMatchTemplate.of(template)
                .match(request.getPath())
                .flatMap(m -> m.getVariableValues().values().stream().findFirst())
                .map(String::valueOf)
                .orElse(null);
    }
}
