package vn.motcua.gateway.openapi;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import vn.motcua.gateway.Application;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;

/**
 * Serves the OpenAPI document that micronaut-openapi generates at compile time, completed from the routes themselves:
 * each route states its access once, in {@link Access}, and this adds to its operation {@code x-access}
 * ({@link AccessPolicy#documentedName()}), {@code x-roles} ({@link AccessPolicy#documentedRoles()}) and, when the
 * policy needs a token, the bearer security requirement. Annotations state only what a policy cannot say, such as
 * {@code x-acting-roles}.
 */
@Controller("/openapi")
// reads and completes the generated document from the classpath on first use: not on the event loop
@ExecuteOn(TaskExecutors.BLOCKING)
public class OpenApiDocument {

    /** Where micronaut-openapi writes the document (openapi.properties names it). */
    static final String GENERATED = "classpath:META-INF/swagger/motcua.yml";

    static final String MEDIA_TYPE = "text/yaml";
    private static final String OWN_PACKAGE = "vn.motcua.gateway.";

    private final Router router;
    private final ResourceResolver resources;
    private volatile String document;

    public OpenApiDocument(Router router, ResourceResolver resources) {
        this.router = router;
        this.resources = resources;
    }

    // text/*, as the static file was served before (text/plain): clients show and parse it as text
    @Get(value = "/motcua.yml", produces = MEDIA_TYPE)
    @Hidden
    @Access(AccessPolicy.PUBLIC)
    public String document() {
        String built = document;
        if (built == null) {
            // routes are fixed once the server runs: build once; a race only builds the same text twice
            built = build();
            document = built;
        }
        return built;
    }

    private String build() {
        Map<String, Object> doc = read();
        Map<String, Object> paths = child(doc, "paths");
        router.uriRoutes()
                .filter(route -> route.getDeclaringType().getName().startsWith(OWN_PACKAGE))
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .forEach(route -> describe(paths, route));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return new Yaml(options).dump(doc);
    }

    private static void describe(Map<String, Object> paths, UriRouteInfo<?, ?> route) {
        Map<String, Object> path = child(paths, route.getUriMatchTemplate().toPathString());
        Map<String, Object> operation = child(path, route.getHttpMethod().name().toLowerCase(Locale.ROOT));
        if (operation == null) {
            return;
        }
        // the same fallback as AuthenticationFilter: a route of ours without a policy admits nobody
        AccessPolicy policy = route.getAnnotationMetadata()
                .enumValue(Access.class, AccessPolicy.class)
                .orElse(AccessPolicy.NOBODY);
        operation.put("x-access", policy.documentedName());
        // fresh objects: YAML would write a shared one once and alias it elsewhere (*id001)
        operation.put("x-roles", new ArrayList<>(policy.documentedRoles()));
        if (policy.needsToken()) {
            operation.put("security", List.of(Map.of(Application.BEARER, new ArrayList<>())));
        }
    }

    private Map<String, Object> read() {
        try (InputStream in = resources
                .getResourceAsStream(GENERATED)
                .orElseThrow(() -> new IllegalStateException(GENERATED + " was not generated"))) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String name) {
        return parent == null ? null : (Map<String, Object>) parent.get(name);
    }
}
