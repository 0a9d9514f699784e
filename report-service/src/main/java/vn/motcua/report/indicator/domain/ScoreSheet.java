package vn.motcua.report.indicator.domain;

import java.util.List;

/**
 * The scores of one set of units under one rule set.
 *
 * @param totalScore                 sum of the groups that could be scored, 2 decimals
 * @param onlinePaymentPercent       ratio A (dossiers paid online / with a financial obligation), "" when none
 * @param onlinePaymentTargetPercent the province's target (motcua.report.online-payment-target-percent)
 */
public record ScoreSheet(
        List<GroupResult> groups,
        String totalScore,
        long onlinePaymentNumerator,
        long onlinePaymentDenominator,
        String onlinePaymentPercent,
        String onlinePaymentTargetPercent,
        boolean onlinePaymentTargetMet) {

    public ScoreSheet {
        groups = List.copyOf(groups);
    }
}
