package vn.motcua.payment.payment.domain;

import java.util.List;
import java.util.Map;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/** A refund's own little graph: SUBMITTED (asked of the provider) -> SUCCESS | FAILED. */
public enum RefundState {
    SUBMITTED,
    SUCCESS,
    FAILED;

    /** The state a refund settles into; only a SUBMITTED refund settles. */
    public RefundState settle(boolean succeeded) {
        if (this != SUBMITTED) {
            throw new DomainException(
                    ErrorKind.FAILED_PRECONDITION,
                    ErrorReason.ILLEGAL_TRANSITION,
                    "cannot settle a refund in state " + this,
                    Map.of("from", name(), "event", succeeded ? "REFUND_SUCCEED" : "REFUND_FAIL"),
                    List.of());
        }
        return succeeded ? SUCCESS : FAILED;
    }
}
