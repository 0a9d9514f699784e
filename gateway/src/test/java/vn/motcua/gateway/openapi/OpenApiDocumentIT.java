package vn.motcua.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;

/**
 * The OpenAPI document the gateway serves is generated from the code: it must list every controller route, and every
 * /api operation must state who may call it, in step with the access policy the gateway enforces.
 */
@MicronautTest(transactional = false)
class OpenApiDocumentIT extends GatewayIT {

    private static final String OWN_PACKAGE = "vn.motcua.gateway.";
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Inject
    Router router;

    private JsonNode document() throws Exception {
        Api.Reply reply = api.get("/openapi/motcua.yml");
        assertThat(reply.status()).as("the document is public: " + reply.body()).isEqualTo(200);
        JsonNode doc = yaml.readTree(reply.body());
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        return doc;
    }

    private List<UriRouteInfo<?, ?>> ownRoutes() {
        // HEAD routes are Micronaut's automatic twins of GET routes; the document's own route is hidden from it
        return router.uriRoutes()
                .filter(r -> r.getDeclaringType().getName().startsWith(OWN_PACKAGE))
                .filter(r -> r.getHttpMethod() != io.micronaut.http.HttpMethod.HEAD)
                .filter(r -> r.getDeclaringType() != OpenApiDocument.class)
                .<UriRouteInfo<?, ?>>map(r -> r)
                .toList();
    }

    @Test
    void documentListsEveryControllerRoute() throws Exception {
        JsonNode paths = document().path("paths");
        List<UriRouteInfo<?, ?>> routes = ownRoutes();

        assertThat(routes).as("the gateway's routes").hasSizeGreaterThanOrEqualTo(13);
        List<String> missing = new ArrayList<>();
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate().toPathString();
            String method = route.getHttpMethod().name().toLowerCase(Locale.ROOT);
            if (!paths.path(path).has(method)) {
                missing.add(route.getHttpMethod() + " " + path);
            }
        }
        assertThat(missing).as("routes missing from the OpenAPI document").isEmpty();
        assertThat(paths.path("/api/v1/admin/users").has("post")).isTrue();
        assertThat(paths.path("/api/v1/dossiers/{code}:steps").has("post")).isTrue();
        assertThat(paths.path("/api/v1/dossiers/{code}:steps")
                        .path("post")
                        .path("x-acting-roles")
                        .toString())
                .isEqualTo("[\"specialist\",\"unit_leader\"]");
    }

    @Test
    void everyOperationDocumentsItsRolesAsEnforced() throws Exception {
        JsonNode paths = document().path("paths");
        List<String> problems = new ArrayList<>();
        int api = 0;
        for (UriRouteInfo<?, ?> route : ownRoutes()) {
            String path = route.getUriMatchTemplate().toPathString();
            api += path.startsWith("/api/") ? 1 : 0;
            JsonNode operation =
                    paths.path(path).path(route.getHttpMethod().name().toLowerCase(Locale.ROOT));
            AccessPolicy policy = route.getAnnotationMetadata()
                    .enumValue(Access.class, AccessPolicy.class)
                    .orElse(AccessPolicy.NOBODY);
            String name = route.getHttpMethod() + " " + path;
            problems.addAll(OpenApiRoles.check(name, operation, policy));
            if (operation.has("security") != policy.needsToken()) {
                problems.add(name + ": security " + operation.path("security") + " but the policy is " + policy);
            }
        }
        assertThat(api).as("/api operations").isGreaterThanOrEqualTo(60);
        assertThat(problems).isEmpty();
    }

    @Test
    void operationsNeedingATokenDeclareTheBearerScheme() throws Exception {
        JsonNode doc = document();
        assertThat(doc.path("components")
                        .path("securitySchemes")
                        .path("bearer")
                        .path("scheme")
                        .asText())
                .isEqualTo("bearer");
        assertThat(doc.path("paths")
                        .path("/api/v1/dossiers")
                        .path("post")
                        .path("security")
                        .toString())
                .contains("bearer");
        assertThat(doc.path("paths").path("/api/v1/units").path("get").has("security"))
                .isFalse();
    }

    @Test
    void theCheckFailsForAnOperationWithoutRoles() throws Exception {
        JsonNode bare = yaml.readTree("summary: no roles here\n");
        JsonNode wrong = yaml.readTree("x-access: public\nx-roles: [specialist]\n");

        assertThat(OpenApiRoles.check("GET /x", bare, AccessPolicy.OFFICER)).hasSize(2);
        assertThat(OpenApiRoles.check("GET /x", wrong, AccessPolicy.PUBLIC)).hasSize(1);
        assertThat(OpenApiRoles.check(
                        "GET /x", yaml.readTree("x-access: officer\nx-roles: []\n"), AccessPolicy.OFFICER))
                .hasSize(1);
        assertThat(OpenApiRoles.check(
                        "POST /x",
                        yaml.readTree("x-access: citizen\nx-roles: [citizen]\nx-acting-roles: [citizen, specialist]\n"),
                        AccessPolicy.CITIZEN))
                .hasSize(1);
    }

    @Test
    void swaggerUiIsServedWithoutAToken() {
        Api.Reply ui = api.get("/swagger-ui/index.html");
        Api.Reply bare = api.get("/swagger-ui");
        assertThat(bare.status()).isEqualTo(200);
        assertThat(bare.body()).isEqualTo(ui.body());

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui", "/openapi/motcua.yml");
        assertThat(ui.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(api.get("/swagger-ui/res/swagger-ui-bundle.js").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/units").header("Content-Security-Policy")).startsWith("default-src 'none'");
    }

    @Test
    void theDocumentIsYamlWhateverTheClientAccepts() throws Exception {
        Api.Reply reply = api.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.getURL() + "/openapi/motcua.yml"))
                        .header("Accept", "application/json, application/problem+json, */*")
                        .GET()
                        .build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/yaml");
        assertThat(yaml.readTree(reply.body()).path("paths").size()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void aTokenSentWithTheDocumentRequestIsIgnored() {
        assertThat(api.get("/openapi/motcua.yml", "garbage.token.here").status())
                .isEqualTo(200);
    }
}
