package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fees in a real browser (browser/payments.journey.cjs): the applicant pays a dossier's fee online through the
 * payment simulator and downloads the receipt, a visitor checks it, the desk records a cash payment and opens the
 * reconciliation. Two fee-bearing dossiers awaiting their obligation are made here through the API first.
 */
class ConsolePaymentJourneyIT extends PaymentSystemTest {

    @Test
    void anApplicantPaysOnlineAndTheDeskRecordsACashPayment() throws Exception {
        String pay = feeDossierAwaitingPayment();
        String cash = feeDossierAwaitingPayment();
        String payId = awaitPaymentOf(pay, CITIZEN).path("id").asText();
        String cashId = awaitPaymentOf(cash, CITIZEN).path("id").asText();
        knobs("reset=true&auto_decide=approve");
        try {
            String log = BrowserJourney.run(
                    platform,
                    "payments.journey.cjs",
                    Map.of("PAY_CODE", pay, "PAY_ID", payId, "CASH_CODE", cash, "CASH_ID", cashId));
            assertThat(log)
                    .contains(
                            "step: citizen sees the fee owed on the dossier",
                            "step: citizen sees the fee paid and downloads the receipt",
                            "step: the dossier left awaiting financial obligation by itself",
                            "step: a visitor checks the receipt from its QR data",
                            "step: officer recorded the cash payment and sees the receipt",
                            "journey payments: ok");
        } finally {
            knobs("reset=true");
        }
    }
}
