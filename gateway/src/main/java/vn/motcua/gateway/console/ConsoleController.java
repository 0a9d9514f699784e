package vn.motcua.gateway.console;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;

/**
 * The web console's settings. Outside /api on purpose: it is infrastructure for the console's pages (served as
 * static resources at /), not part of the versioned API.
 */
@Controller("/console")
public class ConsoleController {

    private final ConsoleConfigJson config;

    public ConsoleController(ConsoleSettings settings) {
        this.config = ConsoleConfigJson.from(settings);
    }

    /** Keycloak base URL, realm and public client id the console logs in with; needs no token. */
    @Get(value = "/config.json", produces = MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.PUBLIC)
    public ConsoleConfigJson config() {
        return config;
    }
}
