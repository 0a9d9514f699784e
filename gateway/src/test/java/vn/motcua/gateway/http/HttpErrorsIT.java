package vn.motcua.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessLogFilter;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;

/** Errors the framework raises itself must look like every other problem, and the service stays up without a DB. */
@MicronautTest(transactional = false)
class HttpErrorsIT extends GatewayIT {

    @Inject
    Router router;

    @Test
    void unknownRouteIs404Problem() {
        assertProblem(api.get("/api/v1/nothing-here"), 404, "NOT_FOUND");
        assertProblem(api.get("/nothing-here"), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIs405Problem() {
        Api.Reply reply = api.send(api.request("/api/v1/units").DELETE().build());

        assertProblem(reply, 405, "METHOD_NOT_ALLOWED");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void healthEndpointsAnswerWithoutADatabase() {
        Api.Reply liveness = management.get("/health/liveness");
        Api.Reply readiness = management.get("/health/readiness");

        assertThat(liveness.status()).as(liveness.body()).isEqualTo(200);
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json()).containsEntry("status", "UP");
    }

    @Test
    void everyApiRouteDeclaresItsAccessPolicy() {
        var apiRoutes = router.uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toPathString().startsWith("/api"))
                .map(UriRouteInfo.class::cast)
                .toList();

        assertThat(apiRoutes).hasSizeGreaterThanOrEqualTo(9);
        assertThat(apiRoutes)
                .allSatisfy(r -> assertThat(r.getAnnotationMetadata().hasAnnotation(Access.class))
                        .as(r.toString())
                        .isTrue());
    }

    @Test
    void accessLogNamesUserRouteAndStatusButNoPersonalData() {
        Logger access = (Logger) LoggerFactory.getLogger(AccessLogFilter.LOGGER_NAME);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        access.addAppender(lines);
        try {
            api.send(api.request("/api/v1/dossiers/H30.298.11077-250303-0001?citizenId=001203004567")
                    .header("Authorization", "Bearer " + citizen())
                    .header("X-Request-Id", "log-check-1")
                    .GET()
                    .build());
        } finally {
            access.detachAppender(lines);
        }

        assertThat(lines.list).hasSize(1);
        String line = lines.list.get(0).getFormattedMessage();
        assertThat(line)
                .contains(
                        "requestId=log-check-1",
                        "user=citizen.chi",
                        "method=GET",
                        "route=/api/v1/dossiers/{code}",
                        "status=200",
                        "latencyMs=");
        assertThat(line).doesNotContain("001203004567", "H30.298.11077-250303-0001");
    }

    @Test
    void truncatedJsonNeverShowsParserInternals() {
        Api.Reply reply = api.send(api.request("/api/v1/dossiers")
                .header("Authorization", "Bearer " + receptionOfficer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"procedureCode\":"))
                .build());

        assertProblem(reply, 400, "MALFORMED_REQUEST");
        assertThat(services.received()).isEmpty();
    }
}
