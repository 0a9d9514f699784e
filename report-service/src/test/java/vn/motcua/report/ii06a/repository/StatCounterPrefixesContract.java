package vn.motcua.report.ii06a.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.report.ii06a.StatSeed;
import vn.motcua.report.ii06a.domain.StatCounters;
import vn.motcua.report.ii06a.repository.StatCounterRepository.Cell;
import vn.motcua.report.submission.domain.DiffEntry;
import vn.motcua.report.submission.domain.ReportKind;
import vn.motcua.report.submission.repository.SourceRecord;
import vn.motcua.report.submission.repository.SubmissionRecord;
import vn.motcua.report.submission.repository.SubmissionRepository;

/**
 * The prefix sums read from stat_month + stat_day equal a brute-force sum of every counter contribution before the
 * point, for random dossiers and points on and off month starts; and the submission repository's statements round
 * trip. Run on MariaDB and on H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StatCounterPrefixesContract implements TestPropertyProvider {

    private static final List<String> UNITS = List.of("U1", "U2", "U3");
    private static final List<String> FIELDS = List.of("", "Hộ tịch", "Đất đai");

    @Inject
    ApplicationContext context;

    @Inject
    StatCounterRepository counters;

    @Inject
    SubmissionRepository submissions;

    private StatSeed seed;

    protected abstract StatSeed seed();

    protected abstract void dropDatabase();

    /** The database product the subclass means to run on, as JDBC names it. */
    protected abstract String expectedProduct();

    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> tx;

    @Test
    void runsOnTheDatabaseItIsMeantFor() {
        String product = tx.executeRead(status -> {
            try {
                return status.getConnection().getMetaData().getDatabaseProductName();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(product).containsIgnoringCase(expectedProduct());
    }

    @BeforeAll
    void seedRandomDossiers() {
        seed = seed();
        seed.unit("U1", "U1", 3, null).unit("U2", "U2", 3, null).unit("U3", "U3", 3, null);
        Random random = new Random(20260930L);
        LocalDate base = LocalDate.of(2025, 11, 1);
        for (int i = 0; i < 150; i++) {
            StatSeed.Dossier d = seed.dossier(UNITS.get(random.nextInt(3)), FIELDS.get(random.nextInt(3)));
            LocalDate received = base.plusDays(random.nextInt(300));
            d.received(received.toString());
            switch (random.nextInt(3)) {
                case 0 -> d.online();
                case 1 -> d.postal();
                default -> {}
            }
            if (random.nextInt(4) == 0) {
                d.boundaryFree();
            }
            LocalDate due = received.plusDays(1 + random.nextInt(30));
            if (random.nextInt(5) > 0) {
                d.due(due.toString());
            }
            if (random.nextInt(3) > 0) {
                LocalDate finished = received.plusDays(random.nextInt(45));
                String timeliness = finished.isAfter(due) ? "LATE" : finished.isBefore(due) ? "EARLY" : "ON_TIME";
                d.finished(finished.toString(), timeliness);
                if (timeliness.equals("LATE") && random.nextBoolean()) {
                    d.apology();
                }
                if (random.nextInt(6) == 0) {
                    d.withdrawn();
                } else if (random.nextInt(6) == 0) {
                    d.refused();
                }
            }
            d.add();
        }
    }

    @AfterAll
    void cleanUp() {
        try {
            if (seed != null) {
                seed.close();
            }
            if (context != null) {
                context.stop();
            }
        } finally {
            dropDatabase();
        }
    }

    @Test
    void prefixesEqualTheBruteForceSumOfEveryContributionBeforeEachPoint() {
        assertPrefixesMatchBruteForce(List.of(
                LocalDate.of(2025, 12, 1), // a month start: months only
                LocalDate.of(2026, 2, 15), // mid-month: the month's first 14 days from stat_day
                LocalDate.of(2026, 3, 1), // a month start after a partial month
                LocalDate.of(2026, 3, 31), // the last day of a month
                LocalDate.of(2027, 1, 1))); // after everything
    }

    @Test
    void severalPointsInOneMonthShareItsDays() {
        assertPrefixesMatchBruteForce(
                List.of(LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 20), LocalDate.of(2026, 2, 27)));
        assertPrefixesMatchBruteForce(List.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1)));
    }

    private void assertPrefixesMatchBruteForce(List<LocalDate> points) {
        Map<Cell, StatCounters[]> read = counters.prefixesBefore(UNITS, points);

        Map<Cell, long[][]> expected = new HashMap<>();
        for (StatSeed.Contribution c : seed.contributions()) {
            long[][] cell = expected.computeIfAbsent(
                    new Cell(c.unit(), c.field()), k -> new long[points.size()][StatCounterRepository.COLUMNS.size()]);
            for (int i = 0; i < points.size(); i++) {
                if (c.day().isBefore(points.get(i))) {
                    cell[i][StatCounterRepository.COLUMNS.indexOf(c.column())] += c.amount();
                }
            }
        }
        java.util.Set<Cell> cells = new java.util.HashSet<>(expected.keySet());
        cells.addAll(read.keySet());
        assertThat(cells).hasSizeGreaterThan(3);
        for (Cell cell : cells) {
            long[][] perPoint =
                    expected.getOrDefault(cell, new long[points.size()][StatCounterRepository.COLUMNS.size()]);
            for (int i = 0; i < points.size(); i++) {
                long[] v = perPoint[i];
                StatCounters actual = read.containsKey(cell) ? read.get(cell)[i] : StatCounters.ZERO;
                assertThat(actual)
                        .as(cell + " before " + points.get(i))
                        .isEqualTo(new StatCounters(
                                v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]));
            }
        }
    }

    @Test
    void onlyTheUnitsAskedForAreRead() {
        Map<Cell, StatCounters[]> read = counters.prefixesBefore(List.of("U2"), List.of(LocalDate.of(2027, 1, 1)));
        assertThat(read).isNotEmpty();
        assertThat(read.keySet()).allMatch(c -> c.unitCode().equals("U2"));
        assertThat(counters.prefixesBefore(List.of("nobody"), List.of(LocalDate.of(2027, 1, 1))))
                .isEmpty();
    }

    @Test
    void submissionsRoundTripWithSourcesAndDiff() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 1, 31);
        Instant at = Instant.parse("2026-02-02T03:04:05.123456Z");
        SubmissionRecord child = new SubmissionRecord(
                "C1", "U2", "U2", ReportKind.II06A, from, to, 1, false, "l2", at, null, at, false, "{\"child\":1}");
        submissions.insert(child, List.of(), List.of());
        SubmissionRecord parent = new SubmissionRecord(
                "P1",
                "U1",
                "U1",
                ReportKind.II06A,
                from,
                to,
                1,
                true,
                "l1",
                at.plusSeconds(60),
                "lý do",
                at,
                true,
                "{\"parent\":1}");
        submissions.insert(
                parent,
                List.of(
                        new SourceRecord("U2", "U2", "C1", 0, null, false),
                        new SourceRecord("U3", "U3", null, 0, null, false)),
                List.of(new DiffEntry("U2", "total", 1, 2)));

        assertThat(submissions.find("P1")).contains(parent);
        assertThat(submissions.latest("U2", ReportKind.II06A, from, to)).contains(child);
        assertThat(submissions.list("U1", ReportKind.II06A, from, to))
                .extracting(SubmissionRecord::id, SubmissionRecord::figuresJson)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("P1", null));
        assertThat(submissions.latestOf(List.of("U2", "U3"), ReportKind.II06A, from, to))
                .containsOnlyKeys("U2");
        assertThat(submissions.sources("P1"))
                .containsExactly(
                        new SourceRecord("U2", "U2", "C1", 1, at, false),
                        new SourceRecord("U3", "U3", null, 0, null, false));
        assertThat(submissions.diff("P1")).containsExactly(new DiffEntry("U2", "total", 1, 2));

        SubmissionRecord duplicate = new SubmissionRecord(
                "C2", "U2", "U2", ReportKind.II06A, from, to, 1, false, "x", at, null, at, false, "{}");
        List<Throwable> failures = new ArrayList<>();
        try {
            submissions.insert(duplicate, List.of(), List.of());
        } catch (RuntimeException e) {
            failures.add(e);
        }
        assertThat(failures).hasSize(1);
        assertThat(vn.motcua.platform.idempotency.IdempotencyRepository.isDuplicateKey(failures.get(0)))
                .isTrue();
    }
}
