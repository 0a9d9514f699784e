package vn.motcua.report.reminder.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reminder planner on the seed's deadline: 16:00 on 23/10/2026 in Hanoi = 09:00 UTC. */
class ReminderPlannerTest {

    private static final Instant DEADLINE = Instant.parse("2026-10-23T09:00:00Z");
    private static final Instant CREATED = Instant.parse("2026-10-20T02:00:00Z");
    private static final ReminderPolicy POLICY =
            new ReminderPolicy(List.of(Duration.ofHours(2), Duration.ofDays(1)), true);

    private static OpenAssignment commune(boolean done) {
        return new OpenAssignment("T1", "Rà soát TTHC phi địa giới", "11077", "Xã Tây Kỳ", CREATED, DEADLINE, done);
    }

    private static List<PlannedNotification> plan(Instant now, Set<String> given, OpenAssignment... assignments) {
        return ReminderPlanner.plan(List.of(assignments), List.of(), POLICY, now, given);
    }

    /** Runs the planner like the sweep does, keeping what it gave, at each instant in turn. */
    private static List<String> timeline(OpenAssignment a, String... instants) {
        Set<String> given = new HashSet<>();
        List<String> all = new java.util.ArrayList<>();
        for (String at : instants) {
            for (PlannedNotification n : plan(Instant.parse(at), given, a)) {
                given.add(n.dedupKey());
                all.add(at + " " + n.kind() + " " + n.audience() + " " + n.dedupKey());
            }
        }
        return all;
    }

    @Test
    void anAssignmentIsAnnouncedOnceThenRemindedOncePerOffsetThenItsLeaderOnceAfterTheDeadline() {
        assertThat(timeline(
                        commune(false),
                        "2026-10-20T02:00:05Z", // just assigned
                        "2026-10-21T09:00:00Z", // nothing due
                        "2026-10-22T09:00:00Z", // exactly one day before
                        "2026-10-22T12:00:00Z", // still in the day, already reminded
                        "2026-10-23T07:00:01Z", // two hours before
                        "2026-10-23T09:00:00Z", // the deadline itself is still on time
                        "2026-10-23T09:00:01Z", // past it
                        "2026-10-24T09:00:00Z"))
                .containsExactly(
                        "2026-10-20T02:00:05Z ASSIGNED ASSIGNEE ASSIGNED/T1/11077",
                        "2026-10-22T09:00:00Z DUE_SOON ASSIGNEE DUE_SOON/T1/11077/PT24H",
                        "2026-10-23T07:00:01Z DUE_SOON ASSIGNEE DUE_SOON/T1/11077/PT2H",
                        "2026-10-23T09:00:01Z OVERDUE LEADER OVERDUE/T1/11077");
    }

    @Test
    void nothingAtAllForAnAssignmentAlreadyDone() {
        assertThat(plan(Instant.parse("2026-10-23T08:00:00Z"), Set.of(), commune(true)))
                .isEmpty();
        assertThat(plan(Instant.parse("2026-10-25T08:00:00Z"), Set.of(), commune(true)))
                .isEmpty();
    }

    @Test
    void afterAGapOnlyTheNearestPassedThresholdIsSent() {
        Set<String> given = Set.of(ReminderPlanner.assignedKey("T1", "11077"));
        assertThat(plan(Instant.parse("2026-10-23T08:00:00Z"), given, commune(false)))
                .extracting(PlannedNotification::dedupKey)
                .containsExactly("DUE_SOON/T1/11077/PT2H");
    }

    @Test
    void aThresholdAlreadyPassedWhenTheTaskWasCreatedIsSkipped() {
        OpenAssignment late = new OpenAssignment(
                "T2", "Báo cáo gấp", "11080", "Xã Đại Sơn", Instant.parse("2026-10-22T20:00:00Z"), DEADLINE, false);
        assertThat(timeline(late, "2026-10-22T20:00:01Z", "2026-10-23T00:00:00Z", "2026-10-23T07:30:00Z"))
                .containsExactly(
                        "2026-10-22T20:00:01Z ASSIGNED ASSIGNEE ASSIGNED/T2/11080",
                        "2026-10-23T07:30:00Z DUE_SOON ASSIGNEE DUE_SOON/T2/11080/PT2H");
    }

    @Test
    void withoutOverdueToLeaderTheOfficersAreToldInstead() {
        List<PlannedNotification> due = ReminderPlanner.plan(
                List.of(commune(false)),
                List.of(),
                new ReminderPolicy(List.of(Duration.ofDays(1)), false),
                Instant.parse("2026-10-24T00:00:00Z"),
                Set.of(ReminderPlanner.assignedKey("T1", "11077")));
        assertThat(due)
                .extracting(PlannedNotification::kind, PlannedNotification::audience)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NotificationKind.OVERDUE, Audience.ASSIGNEE));
    }

    @Test
    void aReturnedReportIsToldOnceToItsUnitEvenThoughTheAssignmentIsDone() {
        ReturnedReport returned =
                new ReturnedReport("R1", "T1", "Rà soát TTHC phi địa giới", "11077", 1, "Thiếu cột số hồ sơ");
        List<PlannedNotification> first = ReminderPlanner.plan(
                List.of(commune(true)), List.of(returned), POLICY, Instant.parse("2026-10-23T10:00:00Z"), Set.of());
        assertThat(first).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.RETURNED);
            assertThat(n.audience()).isEqualTo(Audience.ASSIGNEE);
            assertThat(n.dedupKey()).isEqualTo("RETURNED/R1");
            assertThat(n.message()).contains("phiên bản 1").contains("Thiếu cột số hồ sơ");
        });
        assertThat(ReminderPlanner.plan(
                        List.of(),
                        List.of(returned),
                        POLICY,
                        Instant.parse("2026-10-23T10:01:00Z"),
                        Set.of("RETURNED/R1")))
                .isEmpty();
    }

    @Test
    void messagesAreVietnameseWithTheLocalDeadline() {
        assertThat(ReminderTexts.dueSoon("Rà soát TTHC", DEADLINE, Duration.ofDays(1)))
                .isEqualTo("Nhắc việc: nhiệm vụ \"Rà soát TTHC\" đến hạn lúc 16:00 ngày 23/10/2026 (còn khoảng 1 ngày),"
                        + " đơn vị chưa hoàn thành.");
        assertThat(ReminderTexts.overdue("Rà soát TTHC", DEADLINE, "Xã Tây Kỳ"))
                .startsWith("Nhiệm vụ \"Rà soát TTHC\" đã quá hạn 16:00 ngày 23/10/2026 mà Xã Tây Kỳ chưa hoàn thành.");
        assertThat(ReminderTexts.subject(NotificationKind.DUE_SOON, "Rà soát TTHC"))
                .isEqualTo("[MotCua] Nhắc việc: Rà soát TTHC");
        assertThat(ReminderTexts.offset(Duration.ofMinutes(90))).isEqualTo("1 giờ 30 phút");
        assertThat(ReminderTexts.assigned("x".repeat(2500), DEADLINE)).hasSize(2000);
    }

    @Test
    void offsetsMustBePositive() {
        assertThatThrownBy(() -> new ReminderPolicy(List.of(Duration.ZERO), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReminderPolicy(List.of(Duration.ofHours(-2)), true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReminderPolicy(List.of(Duration.ofHours(2), Duration.ofDays(1), Duration.ofHours(2)), true)
                        .before())
                .containsExactly(Duration.ofDays(1), Duration.ofHours(2));
    }
}
