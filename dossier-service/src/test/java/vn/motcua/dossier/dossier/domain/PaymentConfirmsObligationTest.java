package vn.motcua.dossier.dossier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.motcua.dossier.dossier.domain.PaymentSettlement.Outcome;

/** A paid payment request meets its obligation by itself, and nothing else happens to a dossier without a person. */
class PaymentConfirmsObligationTest {

    private final DossierStateMachine machine = new DossierStateMachine();

    @Test
    void systemMeetsTheObligationOfADossierAwaitingPayment() {
        TransitionDecision decision = machine.decideForSystem(
                DossierState.AWAITING_PAYMENT,
                DossierEvent.OBLIGATION_FULFILLED,
                TestFacts.passing().build());
        assertThat(decision).isInstanceOf(TransitionDecision.Allowed.class);
        TransitionDecision.Allowed allowed = (TransitionDecision.Allowed) decision;
        assertThat(allowed.to()).isEqualTo(DossierState.IN_PROCESS);
        assertThat(allowed.feedEventType()).isEqualTo("dossier.financial_obligation_fulfilled");
        assertThat(DossierStateMachine.firedBySystem(DossierEvent.OBLIGATION_FULFILLED))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = DossierState.class,
            names = {"AWAITING_PAYMENT"},
            mode = EnumSource.Mode.EXCLUDE)
    void systemCannotMeetAnObligationTheDossierIsNotAwaiting(DossierState state) {
        TransitionDecision decision = machine.decideForSystem(
                state, DossierEvent.OBLIGATION_FULFILLED, TestFacts.passing().build());
        assertThat(decision)
                .isInstanceOfSatisfying(
                        TransitionDecision.Rejected.class,
                        r -> assertThat(r.kind()).isEqualTo(RejectionKind.ILLEGAL_TRANSITION));
    }

    @ParameterizedTest
    @EnumSource(
            value = DossierEvent.class,
            names = {"OBLIGATION_FULFILLED"},
            mode = EnumSource.Mode.EXCLUDE)
    void systemFiresNoOtherEventEvenWhereTheTableHasTheRow(DossierEvent event) {
        assertThat(DossierStateMachine.firedBySystem(event)).isFalse();
        for (Transition row : machine.transitions()) {
            if (row.event() == event) {
                assertThat(machine.decideForSystem(
                                row.from(), event, TestFacts.passing().build()))
                        .as(row.from() + " " + event)
                        .isInstanceOfSatisfying(
                                TransitionDecision.Rejected.class,
                                r -> assertThat(r.kind()).isEqualTo(RejectionKind.ROLE_NOT_ALLOWED));
            }
        }
    }

    @Test
    void onlyThePaymentOfTheAwaitedObligationConfirmsIt() {
        assertThat(PaymentSettlement.decide(DossierState.AWAITING_PAYMENT, "PAY-1", true, "PAY-1"))
                .isEqualTo(Outcome.CONFIRMED);
        // an officer confirmed the paper receipt first, or the dossier moved on
        assertThat(PaymentSettlement.decide(DossierState.IN_PROCESS, "PAY-1", true, "PAY-1"))
                .isEqualTo(Outcome.NOT_AWAITING);
        assertThat(PaymentSettlement.decide(DossierState.WITHDRAWN, "PAY-1", true, "PAY-1"))
                .isEqualTo(Outcome.NOT_AWAITING);
        // the dossier awaits a later obligation, with its own payment request
        assertThat(PaymentSettlement.decide(DossierState.AWAITING_PAYMENT, "PAY-1", true, "PAY-2"))
                .isEqualTo(Outcome.NOT_CURRENT_REQUEST);
        assertThat(PaymentSettlement.decide(DossierState.AWAITING_PAYMENT, "PAY-9", false, "PAY-1"))
                .isEqualTo(Outcome.UNKNOWN_PAYMENT);
    }

    @Test
    void timelineSaysHowItWasPaidAndNamesTheReceipt() {
        PaidPayment online = new PaidPayment(
                "e1",
                "PAY-ABC",
                "D1",
                "11077/2026/000123",
                PaidPayment.PaymentChannel.ONLINE,
                Instant.parse("2026-03-09T02:00:00Z"));
        assertThat(PaymentSettlement.timelineReason(online))
                .isEqualTo("Đã nộp phí trực tuyến, biên lai số 11077/2026/000123 (mã thanh toán PAY-ABC)");
        PaidPayment cash = new PaidPayment("e2", "PAY-X", "D1", "", PaidPayment.PaymentChannel.COUNTER_CASH, null);
        assertThat(PaymentSettlement.timelineReason(cash))
                .isEqualTo("Đã nộp phí bằng tiền mặt tại bộ phận một cửa (mã thanh toán PAY-X)");
        PaidPayment unknown = new PaidPayment("e3", "PAY-Y", "D1", "1/2026/1", null, null);
        assertThat(PaymentSettlement.timelineReason(unknown))
                .isEqualTo("Đã nộp phí, biên lai số 1/2026/1 (mã thanh toán PAY-Y)");
    }
}
