package vn.motcua.dossier.dossier.service;

import java.util.EnumSet;
import java.util.Set;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.repository.ListOrder;
import vn.motcua.dossier.dossier.repository.ListOrder.Column;

/** How a citizen shaped the list of their own dossiers: only these states (empty: all), in this order. */
public record MyDossiersQuery(Set<DossierState> statuses, Sort sort) {

    public MyDossiersQuery {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** Today's list: all of them, newest submitted first. */
    public static MyDossiersQuery all() {
        return new MyDossiersQuery(Set.of(), Sort.CREATED_AT_DESC);
    }

    public enum Sort {
        /**
         * Submission (creation) time: every dossier has one, while an online dossier has no reception time until the
         * desk accepts it; the list's order before sorting was offered.
         */
        CREATED_AT_DESC(ListOrder.descending(Column.CREATED_AT)),
        RECEIVED_AT_DESC(ListOrder.descending(Column.RECEIVED_AT)),
        RECEIVED_AT_ASC(ListOrder.ascending(Column.RECEIVED_AT));

        private final ListOrder order;

        Sort(ListOrder order) {
            this.order = order;
        }

        public ListOrder order() {
            return order;
        }
    }

    /** The shape a page token is bound to. */
    String listName() {
        return "mine;" + sort + ";" + ListNames.states(statuses);
    }
}
