package vn.motcua.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.testing.TestIdentityProvider;

/** Verified tokens are served from the cache only while the full check would still accept them, and never others. */
class JwtValidatorTokenCacheTest {

    private static final int SKEW_SECONDS = 30;

    private static TestIdentityProvider idp;
    private static AuthConfiguration config;

    /** A clock the test moves by hand; the validator's full check and its cache both read it. */
    static final class SettableClock extends Clock {
        private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @BeforeAll
    static void start() {
        idp = TestIdentityProvider.start();
        config = new AuthConfiguration();
        config.setIssuer(idp.issuer());
        config.setClockSkewSeconds(SKEW_SECONDS);
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    private static JWTClaimsSet.Builder officerClaims(String username) {
        return idp.claims(username, Set.of("reception_officer"), "11077", null, "motcua-gateway");
    }

    private static void assertRefused(JwtValidator validator, String token) {
        assertThatThrownBy(() -> validator.validate(token))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.reason()).isEqualTo(ErrorReason.TOKEN_INVALID));
    }

    @Test
    void aCachedTokenIsServedUntilItsExpiryPlusSkewAndRefusedFromThen() {
        SettableClock clock = new SettableClock();
        JwtValidator validator = new JwtValidator(config, 100, clock);
        Instant exp = clock.instant().plusSeconds(60);
        String token = idp.sign(officerClaims("mc.ngocson")
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(exp))
                .build());

        assertThat(validator.validate(token).username()).isEqualTo("mc.ngocson");
        assertThat(validator.cachedTokens()).isEqualTo(1);

        // the skew the full check tolerates is tolerated on a hit too, up to the last millisecond
        clock.set(exp.plusSeconds(SKEW_SECONDS).minusMillis(1));
        assertThat(validator.validate(token).username()).isEqualTo("mc.ngocson");

        clock.set(exp.plusSeconds(SKEW_SECONDS));
        assertRefused(validator, token);
        assertThat(validator.cachedTokens()).as("the expired entry is dropped").isZero();
        assertRefused(validator, token);
    }

    @Test
    void aHitCarriesTheCallersOwnTokenAndTheSameClaims() {
        JwtValidator validator = new JwtValidator(config, 100, Clock.systemUTC());
        String token = idp.officer("mc.ngocson", "11077", "reception_officer", "specialist");

        Caller first = validator.validate(token);
        Caller second = validator.validate(token);

        assertThat(validator.cachedTokens()).isEqualTo(1);
        assertThat(second).isEqualTo(first);
        assertThat(second.token()).isEqualTo(token);
        assertThat(second.roles()).containsExactlyInAnyOrder("reception_officer", "specialist");
        assertThat(second.unitCode()).isEqualTo("11077");
    }

    @Test
    void aBadSignatureIsRefusedRightAfterAGoodTokenWithTheSameClaims() {
        JwtValidator validator = new JwtValidator(config, 100, Clock.systemUTC());
        JWTClaimsSet claims = officerClaims("mc.ngocson").build();
        String good = idp.sign(claims);
        String stranger = idp.signWithStrangerKey(claims);
        String[] parts = good.split("\\.");
        String noSignature = parts[0] + "." + parts[1] + ".";

        assertThat(validator.validate(good).username()).isEqualTo("mc.ngocson");

        assertRefused(validator, stranger);
        assertRefused(validator, noSignature);
        assertThat(validator.cachedTokens()).as("refused tokens are not cached").isEqualTo(1);
        assertRefused(validator, stranger);
    }

    @Test
    void aTokenOneByteAwayMissesTheCache() {
        JwtValidator validator = new JwtValidator(config, 100, Clock.systemUTC());
        String good = idp.officer("mc.ngocson", "11077", "reception_officer");
        validator.validate(good);

        int inSignature = good.length() - 5;
        String changed = good.substring(0, inSignature)
                + (good.charAt(inSignature) == 'A' ? 'B' : 'A')
                + good.substring(inSignature + 1);
        assertRefused(validator, changed);

        // one byte changed in the payload: the same claims' hash would be a different key, and the signature fails
        int inPayload = good.indexOf('.') + 10;
        String otherPayload = good.substring(0, inPayload)
                + (good.charAt(inPayload) == 'A' ? 'B' : 'A')
                + good.substring(inPayload + 1);
        assertRefused(validator, otherPayload);

        assertThat(validator.cachedTokens()).isEqualTo(1);
        assertThat(validator.validate(good).username()).isEqualTo("mc.ngocson");
    }

    @Test
    void theCacheStaysWithinItsBoundAndEveryTokenIsStillAccepted() {
        JwtValidator validator = new JwtValidator(config, 5, Clock.systemUTC());
        for (int i = 0; i < 40; i++) {
            String token = idp.officer("officer" + i, "11077", "reception_officer");
            assertThat(validator.validate(token).username()).isEqualTo("officer" + i);
            assertThat(validator.cachedTokens()).isLessThanOrEqualTo(5);
        }
        assertThat(validator.cachedTokens()).isPositive();
    }

    @Test
    void aFullCacheDropsExpiredEntriesFirst() {
        SettableClock clock = new SettableClock();
        Instant start = clock.instant();
        JwtValidator validator = new JwtValidator(config, 3, clock);
        String shortLived = idp.sign(officerClaims("short")
                .issueTime(Date.from(start))
                .expirationTime(Date.from(start.plusSeconds(10)))
                .build());
        validator.validate(shortLived);
        String a = idp.officer("a", "11077", "reception_officer");
        String b = idp.officer("b", "11077", "reception_officer");
        validator.validate(a);
        validator.validate(b);

        clock.set(start.plusSeconds(10 + SKEW_SECONDS));
        validator.validate(idp.officer("c", "11077", "reception_officer"));

        assertThat(validator.cachedTokens()).isEqualTo(3);
        assertRefused(validator, shortLived);
    }

    @Test
    void zeroEntriesDisablesTheCache() {
        SettableClock clock = new SettableClock();
        JwtValidator validator = new JwtValidator(config, 0, clock);
        Instant exp = clock.instant().plus(Duration.ofMinutes(1));
        String token = idp.sign(officerClaims("mc.ngocson")
                .issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(exp))
                .build());

        assertThat(validator.validate(token).username()).isEqualTo("mc.ngocson");
        assertThat(validator.validate(token).token()).isEqualTo(token);
        assertThat(validator.cachedTokens()).isZero();

        clock.set(exp.plusSeconds(SKEW_SECONDS));
        assertRefused(validator, token);
    }

    @Test
    void theInjectedConstructorReadsTheConfiguredSize() {
        TokenCacheConfiguration off = new TokenCacheConfiguration();
        off.setMaxEntries(0);
        JwtValidator validator = new JwtValidator(config, off);
        validator.validate(idp.officer("mc.ngocson", "11077", "reception_officer"));
        assertThat(validator.cachedTokens()).isZero();

        assertThat(new TokenCacheConfiguration().getMaxEntries()).isEqualTo(10_000);
        assertThatThrownBy(() -> off.setMaxEntries(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
