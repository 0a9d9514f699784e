package vn.motcua.payment.reconciliation.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What reconciliation reads of the payments: successful online attempts. A port, so the matching is plain logic and
 * the query (owned by the payment tables' schema) sits in one adapter.
 */
public interface PaidOnlineOrders {

    /** Successful attempts of payments of {@code unitCode} settled in [from, to). */
    List<PaidOrder> settledBetween(String unitCode, Instant from, Instant to);

    /** Successful attempts with these order references, whatever their unit and day. */
    List<PaidOrder> byOrderRefs(Collection<String> orderRefs);
}
