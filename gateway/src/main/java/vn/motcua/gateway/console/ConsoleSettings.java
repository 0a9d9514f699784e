package vn.motcua.gateway.console;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.motcua.gateway.security.LoginOrigin;

/**
 * Where the web console sends people to log in: the Keycloak server the browser can reach, the realm and the public
 * client. The browser talks to Keycloak directly (authorization code + PKCE), so the gateway only hands these values
 * out and lets the console's pages connect to that one origin (Content-Security-Policy).
 * <p>
 * Checked at start-up: a wrong value would only show up as a broken login page in someone's browser.
 */
@Singleton
public final class ConsoleSettings implements LoginOrigin {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String keycloakUrl;
    private final String realm;
    private final String clientId;
    private final String keycloakOrigin;

    public ConsoleSettings(
            @Value("${motcua.gateway.console.keycloak-url}") String keycloakUrl,
            @Value("${motcua.gateway.console.realm}") String realm,
            @Value("${motcua.gateway.console.client-id}") String clientId) {
        this.keycloakUrl = stripTrailingSlash(keycloakUrl.strip());
        this.keycloakOrigin = origin(this.keycloakUrl);
        this.realm = requireName("motcua.gateway.console.realm", realm);
        this.clientId = requireName("motcua.gateway.console.client-id", clientId);
    }

    /** Keycloak's base URL as the browser sees it, without a trailing slash, e.g. http://127.0.0.1:18480. */
    public String keycloakUrl() {
        return keycloakUrl;
    }

    public String realm() {
        return realm;
    }

    public String clientId() {
        return clientId;
    }

    /** scheme://host[:port] of Keycloak: the only other origin the console's pages may connect to. */
    @Override
    public String keycloakOrigin() {
        return keycloakOrigin;
    }

    private static String origin(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("motcua.gateway.console.keycloak-url", url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        // the value ends up inside a CSP header and a JSON document: no user info, query or fragment
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || url.chars().anyMatch(c -> c <= ' ' || c == ';' || c == ',' || c == '\'' || c == '"')) {
            throw invalid("motcua.gateway.console.keycloak-url", url);
        }
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static String requireName(String property, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw invalid(property, value);
        }
        return value;
    }

    private static String stripTrailingSlash(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static IllegalArgumentException invalid(String property, String value) {
        return new IllegalArgumentException(property + " is not valid: '" + value + "'");
    }
}
