package vn.motcua.gateway.admin;

import io.micronaut.core.annotation.Order;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.uri.UriMatchTemplate;
import vn.motcua.gateway.http.FilterOrder;
import vn.motcua.gateway.security.CallerAttribute;

import java.util.Map;

/**
 * Every change request to unit or work-calendar administration leaves a line in the audit file, whether it was
 * applied, refused or invalid, like user administration does in its controller. Reads are not audited.
 */
@ServerFilter("/api/v1/admin/**")
@Order(FilterOrder.ADMIN_AUDIT)
public class AdministrationAuditFilter {

    /** Route template of the change → the action named in the audit line. */
    private static final Map<String, String> ACTIONS = Map.of(
            "POST /api/v1/admin/units", "UNIT_CREATE",
            "POST /api/v1/admin/units/{code}:rename", "UNIT_RENAME",
            "POST /api/v1/admin/units/{code}:close", "UNIT_CLOSE",
            "POST /api/v1/admin/units:merge", "UNIT_MERGE",
            "PUT /api/v1/admin/units/{code}/sessions", "UNIT_SESSIONS_REPLACE",
            "POST /api/v1/admin/calendar/holidays", "HOLIDAY_ADD",
            "DELETE /api/v1/admin/calendar/holidays/{date}", "HOLIDAY_REMOVE");
    // path values are client text: keep the audit line short whatever was sent
    private static final int MAX_TARGET = 64;

    private final AdminAudit audit;

    public AdministrationAuditFilter(AdminAudit audit) {
        this.audit = audit;
    }

    @ResponseFilter
    public void audit(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getMethod() == HttpMethod.GET) {
            return;
        }
        String template = BasicHttpAttributes.getUriTemplate(request).orElse(null);
        String action = template == null ? null : ACTIONS.get(request.getMethodName() + " " + template);
        if (action == null) {
            return; // user administration audits itself; an unknown route is a 404 with nothing to audit
        }
        audit.recordForwarded(request, CallerAttribute.get(request).orElse(null), action, target(template, request),
                response.code());
    }

    private static String target(String template, HttpRequest<?> request) {
        return UriMatchTemplate.of(template).match(request.getPath())
                .flatMap(m -> m.getVariableValues().values().stream().findFirst())
                .map(String::valueOf)
                .map(v -> v.length() > MAX_TARGET ? v.substring(0, MAX_TARGET) : v)
                .orElse(null);
    }
}
