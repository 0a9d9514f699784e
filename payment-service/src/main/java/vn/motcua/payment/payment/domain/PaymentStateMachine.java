package vn.motcua.payment.payment.domain;

import static vn.motcua.payment.payment.domain.PaymentState.CANCELLED;
import static vn.motcua.payment.payment.domain.PaymentState.CREATED;
import static vn.motcua.payment.payment.domain.PaymentState.ERROR;
import static vn.motcua.payment.payment.domain.PaymentState.EXPIRED;
import static vn.motcua.payment.payment.domain.PaymentState.FAILED_CANCELLED_BY_PAYER;
import static vn.motcua.payment.payment.domain.PaymentState.FAILED_DECLINED;
import static vn.motcua.payment.payment.domain.PaymentState.FAILED_TIMED_OUT;
import static vn.motcua.payment.payment.domain.PaymentState.STARTED;
import static vn.motcua.payment.payment.domain.PaymentState.SUBMITTED;
import static vn.motcua.payment.payment.domain.PaymentState.SUCCESS;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * The payment state graph: for each event, the states it may leave and the state it reaches. Anything else is
 * refused with FAILED_PRECONDITION / ILLEGAL_TRANSITION (metadata from, event), before anything is written.
 *
 * <pre>
 * CREATED | FAILED_* --START_ONLINE--> STARTED --SUBMIT--> SUBMITTED
 * STARTED | SUBMITTED --AUTHORISE--> SUCCESS, --DECLINE/TIME_OUT/PAYER_CANCEL--> FAILED_*, --PROVIDER_ERROR--> ERROR
 * CREATED | FAILED_* --RECORD_COUNTER--> SUCCESS
 * CREATED | FAILED_* | ERROR --CANCEL--> CANCELLED
 * CREATED | FAILED_* | STARTED --EXPIRE--> EXPIRED
 * </pre>
 * A counter payment or an officer's cancel while an online attempt is open (STARTED, SUBMITTED) is refused: the
 * payer may be paying at that very moment, and both would take the money. ERROR may be cancelled (an officer has
 * looked at it); nothing else leaves ERROR, SUCCESS, CANCELLED or EXPIRED.
 */
public final class PaymentStateMachine {

    private static final Set<PaymentState> FAILED =
            EnumSet.of(FAILED_DECLINED, FAILED_TIMED_OUT, FAILED_CANCELLED_BY_PAYER);

    private static final Map<PaymentEvent, Edge> EDGES = new EnumMap<>(PaymentEvent.class);

    static {
        edge(PaymentEvent.START_ONLINE, STARTED, with(FAILED, CREATED));
        edge(PaymentEvent.SUBMIT, SUBMITTED, EnumSet.of(STARTED));
        edge(PaymentEvent.AUTHORISE, SUCCESS, EnumSet.of(STARTED, SUBMITTED));
        edge(PaymentEvent.DECLINE, FAILED_DECLINED, EnumSet.of(STARTED, SUBMITTED));
        edge(PaymentEvent.TIME_OUT, FAILED_TIMED_OUT, EnumSet.of(STARTED, SUBMITTED));
        edge(PaymentEvent.PAYER_CANCEL, FAILED_CANCELLED_BY_PAYER, EnumSet.of(STARTED, SUBMITTED));
        edge(PaymentEvent.PROVIDER_ERROR, ERROR, EnumSet.of(STARTED, SUBMITTED));
        edge(PaymentEvent.RECORD_COUNTER, SUCCESS, with(FAILED, CREATED));
        edge(PaymentEvent.CANCEL, CANCELLED, with(FAILED, CREATED, ERROR));
        edge(PaymentEvent.EXPIRE, EXPIRED, with(FAILED, CREATED, STARTED));
    }

    private PaymentStateMachine() {}

    private record Edge(PaymentState to, Set<PaymentState> from) {}

    private static void edge(PaymentEvent event, PaymentState to, Set<PaymentState> from) {
        EDGES.put(event, new Edge(to, Set.copyOf(from)));
    }

    private static Set<PaymentState> with(Set<PaymentState> base, PaymentState... more) {
        EnumSet<PaymentState> all = EnumSet.copyOf(base);
        all.addAll(List.of(more));
        return all;
    }

    /** Where {@code event} leads from {@code from}, or empty when the graph has no such edge. */
    public static Optional<PaymentState> target(PaymentState from, PaymentEvent event) {
        Edge edge = EDGES.get(event);
        return edge.from().contains(from) ? Optional.of(edge.to()) : Optional.empty();
    }

    /** Where {@code event} leads from {@code from}; refuses an edge the graph does not have. */
    public static PaymentState next(PaymentState from, PaymentEvent event) {
        return target(from, event).orElseThrow(() -> illegal(from, event));
    }

    public static DomainException illegal(PaymentState from, PaymentEvent event) {
        return new DomainException(
                ErrorKind.FAILED_PRECONDITION,
                ErrorReason.ILLEGAL_TRANSITION,
                "cannot " + event.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " a payment in state "
                        + from,
                Map.of("from", from.name(), "event", event.name()),
                List.of());
    }
}
