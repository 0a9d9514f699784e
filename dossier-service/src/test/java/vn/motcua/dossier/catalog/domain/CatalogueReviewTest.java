package vn.motcua.dossier.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.catalog.CatalogSamples.oneComponent;
import static vn.motcua.dossier.catalog.CatalogSamples.version;
import static vn.motcua.dossier.catalog.domain.PublicationState.DRAFT;
import static vn.motcua.dossier.catalog.domain.PublicationState.PUBLISHED;
import static vn.motcua.dossier.catalog.domain.PublicationState.WITHDRAWN;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.calendar.DayOverride;
import vn.motcua.dossier.calendar.WorkCalendar;

class CatalogueReviewTest {

    /** 2026: Tết Dương lịch on Thursday 1 January; Tết Nguyên đán Monday 16 – Friday 20 February. */
    private static final WorkCalendar CALENDAR = WorkCalendar.standard(List.of(
            DayOverride.holiday(LocalDate.of(2026, 1, 1), "Tết Dương lịch"),
            DayOverride.holiday(LocalDate.of(2026, 2, 16), "Tết"),
            DayOverride.holiday(LocalDate.of(2026, 2, 17), "Tết"),
            DayOverride.holiday(LocalDate.of(2026, 2, 18), "Tết"),
            DayOverride.holiday(LocalDate.of(2026, 2, 19), "Tết"),
            DayOverride.holiday(LocalDate.of(2026, 2, 20), "Tết")));

    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 2);

    private static List<ReviewItem> review(ProcedureVersion... versions) {
        return CatalogueReview.review(List.of(versions), AS_OF, CALENDAR);
    }

    @Test
    void fiveWorkingDaysBeforeTheEffectiveDateSkipWeekendsAndHolidays() {
        // Monday 12 January 2026: Fri 9, Thu 8, Wed 7, Tue 6, Mon 5
        assertThat(CatalogueReview.latestTimelyPublication(LocalDate.of(2026, 1, 12), CALENDAR))
                .isEqualTo(LocalDate.of(2026, 1, 5));
        // Monday 23 February 2026, after the Tết week: Fri 13, Thu 12, Wed 11, Tue 10, Mon 9
        assertThat(CatalogueReview.latestTimelyPublication(LocalDate.of(2026, 2, 23), CALENDAR))
                .isEqualTo(LocalDate.of(2026, 2, 9));
        // Friday 2 January 2026: Wed 31, Tue 30, Mon 29, Fri 26, Thu 25 December 2025 (1 January is off)
        assertThat(CatalogueReview.latestTimelyPublication(LocalDate.of(2026, 1, 2), CALENDAR))
                .isEqualTo(LocalDate.of(2025, 12, 25));
    }

    @Test
    void publicationOnTheLastTimelyDayIsNotLateAndOneDayLaterIs() {
        LocalDate effective = LocalDate.of(2026, 2, 23);
        assertThat(review(version("1.000001", 1, PUBLISHED, LocalDate.of(2026, 2, 9), effective, oneComponent())))
                .isEmpty();
        assertThat(review(version("1.000001", 1, PUBLISHED, LocalDate.of(2026, 2, 10), effective, oneComponent())))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.issue()).isEqualTo(ReviewIssue.PUBLISHED_LATE);
                    assertThat(i.detail()).contains("2026-02-10", "2026-02-09", "2026-02-23");
                });
    }

    @Test
    void aDraftInEffectWithoutANewerPublicationIsReported() {
        List<ReviewItem> items = review(
                version("1.000002", 1, PUBLISHED, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1), oneComponent()),
                version("1.000002", 2, DRAFT, null, AS_OF, oneComponent()),
                version("1.000003", 1, DRAFT, null, LocalDate.of(2026, 1, 15), oneComponent()),
                // not yet in effect
                version("1.000004", 1, DRAFT, null, AS_OF.plusDays(1), oneComponent()));
        assertThat(items)
                .extracting(ReviewItem::code, ReviewItem::version, ReviewItem::issue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1.000002", 2, ReviewIssue.IN_EFFECT_NOT_PUBLISHED),
                        org.assertj.core.groups.Tuple.tuple("1.000003", 1, ReviewIssue.IN_EFFECT_NOT_PUBLISHED));
        assertThat(items.get(0).detail()).contains("current published version is 1");
        assertThat(items.get(1).detail()).contains("never published");
    }

    @Test
    void draftsLeftBehindByALaterPublicationAndWithdrawnProceduresAreNotReported() {
        assertThat(review(
                        version("1.000005", 1, DRAFT, null, LocalDate.of(2025, 1, 1), oneComponent()),
                        version(
                                "1.000005",
                                2,
                                PUBLISHED,
                                LocalDate.of(2025, 6, 1),
                                LocalDate.of(2025, 7, 1),
                                oneComponent()),
                        version(
                                "1.000006",
                                1,
                                WITHDRAWN,
                                LocalDate.of(2025, 6, 1),
                                LocalDate.of(2025, 7, 1),
                                oneComponent())))
                .isEmpty();
    }

    @Test
    void missingComponentsAreReportedForThePublishedVersionAndThePendingDraft() {
        List<ReviewItem> items = review(
                version("1.000007", 1, PUBLISHED, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1), List.of()),
                version("1.000007", 2, DRAFT, null, LocalDate.of(2026, 6, 1), List.of()),
                // superseded versions do not count
                version("1.000008", 1, PUBLISHED, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1), List.of()),
                version("1.000008", 2, PUBLISHED, LocalDate.of(2025, 8, 1), LocalDate.of(2025, 9, 1), oneComponent()));
        assertThat(items)
                .extracting(ReviewItem::code, ReviewItem::version, ReviewItem::issue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("1.000007", 1, ReviewIssue.MISSING_COMPONENTS),
                        org.assertj.core.groups.Tuple.tuple("1.000007", 2, ReviewIssue.MISSING_COMPONENTS));
    }
}
