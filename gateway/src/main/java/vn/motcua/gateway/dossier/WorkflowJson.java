package vn.motcua.gateway.dossier;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.GetTimelineResponse;
import vn.motcua.proto.dossier.v1.InboxItem;
import vn.motcua.proto.dossier.v1.TimelineEntry;

/** JSON shapes of the dossier workflow routes (DossierWorkflowService); instants are ISO-8601 UTC. */
final class WorkflowJson {

    private WorkflowJson() {}

    /** GET /api/v1/dossiers/{code}/timeline: the dossier and its history, oldest first. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Timeline(DossierJson dossier, List<Entry> entries) {

        static Timeline from(GetTimelineResponse r) {
            return new Timeline(
                    DossierJson.from(r.getDossier()),
                    r.getEntriesList().stream().map(Entry::from).toList());
        }
    }

    /**
     * One event: fromStatus/toStatus without DOSSIER_STATUS_ (null where there was none, e.g. on creation); actorName
     * is the person's name as their token carried it (null on older lines), actorRoles their realm roles then.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Entry(
            @Nullable String at,
            String event,
            String label,
            @Nullable String fromStatus,
            @Nullable String toStatus,
            @Nullable String actorUsername,
            @Nullable String actorUnitCode,
            @Nullable String reason,
            @Nullable String actorName,
            List<String> actorRoles) {

        static Entry from(TimelineEntry e) {
            return new Entry(
                    ProtoValues.instant(e.hasAt(), e.getAt()),
                    e.getEvent(),
                    e.getLabel(),
                    ProtoValues.enumName(e.getFromStatus(), "DOSSIER_STATUS_"),
                    ProtoValues.enumName(e.getToStatus(), "DOSSIER_STATUS_"),
                    ProtoValues.text(e.getActorUsername()),
                    ProtoValues.text(e.getActorUnitCode()),
                    ProtoValues.text(e.getReason()),
                    ProtoValues.text(e.getActorName()),
                    List.copyOf(e.getActorRolesList()));
        }
    }

    /** GET /api/v1/inbox: deadlineState is IN_TIME, NEAR_DUE or OVERDUE; totalSize counts every page. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record InboxPage(
            List<InboxEntry> items, @Nullable String nextPageToken, long totalSize) {

        static InboxPage from(List<InboxItem> items, String nextPageToken, long totalSize) {
            return new InboxPage(
                    items.stream().map(InboxEntry::from).toList(), ProtoValues.text(nextPageToken), totalSize);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record InboxEntry(DossierJson dossier, @Nullable String deadlineState) {

        static InboxEntry from(InboxItem item) {
            return new InboxEntry(
                    DossierJson.from(item.getDossier()),
                    ProtoValues.enumName(item.getDeadlineState(), "DEADLINE_STATE_"));
        }
    }

    /** GET /api/v1/citizen/dossiers. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DossierPage(
            List<DossierJson> dossiers, @Nullable String nextPageToken) {

        static DossierPage from(List<Dossier> dossiers, String nextPageToken) {
            return new DossierPage(dossiers.stream().map(DossierJson::from).toList(), ProtoValues.text(nextPageToken));
        }
    }

    /** POST /api/v1/dossiers/{code}:rate. */
    @Serdeable
    public record Rated(String code) {}
}
