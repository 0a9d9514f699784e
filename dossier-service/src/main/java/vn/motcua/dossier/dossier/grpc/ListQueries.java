package vn.motcua.dossier.dossier.grpc;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.service.InboxQuery;
import vn.motcua.dossier.dossier.service.MyDossiersQuery;
import vn.motcua.platform.error.DomainException;
import vn.motcua.proto.dossier.v1.DossierStatus;
import vn.motcua.proto.dossier.v1.ListInboxRequest;
import vn.motcua.proto.dossier.v1.ListMyDossiersRequest;

/**
 * The sort and filters of the dossier lists, read from their requests. A value this build does not know (a newer
 * client's enum number) or an explicit UNSPECIFIED status is refused, never read as "no filter".
 */
final class ListQueries {

    private static final String STATUS_PREFIX = "DOSSIER_STATUS_";

    private ListQueries() {}

    static InboxQuery inbox(ListInboxRequest r) {
        InboxQuery.Sort sort = switch (r.getSort()) {
            case INBOX_SORT_UNSPECIFIED, INBOX_SORT_DUE_AT_ASC -> InboxQuery.Sort.DUE_AT_ASC;
            case INBOX_SORT_DUE_AT_DESC -> InboxQuery.Sort.DUE_AT_DESC;
            case INBOX_SORT_RECEIVED_AT_ASC -> InboxQuery.Sort.RECEIVED_AT_ASC;
            case INBOX_SORT_RECEIVED_AT_DESC -> InboxQuery.Sort.RECEIVED_AT_DESC;
            default -> throw DomainException.invalid("sort", "is not an inbox sort");
        };
        DeadlineState deadline = switch (r.getDeadlineState()) {
            case DEADLINE_STATE_UNSPECIFIED -> null;
            case DEADLINE_STATE_IN_TIME -> DeadlineState.IN_TIME;
            case DEADLINE_STATE_NEAR_DUE -> DeadlineState.NEAR_DUE;
            case DEADLINE_STATE_OVERDUE -> DeadlineState.OVERDUE;
            default -> throw DomainException.invalid("deadline_state", "is not a deadline state");
        };
        String search = r.getSearch().strip();
        if (search.length() > InboxQuery.SEARCH_MAX) {
            throw DomainException.invalid("search", "at most " + InboxQuery.SEARCH_MAX + " characters");
        }
        return new InboxQuery(states(r.getStatusesList()), deadline, sort, search, r.getAwaitingApproval());
    }

    static MyDossiersQuery mine(ListMyDossiersRequest r) {
        MyDossiersQuery.Sort sort = switch (r.getSort()) {
            case MY_DOSSIERS_SORT_UNSPECIFIED -> MyDossiersQuery.Sort.CREATED_AT_DESC;
            case MY_DOSSIERS_SORT_RECEIVED_AT_DESC -> MyDossiersQuery.Sort.RECEIVED_AT_DESC;
            case MY_DOSSIERS_SORT_RECEIVED_AT_ASC -> MyDossiersQuery.Sort.RECEIVED_AT_ASC;
            default -> throw DomainException.invalid("sort", "is not a sort of this list");
        };
        return new MyDossiersQuery(states(r.getStatusesList()), sort);
    }

    private static Set<DossierState> states(List<DossierStatus> statuses) {
        Set<DossierState> states = EnumSet.noneOf(DossierState.class);
        for (DossierStatus status : statuses) {
            if (status == DossierStatus.DOSSIER_STATUS_UNSPECIFIED || status == DossierStatus.UNRECOGNIZED) {
                throw DomainException.invalid("statuses", "holds a value that is not a dossier status");
            }
            states.add(DossierState.valueOf(status.name().substring(STATUS_PREFIX.length())));
        }
        return states;
    }
}
