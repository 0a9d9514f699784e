package vn.motcua.payment.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * The payment state graph as a table: every (state, event) pair either leads where the issue says or is refused with
 * FAILED_PRECONDITION / ILLEGAL_TRANSITION naming the state and the event.
 */
class PaymentStateMachineTest {

    private static final Set<PaymentState> FAILED = EnumSet.of(
            PaymentState.FAILED_DECLINED, PaymentState.FAILED_TIMED_OUT, PaymentState.FAILED_CANCELLED_BY_PAYER);
    private static final Set<PaymentState> OPEN = EnumSet.of(PaymentState.STARTED, PaymentState.SUBMITTED);

    /** The expected graph, written out independently of the implementation's table. */
    private static Optional<PaymentState> expected(PaymentState from, PaymentEvent event) {
        boolean createdOrFailed = from == PaymentState.CREATED || FAILED.contains(from);
        return switch (event) {
            case START_ONLINE -> createdOrFailed ? Optional.of(PaymentState.STARTED) : Optional.empty();
            case SUBMIT -> from == PaymentState.STARTED ? Optional.of(PaymentState.SUBMITTED) : Optional.empty();
            case AUTHORISE -> OPEN.contains(from) ? Optional.of(PaymentState.SUCCESS) : Optional.empty();
            case DECLINE -> OPEN.contains(from) ? Optional.of(PaymentState.FAILED_DECLINED) : Optional.empty();
            case TIME_OUT -> OPEN.contains(from) ? Optional.of(PaymentState.FAILED_TIMED_OUT) : Optional.empty();
            case PAYER_CANCEL ->
                OPEN.contains(from) ? Optional.of(PaymentState.FAILED_CANCELLED_BY_PAYER) : Optional.empty();
            case PROVIDER_ERROR -> OPEN.contains(from) ? Optional.of(PaymentState.ERROR) : Optional.empty();
            case RECORD_COUNTER -> createdOrFailed ? Optional.of(PaymentState.SUCCESS) : Optional.empty();
            case CANCEL ->
                createdOrFailed || from == PaymentState.ERROR ? Optional.of(PaymentState.CANCELLED) : Optional.empty();
            case EXPIRE ->
                createdOrFailed || from == PaymentState.STARTED ? Optional.of(PaymentState.EXPIRED) : Optional.empty();
        };
    }

