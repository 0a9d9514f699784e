package vn.motcua.gateway.console;

import io.micronaut.serde.annotation.Serdeable;

/**
 * GET /console/config.json: what the web console needs to log in with Keycloak (authorization code + PKCE). The
 * console derives the realm's endpoints from keycloakUrl and realm; clientId is a public client, so nothing here is
 * secret.
 */
@Serdeable
public record ConsoleConfigJson(String keycloakUrl, String realm, String clientId) {

    static ConsoleConfigJson from(ConsoleSettings settings) {
        return new ConsoleConfigJson(settings.keycloakUrl(), settings.realm(), settings.clientId());
    }
}
