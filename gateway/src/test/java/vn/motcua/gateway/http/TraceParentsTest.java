package vn.motcua.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentsTest {

    private static final String W3C = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";

    @Test
    void keepsTheTraceIdAndFlagsButStartsANewSpan() {
        String forwarded = TraceParents.forward("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-00");

        assertThat(forwarded)
                .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-00")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void startsANewTraceForMissingOrInvalidHeaders() {
        for (String bad : new String[] {
            null,
            "",
            "garbage",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"
        }) {
            assertThat(TraceParents.forward(bad)).matches(W3C).endsWith("-01");
        }
    }
}
