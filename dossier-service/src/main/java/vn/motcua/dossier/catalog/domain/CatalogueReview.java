package vn.motcua.dossier.catalog.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.motcua.dossier.calendar.WorkCalendar;

/**
 * The TTHC controller's review of the catalogue as of a date (Decision 766 group 1, domain.md 8.2 and 14):
 * <ul>
 *   <li>IN_EFFECT_NOT_PUBLISHED: the newest draft of a procedure is in effect (effective_on ≤ as of) and no
 *       version at least as new was ever published. Older drafts left behind by a later publication are not
 *       reported, nor is a procedure whose newest released version was withdrawn on purpose.</li>
 *   <li>PUBLISHED_LATE (indicator 1.1): a released version whose decision date is later than the effective date
 *       minus {@value #LEAD_WORKING_DAYS} working days of the given calendar (the province's, since the provincial
 *       Chairman publishes).</li>
 *   <li>MISSING_COMPONENTS (indicator 1.3): the current published version, or the pending draft that will replace
 *       it, lists no dossier components.</li>
 * </ul>
 * Pure: the caller loads the versions and the calendar.
 */
public final class CatalogueReview {

    /** Decree 63/2010 Art 15 for provinces (ministries: 20), as Decision 766 indicator 1.1 counts it. */
    public static final int LEAD_WORKING_DAYS = 5;

    private CatalogueReview() {}

    public static List<ReviewItem> review(List<ProcedureVersion> versions, LocalDate asOf, WorkCalendar calendar) {
        Map<String, List<ProcedureVersion>> byCode = new TreeMap<>();
        versions.forEach(
                v -> byCode.computeIfAbsent(v.code(), c -> new ArrayList<>()).add(v));
        List<ReviewItem> items = new ArrayList<>();
        for (List<ProcedureVersion> history : byCode.values()) {
            history.sort(Comparator.comparingInt(ProcedureVersion::version));
            Optional<ProcedureVersion> released = history.stream()
                    .filter(v -> v.state() != PublicationState.DRAFT)
                    .reduce((a, b) -> b);
            int releasedVersion = released.map(ProcedureVersion::version).orElse(0);
            Optional<ProcedureVersion> pendingDraft = history.stream()
                    .filter(v -> v.state() == PublicationState.DRAFT && v.version() > releasedVersion)
                    .reduce((a, b) -> b);
            pendingDraft
                    .filter(d -> !d.effectiveOn().isAfter(asOf))
                    .ifPresent(d -> items.add(item(
                            d,
                            ReviewIssue.IN_EFFECT_NOT_PUBLISHED,
                            "in effect since " + d.effectiveOn() + ", "
                                    + released.map(r -> "current published version is " + r.version()
                                                    + (r.state() == PublicationState.WITHDRAWN ? " (withdrawn)" : ""))
                                            .orElse("never published"))));
            for (ProcedureVersion v : history) {
                if (v.publishedOn() != null && v.effectiveOn() != null) {
                    LocalDate dueBy = latestTimelyPublication(v.effectiveOn(), calendar);
                    if (v.publishedOn().isAfter(dueBy)) {
                        items.add(item(
                                v,
                                ReviewIssue.PUBLISHED_LATE,
                                "decision of " + v.publishedOn()
                                        + " is later than " + dueBy + ", " + LEAD_WORKING_DAYS
                                        + " working days before the effective date " + v.effectiveOn()));
                    }
                }
            }
            released.filter(r -> r.state() == PublicationState.PUBLISHED)
                    .filter(r -> r.procedure().components().isEmpty())
                    .ifPresent(r -> items.add(
                            item(r, ReviewIssue.MISSING_COMPONENTS, "published version lists no dossier components")));
            pendingDraft
                    .filter(d -> d.procedure().components().isEmpty())
                    .ifPresent(d ->
                            items.add(item(d, ReviewIssue.MISSING_COMPONENTS, "draft lists no dossier components")));
        }
        return items;
    }

    /** The last date a decision may carry: {@value #LEAD_WORKING_DAYS} working days before the effective date. */
    public static LocalDate latestTimelyPublication(LocalDate effectiveOn, WorkCalendar calendar) {
        LocalDate day = effectiveOn;
        int counted = 0;
        // bounded: even a year of days off cannot hide five working days from this walk for long
        for (int guard = 0; counted < LEAD_WORKING_DAYS && guard < 3660; guard++) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private static ReviewItem item(ProcedureVersion v, ReviewIssue issue, String detail) {
        return new ReviewItem(v.code(), v.version(), v.procedure().name(), issue, detail);
    }
}
