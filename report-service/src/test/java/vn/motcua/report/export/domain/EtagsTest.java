package vn.motcua.report.export.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EtagsTest {

    @Test
    void anEtagIsAQuotedSha256OfKindFormatAndContent() {
        String etag = Etags.of("II06A", FileFormat.XLSX, "{\"a\":1}");
        assertThat(etag).matches("\"[0-9a-f]{64}\"");
        assertThat(Etags.of("II06A", FileFormat.XLSX, "{\"a\":1}")).isEqualTo(etag);
        assertThat(Etags.of("II06A", FileFormat.CSV, "{\"a\":1}")).isNotEqualTo(etag);
        assertThat(Etags.of("INDICATORS_766", FileFormat.XLSX, "{\"a\":1}")).isNotEqualTo(etag);
        assertThat(Etags.of("II06A", FileFormat.XLSX, "{\"a\":2}")).isNotEqualTo(etag);
    }

    @Test
    void ifNoneMatchAcceptsTheTagAsGivenUnquotedWeakListedOrStar() {
        String etag = "\"abc\"";
        assertThat(Etags.matches("\"abc\"", etag)).isTrue();
        assertThat(Etags.matches("abc", etag)).isTrue();
        assertThat(Etags.matches("W/\"abc\"", etag)).isTrue();
        assertThat(Etags.matches("\"x\", \"abc\"", etag)).isTrue();
        assertThat(Etags.matches("*", etag)).isTrue();
    }

    @Test
    void anotherTagOrNoneIsNotAMatch() {
        String etag = "\"abc\"";
        assertThat(Etags.matches("\"abd\"", etag)).isFalse();
        assertThat(Etags.matches("", etag)).isFalse();
        assertThat(Etags.matches(null, etag)).isFalse();
        assertThat(Etags.matches("\"\"", etag)).isFalse();
        assertThat(Etags.matches(",", etag)).isFalse();
    }
}
