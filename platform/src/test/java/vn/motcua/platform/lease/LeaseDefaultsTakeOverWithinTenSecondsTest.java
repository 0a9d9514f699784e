package vn.motcua.platform.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The default lease timings (motcua.lease.*) against issue 15's bound: after a kill -9 the holder's lease lapses
 * within a duration, and a waiting replica tries again within a renew interval, so a standby takes over within their
 * sum. TwoReplicasIT measures it on the real platform; this keeps anyone from raising the defaults past the bound.
 */
class LeaseDefaultsTakeOverWithinTenSecondsTest {

    @Test
    void theDefaultsAreValidAndATakeOverTakesAtMostDurationPlusOneRenewIntervalBelowTenSeconds() {
        LeaseConfiguration defaults = new LeaseConfiguration();
        defaults.check();
        Duration worstTakeOver = defaults.getDuration().plus(defaults.getRenewInterval());
        assertThat(worstTakeOver).isLessThan(Duration.ofSeconds(10));
        // two renewals in a row may fail before the holder stops counting on its lease
        assertThat(defaults.getRenewInterval().multipliedBy(2))
                .isLessThan(defaults.getDuration().minus(defaults.getClockTolerance()));
    }

    @Test
    void aRenewIntervalThatCannotRenewBeforeTheLeaseLapsesIsRefused() {
        LeaseConfiguration config = new LeaseConfiguration();
        config.setRenewInterval(Duration.ofSeconds(4));
        assertThatThrownBy(config::check)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be below duration");
    }
}