    static List<Arguments> everyStateAndEvent() {
        List<Arguments> pairs = new ArrayList<>();
        for (PaymentState s : PaymentState.values()) {
            for (PaymentEvent e : PaymentEvent.values()) {
                pairs.add(Arguments.of(s, e));
            }
        }
        return pairs;
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyStateAndEvent")
    void everyPairLeadsWhereTheGraphSaysOrIsRefusedWithAStableReason(PaymentState from, PaymentEvent event) {
        Optional<PaymentState> to = expected(from, event);
        assertThat(PaymentStateMachine.target(from, event)).isEqualTo(to);
        if (to.isPresent()) {
            assertThat(PaymentStateMachine.next(from, event)).isEqualTo(to.get());
        } else {
            assertThatThrownBy(() -> PaymentStateMachine.next(from, event))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
                        assertThat(e.reason()).isEqualTo(ErrorReason.ILLEGAL_TRANSITION);
                        assertThat(e.metadata()).isEqualTo(Map.of("from", from.name(), "event", event.name()));
                    });
        }
    }

    @Test
    void internalStatesMapToTheSmallPublicSet() {
        assertThat(PaymentState.CREATED.status()).isEqualTo(PaymentStatus.AWAITING);
        assertThat(PaymentState.STARTED.status()).isEqualTo(PaymentStatus.IN_PROGRESS);
        assertThat(PaymentState.SUBMITTED.status()).isEqualTo(PaymentStatus.IN_PROGRESS);
        assertThat(PaymentState.SUCCESS.status()).isEqualTo(PaymentStatus.PAID);
        FAILED.forEach(s -> assertThat(s.status()).isEqualTo(PaymentStatus.FAILED));
        assertThat(PaymentState.CANCELLED.status()).isEqualTo(PaymentStatus.CANCELLED);
        assertThat(PaymentState.EXPIRED.status()).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(PaymentState.ERROR.status()).isEqualTo(PaymentStatus.ERROR);
    }

    @Test
    void providerCodesNameTheirEvents() {
        assertThat(PaymentEvent.ofProviderCode("00")).isEqualTo(PaymentEvent.AUTHORISE);
        assertThat(PaymentEvent.ofProviderCode("24")).isEqualTo(PaymentEvent.PAYER_CANCEL);
        assertThat(PaymentEvent.ofProviderCode("51")).isEqualTo(PaymentEvent.DECLINE);
        assertThat(PaymentEvent.ofProviderCode("11")).isEqualTo(PaymentEvent.TIME_OUT);
        assertThat(PaymentEvent.ofProviderCode("99")).isEqualTo(PaymentEvent.PROVIDER_ERROR);
        assertThat(PaymentEvent.ofProviderCode("42")).isEqualTo(PaymentEvent.PROVIDER_ERROR);
    }

    @Test
    void aFailedPaymentStartsAgainAsTheNextAttempt() {
        java.time.Instant now = java.time.Instant.parse("2026-12-07T02:00:00Z");
        Payment p = Payment.create(
                "PAY-X",
                "D1",
                "11077",
                List.of("30", "11077"),
                "P1",
                "Nguyễn Văn A",
                "001",
                List.of(new FeeLine("Lệ phí", 50_000, "")),
                10,
                now,
                now.plusSeconds(3600));
        Payment first = p.startOnline(now);
        Payment declined = first.settleOnline(PaymentEvent.DECLINE, 45_000, null, now);
        Payment second = declined.startOnline(now);
        assertThat(first.currentAttempt()).isEqualTo(1);
        assertThat(second.currentAttempt()).isEqualTo(2);
        assertThat(second.orderRef(2)).isEqualTo("PAY-X-2");
        assertThat(second.revision()).isEqualTo(4);
        Payment paid = second.settleOnline(PaymentEvent.AUTHORISE, 45_000, "T1", now);
        assertThat(paid.channel()).isEqualTo(PaymentChannel.ONLINE);
        assertThat(paid.paidAmountDong()).isEqualTo(45_000);
    }

    @Test
    void theOnlineDiscountIsRoundedDownToWholeDong() {
        assertThat(Payment.onlineAmount(50_000, 10)).isEqualTo(45_000);
        assertThat(Payment.onlineAmount(10_001, 10)).isEqualTo(9_001);
        assertThat(Payment.onlineAmount(10_001, 0)).isEqualTo(10_001);
    }

    @Test
    void refundsSettleOnlyOnceFromSubmitted() {
        assertThat(RefundState.SUBMITTED.settle(true)).isEqualTo(RefundState.SUCCESS);
        assertThat(RefundState.SUBMITTED.settle(false)).isEqualTo(RefundState.FAILED);
        for (RefundState done : List.of(RefundState.SUCCESS, RefundState.FAILED)) {
            assertThatThrownBy(() -> done.settle(true))
                    .isInstanceOfSatisfying(
                            DomainException.class,
                            e -> assertThat(e.reason()).isEqualTo(ErrorReason.ILLEGAL_TRANSITION));
        }
    }

    @Test
    void aPaidPaymentRefundsAtMostWhatWasPaidLessRefunds() {
        java.time.Instant now = java.time.Instant.parse("2026-12-07T02:00:00Z");
        Payment paid = Payment.create(
                        "PAY-X",
                        "D1",
                        "11077",
                        List.of("11077"),
                        "P1",
                        "A",
                        null,
                        List.of(new FeeLine("Lệ phí", 50_000, "")),
                        0,
                        now,
                        now.plusSeconds(3600))
                .recordCounter(PaymentChannel.COUNTER_CASH, null, now);
        Payment partly = paid.refunded(20_000, now);
        assertThat(partly.refundableDong()).isEqualTo(30_000);
        assertThatThrownBy(() -> partly.refunded(30_001, now)).isInstanceOf(IllegalStateException.class);
        assertThat(partly.refunded(30_000, now).refundableDong()).isZero();
    }
}
