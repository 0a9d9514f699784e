package vn.motcua.report.feed.grpc;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.proto.dossier.v1.CalendarDay;
import vn.motcua.proto.dossier.v1.CalendarDayAdded;
import vn.motcua.proto.dossier.v1.CalendarDayRemoved;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.proto.dossier.v1.ProcedurePublished;
import vn.motcua.proto.dossier.v1.ProcedureWithdrawn;
import vn.motcua.proto.dossier.v1.UnitClosed;
import vn.motcua.proto.dossier.v1.UnitCreated;
import vn.motcua.proto.dossier.v1.UnitRenamed;
import vn.motcua.proto.dossier.v1.UnitsMerged;
import vn.motcua.proto.feedback.v1.FeedbackChanged;
import vn.motcua.report.projection.domain.DossierFact;
import vn.motcua.report.projection.domain.ProjectionChange;
import vn.motcua.report.projection.service.ProjectionEngine;

/**
 * dossier-service's feed: dossiers (every dossier.* event upserts the dossier's fact, keyed by the feed's
 * aggregate_id), units, catalogue, feedback (PAKN) and the work calendar's days off and make-up workdays (for task
 * deadlines, issue 14; weekly sessions are read past: tasks count Saturday and Sunday as off). See
 * {@link ProjectingFeedHandler} for the contract.
 */
@Singleton
public class DossierFeedHandler extends ProjectingFeedHandler {

    public static final String DOSSIER_RECEIVED = "dossier.received";
    public static final String PRE_SUPPLEMENT_REQUESTED = "dossier.pre_supplement_requested";
    static final String UNIT_CREATED = "unit.created";
    static final String UNIT_RENAMED = "unit.renamed";
    static final String UNIT_CLOSED = "unit.closed";
    static final String UNIT_MERGED = "unit.merged";
    static final String PROCEDURE_PUBLISHED = "procedure.published";
    static final String PROCEDURE_WITHDRAWN = "procedure.withdrawn";
    static final String CALENDAR_DAY_ADDED = "calendar.day-added";
    static final String CALENDAR_DAY_REMOVED = "calendar.day-removed";

    /** Every lifecycle event carries the dossier's whole picture: each upserts the fact. */
    static final Set<String> DOSSIER_EVENTS = Set.of(
            "dossier.submitted",
            DOSSIER_RECEIVED,
            PRE_SUPPLEMENT_REQUESTED,
            "dossier.resubmitted",
            "dossier.rejected",
            "dossier.transferred",
            "dossier.assigned",
            "dossier.appraised",
            "dossier.consultation_requested",
            "dossier.consultation_answered",
            "dossier.forwarded_inter_agency",
            "dossier.submitted_for_approval",
            "dossier.approved",
            "dossier.supplement_requested",
            "dossier.supplement_received",
            "dossier.refused",
            "dossier.deadline_extended",
            "dossier.financial_obligation_required",
            "dossier.financial_obligation_fulfilled",
            "dossier.withdrawn",
            "dossier.stopped",
            "dossier.result_issued",
            "dossier.result_returned",
            "dossier.near_due",
            "dossier.overdue",
            "dossier.rated");

    static final Set<String> FEEDBACK_EVENTS = Set.of(
            "feedback.received",
            "feedback.classified",
            "feedback.forwarded",
            "feedback.answered",
            "feedback.published",
            "feedback.reacted");

    /** Event types decoded and applied to a projection. */
    static final Set<String> PROJECTED;

    static {
        Set<String> projected = new HashSet<>(DOSSIER_EVENTS);
        projected.addAll(FEEDBACK_EVENTS);
        projected.addAll(Set.of(
                UNIT_CREATED,
                UNIT_RENAMED,
                UNIT_CLOSED,
                UNIT_MERGED,
                PROCEDURE_PUBLISHED,
                PROCEDURE_WITHDRAWN,
                CALENDAR_DAY_ADDED,
                CALENDAR_DAY_REMOVED));
        PROJECTED = Set.copyOf(projected);
    }

