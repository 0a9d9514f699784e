package vn.motcua.paymentsimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KnobsTest {

    @Test
    void changesOnlyTheGivenKnobsAndResetStartsOver() {
        Knobs k = Knobs.DEFAULTS.with(Map.of("callback_delay_ms", "250", "callback_duplicates", "5"));
        k = k.with(Map.of("callback_drop", "true"));

        assertThat(k).isEqualTo(new Knobs(250, 5, true, false, "", "", 0));
        assertThat(k.with(Map.of("reset", "true", "auto_decide", "approve")))
                .isEqualTo(new Knobs(0, 1, false, false, "approve", "", 0));
    }

    @Test
    void refusesUnknownKnobsAndBadValues() {
        assertThatThrownBy(() -> Knobs.DEFAULTS.with(Map.of("callback_speed", "1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Knobs.DEFAULTS.with(Map.of("auto_decide", "maybe")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Knobs.DEFAULTS.with(Map.of("callback_delay_ms", "-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Knobs.DEFAULTS.with(Map.of("callback_drop", "yes")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paymentOfAnAttemptIsItsOrderRefWithoutTheAttemptNumber() {
        assertThat(Notifier.payment("PAY-ABCDEFGHIJKLMNOPQRST-2")).isEqualTo("PAY-ABCDEFGHIJKLMNOPQRST");
        assertThat(Notifier.payment("ORDER")).isEqualTo("ORDER");
    }
}
