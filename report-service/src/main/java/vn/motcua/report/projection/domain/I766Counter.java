package vn.motcua.report.projection.domain;

/** The counters of i766_month, in column order (V2 defines each). */
public enum I766Counter {
    RECEIVED("received"),
    RECEIVED_ONLINE("received_online"),
    RECEIVED_POSTAL("received_postal"),
    ONLINE_COUNTED("online_counted"),
    FINANCIAL_OBLIGATION("financial_obligation"),
    PAID_ONLINE("paid_online"),
    PAPER_RESULT_REQUIRED("paper_result_required"),
    PAPER_RESULT_ELECTRONIC("paper_result_electronic"),
    DIGITIZED("digitized"),
    REUSES_DATA("reuses_data"),
    LINKED_TO_WAREHOUSE("linked_to_warehouse"),
    RESOLVED_LATE("resolved_late"),
    FEEDBACK_OR_DISLIKE("feedback_or_dislike"),
    RATED("rated");

    public static final int SIZE = values().length;

    private final String column;

    I766Counter(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
