package vn.motcua.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets, driven by a hand-moved clock: no sleeping, no flakiness. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(5));
    private final RateLimiter limiter = new RateLimiter(now::get, 1000);
    private final Limit fivePerSecondBurstTen = new Limit(5, 10);

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void aNewClientMayBurstThenIsRefusedWithTheWaitForTheNextToken() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("ip:1", fivePerSecondBurstTen).allowed())
                    .as("request %d", i + 1)
                    .isTrue();
        }
        Decision refused = limiter.acquire("ip:1", fivePerSecondBurstTen);

        assertThat(refused.allowed()).isFalse();
        // 5 tokens per second: the next one is 200 ms away; Retry-After rounds up to whole seconds
        assertThat(refused.waitNanos())
                .isBetween(TimeUnit.MILLISECONDS.toNanos(200) - 2, TimeUnit.MILLISECONDS.toNanos(200) + 2);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void tokensComeBackAtTheConfiguredRateAndNeverBeyondTheBurst() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire("sub:a", fivePerSecondBurstTen);
        }
        advanceMillis(199);
        assertThat(limiter.acquire("sub:a", fivePerSecondBurstTen).allowed()).isFalse();
        advanceMillis(2);
        assertThat(limiter.acquire("sub:a", fivePerSecondBurstTen).allowed()).isTrue();
        assertThat(limiter.acquire("sub:a", fivePerSecondBurstTen).allowed()).isFalse();

        advanceMillis(60_000);
        int allowed = 0;
        while (limiter.acquire("sub:a", fivePerSecondBurstTen).allowed()) {
            allowed++;
        }
        assertThat(allowed).as("a long pause refills to the burst, not more").isEqualTo(10);
    }

    @Test
    void sustainedRateIsTheConfiguredRate() {
        int allowed = 0;
        // 10 seconds of one request every 10 ms (100/s) against 5/s with burst 10
        for (int i = 0; i < 1000; i++) {
            if (limiter.acquire("ip:flood", fivePerSecondBurstTen).allowed()) {
                allowed++;
            }
            advanceMillis(10);
        }
        assertThat(allowed).isBetween(10 + 49, 10 + 50);
    }

    @Test
    void clientsHaveSeparateBuckets() {
        Limit one = new Limit(1, 1);
        assertThat(limiter.acquire("sub:a", one).allowed()).isTrue();
        assertThat(limiter.acquire("sub:a", one).allowed()).isFalse();
        assertThat(limiter.acquire("sub:b", one).allowed()).isTrue();
        assertThat(limiter.acquire("ip:127.0.0.1", one).allowed()).isTrue();
    }

    @Test
    void slowRatesGiveLongRetryAfter() {
        Limit onePerMinute = new Limit(1.0 / 60, 1);
        limiter.acquire("ip:2", onePerMinute);
        Decision refused = limiter.acquire("ip:2", onePerMinute);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(60);
        advanceMillis(30_500);
        assertThat(limiter.acquire("ip:2", onePerMinute).retryAfterSeconds()).isEqualTo(30);
    }

    @Test
    void idleClientsAreForgottenWhenTheTableIsFullAndActiveOnesShareAnOverflowBucket() {
        RateLimiter small = new RateLimiter(now::get, 2);
        Limit one = new Limit(1, 1);
        small.acquire("a", one);
        small.acquire("b", one);
        advanceMillis(1_000);
        // a and b have refilled: they are forgotten to make room
        assertThat(small.acquire("c", one).allowed()).isTrue();
        assertThat(small.trackedClients()).isEqualTo(1);

        small.acquire("d", one);
        // c and d are still empty: e and f cannot get buckets of their own and share one
        assertThat(small.acquire("e", one).allowed()).isTrue();
        assertThat(small.acquire("f", one).allowed()).isFalse();
        assertThat(small.trackedClients()).isEqualTo(3);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new Limit(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Limit(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