    /** Declared event types no projection uses: task deadlines count Saturday and Sunday as off, whatever the sessions. */
    static final Set<String> IGNORED = Set.of("calendar.sessions-replaced");

    private static final String SUPPLEMENT = "SUPPLEMENT";

    public DossierFeedHandler(ProjectionEngine engine) {
        super(engine);
    }

    @Override
    Set<String> projected() {
        return PROJECTED;
    }

    @Override
    Set<String> ignored() {
        return IGNORED;
    }

    @Override
    ProjectionChange decode(FeedEvent event) {
        String type = event.eventType();
        if (DOSSIER_EVENTS.contains(type)) {
            return dossier(event);
        }
        if (FEEDBACK_EVENTS.contains(type)) {
            return feedback(unpack(event.payload(), FeedbackChanged.class));
        }
        return switch (type) {
            case UNIT_CREATED -> {
                UnitCreated u = unpack(event.payload(), UnitCreated.class);
                yield new ProjectionChange.UnitCreated(
                        required(u.getCode(), "code"),
                        u.getName().isBlank() ? u.getCode() : u.getName(),
                        u.getLevelValue(),
                        blankToNull(u.getParentCode()),
                        blankToNull(u.getAgencyCode()),
                        date(u.getValidFrom()));
            }
            case UNIT_RENAMED -> {
                UnitRenamed u = unpack(event.payload(), UnitRenamed.class);
                yield new ProjectionChange.UnitRenamed(required(u.getCode(), "code"), u.getName());
            }
            case UNIT_CLOSED -> {
                UnitClosed u = unpack(event.payload(), UnitClosed.class);
                yield new ProjectionChange.UnitClosed(
                        required(u.getCode(), "code"), date(u.getValidTo()), blankToNull(u.getSuccessorCode()));
            }
            case UNIT_MERGED -> {
                UnitsMerged u = unpack(event.payload(), UnitsMerged.class);
                yield new ProjectionChange.UnitsMerged(
                        required(u.getCode(), "code"), u.getSourceCodesList(), date(u.getEffectiveOn()));
            }
            case PROCEDURE_PUBLISHED -> {
                ProcedurePublished p = unpack(event.payload(), ProcedurePublished.class);
                yield new ProjectionChange.ProcedurePublished(
                        required(p.getCode(), "code"),
                        p.getVersion(),
                        p.getName(),
                        p.getField(),
                        p.getLevelValue(),
                        p.getOnlineLevelValue(),
                        p.getRequiresPaperResult());
            }
            case PROCEDURE_WITHDRAWN -> {
                ProcedureWithdrawn p = unpack(event.payload(), ProcedureWithdrawn.class);
                yield new ProjectionChange.ProcedureWithdrawn(required(p.getCode(), "code"), p.getVersion());
            }
            case CALENDAR_DAY_ADDED -> {
                CalendarDay d = unpack(event.payload(), CalendarDayAdded.class).getDay();
                String kind = name(d.getKind(), "CALENDAR_DAY_KIND_");
                if (kind == null) {
                    throw new IllegalArgumentException("calendar day " + d.getDate() + " has no kind");
                }
                yield new ProjectionChange.CalendarDayAdded(
                        d.getUnitCode().strip(), requiredDate(d.getDate()), kind, d.getName());
            }
            case CALENDAR_DAY_REMOVED -> {
                CalendarDay d =
                        unpack(event.payload(), CalendarDayRemoved.class).getDay();
                yield new ProjectionChange.CalendarDayRemoved(d.getUnitCode().strip(), requiredDate(d.getDate()));
            }
            default -> throw new IllegalArgumentException("no decoder for " + type);
        };
    }

