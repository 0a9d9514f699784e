package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web console's login as a browser performs it, at the HTTP level: the console page and its settings from the
 * gateway, Keycloak's authorization endpoint with PKCE (S256), its login form, the code in the redirect back to the
 * console, the code exchange by the public client, an API call with the token, and Keycloak's end-session logout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleLoginIT extends SystemTest {

    private static final String CLIENT = Platform.CONSOLE_CLIENT;
    private static final String OFFICER = "mc.ngocson";
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    // the browser: one cookie jar across Keycloak's pages, redirects seen one by one as the console would
    private final HttpClient browser = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new LoopbackBrowserCookies())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private JsonNode tokens;

    /** The console's page: where Keycloak sends the browser back after login and logout. */
    private String consoleUrl() {
        return platform.gatewayUrl() + "/";
    }

    @Test
    @Order(1)
    void theGatewayServesTheConsoleAndPointsItAtThisKeycloak() throws Exception {
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(URI.create(consoleUrl())).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp ->
                        assertThat(csp).contains("connect-src 'self' http://127.0.0.1:" + platform.keycloakPort + ";"));

        HttpResponse<String> config =
                send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/console/config.json"))
                        .GET());
        assertThat(config.statusCode()).as(describe(config)).isEqualTo(200);
        JsonNode settings = json.readTree(config.body());
        assertThat(settings.path("keycloakUrl").asText()).isEqualTo("http://127.0.0.1:" + platform.keycloakPort);
        assertThat(settings.path("realm").asText()).isEqualTo("motcua");
        assertThat(settings.path("clientId").asText()).isEqualTo(CLIENT);
        // the console's own formula for its endpoints
        assertThat(settings.path("keycloakUrl").asText() + "/realms/"
                        + settings.path("realm").asText())
                .isEqualTo(platform.realmUrl());
    }

    @Test
    @Order(2)
    void anOfficerLogsInWithCodeAndPkceAndTheGatewayAcceptsTheToken() throws Exception {
        Pkce pkce = Pkce.create();
        HttpResponse<String> loginPage =
                send(HttpRequest.newBuilder(authorizeUri(pkce)).GET());
        assertThat(loginPage.statusCode()).as(describe(loginPage)).isEqualTo(200);
        String action = loginFormAction(loginPage.body());

        HttpResponse<String> afterLogin = send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(Map.of("username", OFFICER, "password", DEMO_PASSWORD, "credentialId", ""))));
        Map<String, String> answer = redirectBack(afterLogin, pkce);

        HttpResponse<String> exchange = exchange(answer.get("code"), pkce.verifier());
        assertThat(exchange.statusCode()).as(describe(exchange)).isEqualTo(200);
        // the console calls the token endpoint from its own origin: Keycloak must allow it (web origins "+")
        assertThat(exchange.headers().firstValue("Access-Control-Allow-Origin")).contains(platform.gatewayUrl());
        tokens = json.readTree(exchange.body());
        assertThat(tokens.path("refresh_token").asText()).isNotBlank();

        JsonNode id = claims(tokens.path("id_token").asText());
        assertThat(id.path("nonce").asText()).isEqualTo(pkce.nonce());
        assertThat(id.path("iss").asText()).isEqualTo(platform.realmUrl());
        assertThat(id.path("aud").toString()).contains(CLIENT);
        JsonNode access = claims(tokens.path("access_token").asText());
        assertThat(access.path("azp").asText()).isEqualTo(CLIENT);
        assertThat(access.path("aud").toString()).contains("motcua-api");
        assertThat(access.path("unit_code").asText()).isEqualTo("11077");
        assertThat(access.path("realm_access").path("roles").toString()).contains("reception_officer");

        HttpResponse<String> inbox = http.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/inbox"))
                        .header(
                                "Authorization",
                                "Bearer " + tokens.path("access_token").asText())
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(inbox.statusCode()).as(describe(inbox)).isEqualTo(200);
        assertThat(json.readTree(inbox.body()).has("items")).as(inbox.body()).isTrue();
    }

    @Test
    @Order(3)
    void aCodeRedeemedWithTheWrongVerifierIsRefused() throws Exception {
        // the browser still has its Keycloak session: the authorization endpoint answers with a code at once
        Pkce pkce = Pkce.create();
        HttpResponse<String> authorize =
                send(HttpRequest.newBuilder(authorizeUri(pkce)).GET());
        Map<String, String> answer = redirectBack(authorize, pkce);

        HttpResponse<String> wrong = exchange(answer.get("code"), Pkce.create().verifier());

        assertThat(wrong.statusCode()).as(describe(wrong)).isEqualTo(400);
        assertThat(json.readTree(wrong.body()).path("error").asText()).isEqualTo("invalid_grant");
        assertThat(wrong.body()).doesNotContain("access_token");
    }

    @Test
    @Order(4)
    void logoutEndsTheKeycloakSessionSoTheRefreshTokenNoLongerWorks() throws Exception {
        assertThat(tokens).as("tokens from the login test").isNotNull();
        String refreshToken = tokens.path("refresh_token").asText();
        HttpResponse<String> refreshed = refresh(refreshToken);
        assertThat(refreshed.statusCode())
                .as("refresh before logout: " + describe(refreshed))
                .isEqualTo(200);
        JsonNode fresh = json.readTree(refreshed.body());

        URI logout = URI.create(platform.realmUrl() + "/protocol/openid-connect/logout?"
                + query(Map.of(
                        "client_id", CLIENT,
                        "id_token_hint",
                                fresh.path("id_token")
                                        .asText(tokens.path("id_token").asText()),
                        "post_logout_redirect_uri", consoleUrl())));
        HttpResponse<String> loggedOut = send(HttpRequest.newBuilder(logout).GET());

        assertThat(loggedOut.statusCode()).as(describe(loggedOut)).isEqualTo(302);
        assertThat(loggedOut.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith(consoleUrl()));
        HttpResponse<String> afterLogout = refresh(fresh.path("refresh_token").asText());
        assertThat(afterLogout.statusCode()).as(describe(afterLogout)).isEqualTo(400);
        assertThat(json.readTree(afterLogout.body()).path("error").asText()).isEqualTo("invalid_grant");
        // and the browser must log in again: Keycloak shows its form instead of handing out a code
        HttpResponse<String> again =
                send(HttpRequest.newBuilder(authorizeUri(Pkce.create())).GET());
        assertThat(again.statusCode()).as(describe(again)).isEqualTo(200);
        assertThat(loginFormAction(again.body())).isNotBlank();
    }

    private URI authorizeUri(Pkce pkce) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", CLIENT);
        params.put("redirect_uri", consoleUrl());
        params.put("scope", "openid");
        params.put("state", pkce.state());
        params.put("nonce", pkce.nonce());
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        return URI.create(platform.realmUrl() + "/protocol/openid-connect/auth?" + query(params));
    }

    /** Keycloak sent the browser back to the console with this request's state and a code. */
    private Map<String, String> redirectBack(HttpResponse<String> response, Pkce pkce) {
        assertThat(response.statusCode()).as(describe(response)).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(consoleUrl() + "?");
        Map<String, String> params = parseQuery(URI.create(location).getRawQuery());
        assertThat(params)
                .as(location)
                .containsEntry("state", pkce.state())
                .containsKey("code")
                .doesNotContainKey("error");
        assertThat(params.get("iss")).isEqualTo(platform.realmUrl());
        return params;
    }

    private HttpResponse<String> exchange(String code, String verifier) throws IOException, InterruptedException {
        return tokenRequest(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                consoleUrl(),
                "client_id",
                CLIENT,
                "code_verifier",
                verifier));
    }

    private HttpResponse<String> refresh(String refreshToken) throws IOException, InterruptedException {
        return tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", CLIENT));
    }

    /** As the console's fetch sends it: from the console's origin, no cookies, no client secret. */
    private HttpResponse<String> tokenRequest(Map<String, String> fields) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(platform.tokenUrl()))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", platform.gatewayUrl())
                        .POST(form(fields))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String loginFormAction(String html) {
        Matcher form = LOGIN_FORM.matcher(html);
        assertThat(form.find()).as("Keycloak's login form in:%n%s", html).isTrue();
        Matcher action = ACTION.matcher(form.group());
        assertThat(action.find()).as(form.group()).isTrue();
        return action.group(1).replace("&amp;", "&");
    }

    private JsonNode claims(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        assertThat(parts).as("a compact JWS").hasSize(3);
        return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(query(fields));
    }

    private static String query(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(
                    java.net.URLDecoder.decode(key, StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    /**
     * A browser's cookie jar for loopback addresses. Keycloak marks its login cookies Secure (and SameSite=None) even
     * over http; browsers treat http://127.0.0.1 and localhost as secure contexts and send them back, but
     * java.net.CookieManager sends Secure cookies over https only, so it is asked as if the page were https.
     */
    private static final class LoopbackBrowserCookies extends CookieHandler {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme())
                    && ("127.0.0.1".equals(uri.getHost()) || "localhost".equalsIgnoreCase(uri.getHost()));
            return cookies.get(
                    loopbackHttp ? URI.create("https" + uri.toString().substring(4)) : uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(uri, headers);
        }
    }

    /** One authorization request's secrets, made as the console's oidc.js makes them. */
    private record Pkce(String verifier, String challenge, String state, String nonce) {

        static Pkce create() throws NoSuchAlgorithmException {
            String verifier = random(32);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return new Pkce(
                    verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest), random(16), random(16));
        }

        private static String random(int bytes) {
            byte[] value = new byte[bytes];
            RANDOM.nextBytes(value);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        }
    }
}
