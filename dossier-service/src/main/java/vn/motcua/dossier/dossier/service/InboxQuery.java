package vn.motcua.dossier.dossier.service;

import java.util.EnumSet;
import java.util.Set;
import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.repository.ListOrder;
import vn.motcua.dossier.dossier.repository.ListOrder.Column;

/**
 * How an officer shaped their inbox: only these states (empty: all it holds), only this deadline state (null: any),
 * in this order. Filters only narrow the inbox; who sees what stays with the caller's roles and unit.
 */
public record InboxQuery(
        Set<DossierState> statuses, DeadlineState deadlineState, Sort sort, String search, boolean awaitingApproval) {

    /** The longest search text accepted. */
    public static final int SEARCH_MAX = 100;

    public InboxQuery {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        search = search == null ? "" : search.strip();
    }

    /** Narrowed by state, deadline and order only: no search, every stage. */
    public InboxQuery(Set<DossierState> statuses, DeadlineState deadlineState, Sort sort) {
        this(statuses, deadlineState, sort, "", false);
    }

    /** Today's inbox: everything, most urgent first. */
    public static InboxQuery all() {
        return new InboxQuery(Set.of(), null, Sort.DUE_AT_ASC);
    }

    public enum Sort {
        DUE_AT_ASC(ListOrder.ascending(Column.DUE_AT)),
        DUE_AT_DESC(ListOrder.descending(Column.DUE_AT)),
        RECEIVED_AT_ASC(ListOrder.ascending(Column.RECEIVED_AT)),
        RECEIVED_AT_DESC(ListOrder.descending(Column.RECEIVED_AT));

        private final ListOrder order;

        Sort(ListOrder order) {
            this.order = order;
        }

        public ListOrder order() {
            return order;
        }
    }

    /** The shape a page token is bound to: the same sort and filters continue it, any other refuses it. */
    String listName() {
        // the search text is hashed, not copied: a page token carries no applicant's name or id
        return "inbox;" + sort + ";" + ListNames.states(statuses) + ";" + (deadlineState == null ? "" : deadlineState)
                + (search.isEmpty() ? "" : ";q" + Integer.toHexString(search.hashCode()))
                + (awaitingApproval ? ";approval" : "");
    }
}
