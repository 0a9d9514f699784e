package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The forms of PromQL the rules file uses, and that each yields exactly the metric names it reads. */
class PromQlMetricNamesTest {

    @Test
    void joinOfTwoAggregationsNamesBothMetricsButNoLabelOrKeyword() {
        assertThat(PromQlMetricNames.of("max by (source) (motcua_feed_head_seq)\n- on (source) group_right\n"
                        + "max by (consumer, source) (motcua_feed_cursor_seq)"))
                .containsExactlyInAnyOrder("motcua_feed_head_seq", "motcua_feed_cursor_seq");
    }

    @Test
    void functionsRangesMatchersAndNumbersAreNotMetrics() {
        assertThat(PromQlMetricNames.of("histogram_quantile(0.99, sum by (job, le) (rate("
                        + "grpc_server_processing_duration_seconds_bucket{methodType=\"UNARY\", method!~\"Export.*|x\"}"
                        + "[5m]))) > 1e3 and deriv(motcua:feed_lag_events[10m:1m]) > 0"))
                .containsExactlyInAnyOrder("grpc_server_processing_duration_seconds_bucket", "motcua:feed_lag_events");
    }

    @Test
    void absentAndOrKeepTheirArguments() {
        assertThat(PromQlMetricNames.of(
                        "sum by (job) (up{job=~\"a|b\"}) == 0 or absent(up{job=\"a\"}) unless on(job) other_metric"))
                .containsExactlyInAnyOrder("up", "other_metric");
    }
}
