package vn.motcua.paymentsimulator;

/** What became of an order, with its protocol code (response_code of the notification, transaction_status). */
public enum Outcome {
    PENDING("01"),
    SUCCESS("00"),
    CANCELLED_BY_PAYER("24"),
    DECLINED("51"),
    TIMED_OUT("11"),
    ERROR("99");

    private final String code;

    Outcome(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean failure() {
        return this != PENDING && this != SUCCESS;
    }
}
