package vn.motcua.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;
import vn.motcua.platform.auth.MetadataKeys;

@MicronautTest(transactional = false)
class AuthenticationIT extends GatewayIT {

    private static final String PROTECTED = "/api/v1/dossiers/H30.298.11077-250303-0001";

    @Test
    void missingTokenIs401WithChallenge() {
        Api.Reply reply = api.get(PROTECTED);

        assertProblem(reply, 401, "TOKEN_MISSING");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"motcua\"");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void garbageAndWrongSchemeAre401() {
        assertProblem(api.get(PROTECTED, "not-a-jwt"), 401, "TOKEN_INVALID");
        assertProblem(api.get(PROTECTED, "a.b.c"), 401, "TOKEN_INVALID");
        assertProblem(
                api.send(api.request(PROTECTED)
                        .header("Authorization", "Basic dXNlcjpwYXNz")
                        .GET()
                        .build()),
                401,
                "TOKEN_INVALID");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void expiredWrongAudienceWrongIssuerAndForeignKeyAre401() {
        Instant past = Instant.now().minusSeconds(3600);
        JWTClaimsSet.Builder valid = idp.claims("officer.an", Set.of("specialist"), "11077", null, "motcua-web");
        List<String> tokens = List.of(
                idp.sign(valid.issueTime(Date.from(past.minusSeconds(900)))
                        .expirationTime(Date.from(past))
                        .build()),
                idp.sign(idp.claims("officer.an", Set.of("specialist"), "11077", null, "motcua-web")
                        .audience("another-api")
                        .build()),
                idp.sign(idp.claims("officer.an", Set.of("specialist"), "11077", null, "motcua-web")
                        .issuer("http://127.0.0.1:1/realms/other")
                        .build()),
                idp.signWithStrangerKey(idp.claims("officer.an", Set.of("specialist"), "11077", null, "motcua-web")
                        .build()));

        for (String token : tokens) {
            Api.Reply reply = api.get(PROTECTED, token);
            assertProblem(reply, 401, "TOKEN_INVALID");
            assertThat(reply.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        }
        assertThat(services.received()).isEmpty();
    }

    @Test
    void tokenIsForwardedUnchangedWithRequestIdAndTraceparent() {
        String token = officer("specialist");

        Api.Reply reply = api.send(api.request(PROTECTED)
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", "abc.DEF_123:4-5")
                .GET()
                .build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Request-Id")).isEqualTo("abc.DEF_123:4-5");
        var call = services.only();
        assertThat(call.authorization()).isEqualTo("Bearer " + token);
        assertThat(call.header(MetadataKeys.REQUEST_ID)).isEqualTo("abc.DEF_123:4-5");
        assertThat(call.header(MetadataKeys.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void unsafeRequestIdIsReplaced() {
        Api.Reply reply = api.send(api.request(PROTECTED)
                .header("Authorization", "Bearer " + officer("clerk"))
                .header("X-Request-Id", "x\u00e9<script>")
                .GET()
                .build());

        assertThat(reply.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(services.only().header(MetadataKeys.REQUEST_ID)).isEqualTo(reply.header("X-Request-Id"));
    }

    @Test
    void citizensAreRefusedOnOfficerRoutes() {
        String citizen = citizen();

        assertProblem(api.get("/api/v1/procedures", citizen), 403, "ROLE_NOT_ALLOWED");
        assertProblem(
                api.get("/api/v1/reports/daily-receptions?from=2025-03-01&to=2025-03-31", citizen),
                403,
                "ROLE_NOT_ALLOWED");
        assertProblem(api.postJson("/api/v1/dossiers", citizen, "{}"), 403, "ROLE_NOT_ALLOWED");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void securityHeadersOnEveryResponse() {
        List<Api.Reply> replies = List.of(
                api.get(PROTECTED),
                api.get(PROTECTED, officer("clerk")),
                api.get("/api/v1/nothing-here"),
                management.get("/health/liveness"));

        for (Api.Reply reply : replies) {
            assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(reply.header("X-Request-Id")).isNotBlank();
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        }
    }

    @Test
    void oddlySpelledPathsDoNotBypassAuthentication() {
        for (String path : List.of(
                "//api/v1/dossiers/H30.298.11077-250303-0001",
                "/api/v1/dossiers/H30.298.11077-250303-0001/",
                "/api//v1/dossiers/H30.298.11077-250303-0001",
                "/api/v1/dossiers/../dossiers/H30.298.11077-250303-0001")) {
            Api.Reply reply = api.send(api.request("/")
                    .uri(URI.create(server.getURL().toString() + path))
                    .GET()
                    .build());
            assertThat(reply.status()).as(path).isIn(401, 404);
        }
        assertThat(services.received()).isEmpty();
    }
}