    /**
     * The fact a dossier event describes. Closed supplement pauses make paused_seconds; every supplement pause is a
     * supplement request (those before reception leave no pause: the projection counts their events).
     *
     * @throws IllegalArgumentException without a receiving unit, or a dossier.received without received_at
     */
    static ProjectionChange.DossierUpdate dossier(FeedEvent event) {
        DossierChanged c = unpack(event.payload(), DossierChanged.class);
        required(c.getReceivingUnitCode(), "receiving_unit_code");
        boolean received = DOSSIER_RECEIVED.equals(event.eventType());
        if (received && !c.hasReceivedAt()) {
            throw new IllegalArgumentException(DOSSIER_RECEIVED + " of " + c.getCode() + " has no received_at");
        }
        long paused = 0;
        int supplements = 0;
        for (DossierChanged.Pause p : c.getPausesList()) {
            if (!SUPPLEMENT.equals(p.getKind())) {
                continue;
            }
            supplements++;
            if (p.hasStartedAt() && p.hasEndedAt()) {
                paused += Math.max(
                        0,
                        Duration.between(instant(true, p.getStartedAt()), instant(true, p.getEndedAt()))
                                .getSeconds());
            }
        }
        DossierFact.Rating rating = null;
        if (c.hasRating()) {
            DossierChanged.Rating r = c.getRating();
            rating = new DossierFact.Rating(
                    r.getTimeScore(),
                    r.getContactsScore(),
                    r.getAgenciesScore(),
                    r.getAttitudeScore(),
                    r.getSatisfied(),
                    instant(r.hasRatedAt(), r.getRatedAt()));
        }
        String competent = blankToNull(c.getCompetentUnitCode());
        DossierFact fact = new DossierFact(
                required(event.aggregateId(), "aggregate_id"),
                c.getCode().isBlank() ? event.aggregateId() : c.getCode(),
                competent == null ? c.getReceivingUnitCode() : competent,
                c.getReceivingUnitCode(),
                blankToNull(c.getHandlingUnitCode()),
                c.getUnitPathList(),
                c.getProcedureCode(),
                c.getProcedureVersion(),
                nz(name(c.getChannel(), "CHANNEL_")),
                nz(name(c.getState(), "DOSSIER_STATUS_")),
                blankToNull(c.getResultKind()),
                regime(c),
                c.getBoundaryFree(),
                c.getExtensionUsed(),
                instant(c.hasSubmittedAt(), c.getSubmittedAt()),
                instant(c.hasReceivedAt(), c.getReceivedAt()),
                instant(c.hasOriginalDueAt(), c.getOriginalDueAt()),
                instant(c.hasDueAt(), c.getDueAt()),
                instant(c.hasFinishedAt(), c.getFinishedAt()),
                paused,
                supplements,
                c.getDetailCase() == DossierChanged.DetailCase.ASSIGNEE ? blankToNull(c.getAssignee()) : null,
                rating,
                false,
                null);
        return new ProjectionChange.DossierUpdate(
                event.seq(), event.aggregateId(), fact, received, PRE_SUPPLEMENT_REQUESTED.equals(event.eventType()));
    }

    static ProjectionChange.Feedback feedback(FeedbackChanged f) {
        required(f.getId(), "id");
        if (!f.hasReceivedAt()) {
            throw new IllegalArgumentException("feedback " + f.getId() + " has no received_at");
        }
        return new ProjectionChange.Feedback(
                f.getId(),
                required(f.getUnitCode(), "unit_code"),
                f.getUnitPathList(),
                blankToNull(f.getDossierCode()),
                nz(name(f.getState(), "FEEDBACK_STATE_")),
                name(f.getClassification(), "FEEDBACK_CLASS_"),
                f.hasAboutRegulation() ? f.getAboutRegulation() : null,
                instant(true, f.getReceivedAt()),
                instant(f.hasAnsweredAt(), f.getAnsweredAt()),
                f.hasHandledInTime() ? f.getHandledInTime() : null,
                f.getDissatisfied());
    }

    /** REGIME_2018 / REGIME_2025 (domain.md section 0); null when the producer did not say. */
    private static String regime(DossierChanged c) {
        return switch (c.getLegalRegime()) {
            case LEGAL_REGIME_2018 -> "REGIME_2018";
            case LEGAL_REGIME_2025 -> "REGIME_2025";
            default -> null;
        };
    }

    private static java.time.LocalDate requiredDate(String iso) {
        return date(required(iso, "date"));
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
