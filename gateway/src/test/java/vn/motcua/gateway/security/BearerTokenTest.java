package vn.motcua.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.simple.SimpleHttpHeaders;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    private static BearerToken.Result read(String... authorization) {
        SimpleHttpHeaders headers = new SimpleHttpHeaders();
        for (String value : authorization) {
            headers.add(HttpHeaders.AUTHORIZATION, value);
        }
        return BearerToken.read(headers);
    }

    @Test
    void readsACompactJwsCaseInsensitively() {
        assertThat(read("Bearer aGVh.cGF5-_.c2ln"))
                .isEqualTo(new BearerToken.Result(BearerToken.Outcome.PRESENT, "aGVh.cGF5-_.c2ln"));
        assertThat(read("bearer aGVh.cGF5.c2ln").token()).isEqualTo("aGVh.cGF5.c2ln");
    }

    @Test
    void everythingElseIsMissingOrMalformed() {
        assertThat(read().outcome()).isEqualTo(BearerToken.Outcome.MISSING);
        assertThat(read("Basic dXNlcjpwYXNz").outcome()).isEqualTo(BearerToken.Outcome.MALFORMED);
        assertThat(read("Bearer ").outcome()).isEqualTo(BearerToken.Outcome.MALFORMED);
        assertThat(read("Bearer abc").outcome()).isEqualTo(BearerToken.Outcome.MALFORMED);
        assertThat(read("Bearer a.b.c d").outcome()).isEqualTo(BearerToken.Outcome.MALFORMED);
        assertThat(read("Bearer a.b.c", "Bearer d.e.f").outcome()).isEqualTo(BearerToken.Outcome.MALFORMED);
        assertThat(read("Bearer " + "a".repeat(17_000) + ".b.c").outcome()).isEqualTo(BearerToken.Outcome.MALFORMED);
    }
}
