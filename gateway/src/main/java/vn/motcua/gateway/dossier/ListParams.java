package vn.motcua.gateway.dossier;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.dossier.v1.DeadlineState;
import vn.motcua.proto.dossier.v1.DossierStatus;
import vn.motcua.proto.dossier.v1.InboxSort;
import vn.motcua.proto.dossier.v1.MyDossiersSort;

/**
 * The sort and filter query parameters of the dossier lists: the names clients see (status names as in the dossier
 * JSON, sort fields with '-' for descending) to the request's enums. Names are exact (upper case for statuses and
 * deadline states), so a typo is a 400 rather than a silently different list.
 */
final class ListParams {

    private static final String STATUS_PREFIX = "DOSSIER_STATUS_";
    private static final Map<String, DossierStatus> STATUSES = Arrays.stream(DossierStatus.values())
            .filter(s -> s != DossierStatus.DOSSIER_STATUS_UNSPECIFIED && s != DossierStatus.UNRECOGNIZED)
            .collect(Collectors.toMap(
                    s -> s.name().substring(STATUS_PREFIX.length()), s -> s, (a, b) -> a, LinkedHashMap::new));
    private static final Map<String, DeadlineState> DEADLINE_STATES = Map.of(
            "IN_TIME", DeadlineState.DEADLINE_STATE_IN_TIME,
            "NEAR_DUE", DeadlineState.DEADLINE_STATE_NEAR_DUE,
            "OVERDUE", DeadlineState.DEADLINE_STATE_OVERDUE);
    private static final Map<String, InboxSort> INBOX_SORTS = Map.of(
            "dueAt", InboxSort.INBOX_SORT_DUE_AT_ASC,
            "-dueAt", InboxSort.INBOX_SORT_DUE_AT_DESC,
            "receivedAt", InboxSort.INBOX_SORT_RECEIVED_AT_ASC,
            "-receivedAt", InboxSort.INBOX_SORT_RECEIVED_AT_DESC);
    private static final Map<String, MyDossiersSort> MY_SORTS = Map.of(
            "-receivedAt", MyDossiersSort.MY_DOSSIERS_SORT_RECEIVED_AT_DESC,
            "receivedAt", MyDossiersSort.MY_DOSSIERS_SORT_RECEIVED_AT_ASC);

    private ListParams() {}

    /** Comma-separated status names; absent or empty: no filter. Repeating a name is harmless. */
    static List<DossierStatus> statuses(Violations violations, String field, @Nullable String value) {
        List<DossierStatus> statuses = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            return statuses;
        }
        for (String name : value.split(",", -1)) {
            DossierStatus status = STATUSES.get(name.trim());
            if (status == null) {
                violations.add(field, "must be a comma-separated list of " + String.join(", ", STATUSES.keySet()));
                return List.of();
            }
            statuses.add(status);
        }
        return statuses;
    }

    /** A deadline state name; absent: any. */
    static DeadlineState deadlineState(Violations violations, String field, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            return DeadlineState.DEADLINE_STATE_UNSPECIFIED;
        }
        DeadlineState state = DEADLINE_STATES.get(value);
        if (state == null) {
            violations.add(field, "must be one of IN_TIME, NEAR_DUE, OVERDUE");
            return DeadlineState.DEADLINE_STATE_UNSPECIFIED;
        }
        return state;
    }

    /** dueAt (the default), -dueAt, receivedAt or -receivedAt. */
    static InboxSort inboxSort(Violations violations, String field, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            return InboxSort.INBOX_SORT_UNSPECIFIED;
        }
        InboxSort sort = INBOX_SORTS.get(value);
        if (sort == null) {
            violations.add(field, "must be one of dueAt, -dueAt, receivedAt, -receivedAt");
            return InboxSort.INBOX_SORT_UNSPECIFIED;
        }
        return sort;
    }

    /** -receivedAt or receivedAt; absent: newest submitted first. */
    static MyDossiersSort mySort(Violations violations, String field, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            return MyDossiersSort.MY_DOSSIERS_SORT_UNSPECIFIED;
        }
        MyDossiersSort sort = MY_SORTS.get(value);
        if (sort == null) {
            violations.add(field, "must be one of -receivedAt, receivedAt");
            return MyDossiersSort.MY_DOSSIERS_SORT_UNSPECIFIED;
        }
        return sort;
    }
}
