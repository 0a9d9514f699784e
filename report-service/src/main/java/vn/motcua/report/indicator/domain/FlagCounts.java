package vn.motcua.report.indicator.domain;

/** Sums of i766_month's flag counters (dossiers by month of reception); see V2 for each column's meaning. */
public record FlagCounts(
        long received,
        long receivedOnline,
        long onlineCounted,
        long financialObligation,
        long paidOnline,
        long paperResultRequired,
        long paperResultElectronic,
        long digitized,
        long reusesData,
        long linkedToWarehouse,
        long resolvedLate,
        long feedbackOrDislike) {

    public static final FlagCounts ZERO = new FlagCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public FlagCounts plus(FlagCounts o) {
        return new FlagCounts(
                received + o.received,
                receivedOnline + o.receivedOnline,
                onlineCounted + o.onlineCounted,
                financialObligation + o.financialObligation,
                paidOnline + o.paidOnline,
                paperResultRequired + o.paperResultRequired,
                paperResultElectronic + o.paperResultElectronic,
                digitized + o.digitized,
                reusesData + o.reusesData,
                linkedToWarehouse + o.linkedToWarehouse,
                resolvedLate + o.resolvedLate,
                feedbackOrDislike + o.feedbackOrDislike);
    }
}
