package vn.motcua.report.ii06a.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class II06aInvariantsTest {

    private static final II06aCounts SOUND = Rows.row(5, 7, 4, 2, 4, 3, 2);

    @Test
    void aSoundRowPasses() {
        assertThat(II06aInvariants.violations(SOUND)).isEmpty();
        assertThatCode(() -> II06aInvariants.check("11077", SOUND)).doesNotThrowAnyException();
    }

    static Stream<Arguments> brokenRows() {
        II06aCounts s = SOUND;
        return Stream.of(
                Arguments.of(
                        "(3) != (4) + (5) + (6)",
                        new II06aCounts(
                                s.total() + 1,
                                s.receivedOnline(),
                                s.receivedDirectOrPostal(),
                                s.carriedOver(),
                                s.resolved(),
                                s.resolvedEarly(),
                                s.resolvedOnTime(),
                                s.resolvedLate(),
                                s.inProgress() + 1,
                                s.inProgressWithinDue() + 1,
                                s.inProgressOverdue(),
                                0,
                                0,
                                0,
                                s.resolvedLate(),
                                0,
                                0)),
                Arguments.of(
                        "(3) != (7) + (11)",
                        new II06aCounts(
                                s.total(),
                                s.receivedOnline(),
                                s.receivedDirectOrPostal(),
                                s.carriedOver(),
                                s.resolved(),
                                s.resolvedEarly(),
                                s.resolvedOnTime(),
                                s.resolvedLate(),
                                s.inProgress() - 1,
                                s.inProgressWithinDue() - 1,
                                s.inProgressOverdue(),
                                0,
                                0,
                                0,
                                s.resolvedLate(),
                                0,
                                0)),
                Arguments.of(
                        "(7) != (8) + (9) + (10)",
                        new II06aCounts(
                                s.total(),
                                s.receivedOnline(),
                                s.receivedDirectOrPostal(),
                                s.carriedOver(),
                                s.resolved(),
                                s.resolvedEarly() + 1,
                                s.resolvedOnTime(),
                                s.resolvedLate(),
                                s.inProgress(),
                                s.inProgressWithinDue(),
                                s.inProgressOverdue(),
                                0,
                                0,
                                0,
                                s.resolvedLate(),
                                0,
                                0)),
                Arguments.of(
                        "(11) != (12) + (13)",
                        new II06aCounts(
                                s.total(),
                                s.receivedOnline(),
                                s.receivedDirectOrPostal(),
                                s.carriedOver(),
                                s.resolved(),
                                s.resolvedEarly(),
                                s.resolvedOnTime(),
                                s.resolvedLate(),
                                s.inProgress(),
                                s.inProgressWithinDue(),
                                s.inProgressOverdue() + 1,
                                0,
                                0,
                                0,
                                s.resolvedLate(),
                                0,
                                0)),
                Arguments.of(
                        "in_progress_within_due is negative",
                        new II06aCounts(
                                s.total(),
                                s.receivedOnline(),
                                s.receivedDirectOrPostal(),
                                s.carriedOver(),
                                s.resolved(),
                                s.resolvedEarly(),
                                s.resolvedOnTime(),
                                s.resolvedLate(),
                                s.inProgress(),
                                -1,
                                s.inProgress() + 1,
                                0,
                                0,
                                0,
                                s.resolvedLate(),
                                0,
                                0)),
                Arguments.of(
                        "(10) != late with apology + late without apology",
                        new II06aCounts(
                                s.total(),
                                s.receivedOnline(),
                                s.receivedDirectOrPostal(),
                                s.carriedOver(),
                                s.resolved(),
                                s.resolvedEarly(),
                                s.resolvedOnTime(),
                                s.resolvedLate(),
                                s.inProgress(),
                                s.inProgressWithinDue(),
                                s.inProgressOverdue(),
                                0,
                                0,
                                1,
                                s.resolvedLate(),
                                0,
                                0)),
                Arguments.of(
                        "received_postal > (5)",
                        new II06aCounts(
                                s.total(),
                                s.receivedOnline(),
                                s.receivedDirectOrPostal(),
                                s.carriedOver(),
                                s.resolved(),
                                s.resolvedEarly(),
                                s.resolvedOnTime(),
                                s.resolvedLate(),
                                s.inProgress(),
                                s.inProgressWithinDue(),
                                s.inProgressOverdue(),
                                s.receivedDirectOrPostal() + 1,
                                0,
                                0,
                                s.resolvedLate(),
                                0,
                                0)),
                Arguments.of(
                        "withdrawn + refused > (7)",
                        new II06aCounts(
                                s.total(),
                                s.receivedOnline(),
                                s.receivedDirectOrPostal(),
                                s.carriedOver(),
                                s.resolved(),
                                s.resolvedEarly(),
                                s.resolvedOnTime(),
                                s.resolvedLate(),
                                s.inProgress(),
                                s.inProgressWithinDue(),
                                s.inProgressOverdue(),
                                0,
                                0,
                                0,
                                s.resolvedLate(),
                                s.resolved(),
                                1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRows")
    void aBrokenIdentityFailsNamingTheRowTheIdentityAndTheFigures(String identity, II06aCounts broken) {
        assertThat(II06aInvariants.violations(broken)).contains(identity);
        assertThatThrownBy(() -> II06aInvariants.check("11077", broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row 11077")
                .hasMessageContaining(identity)
                .hasMessageContaining("total=" + broken.total());
    }

    @Test
    void carriedOverMustEqualTheInProgressOfTheWindowBefore() {
        II06aCounts before = Rows.row(1, 1, 2, 0, 0, 0, 0); // 4 still open at its end
        II06aCounts period = Rows.row(0, 1, 4, 1, 0, 0, 0);
        assertThatCode(() -> II06aInvariants.checkContinuity("298", before, period))
                .doesNotThrowAnyException();

        II06aCounts drifted = Rows.row(0, 1, 3, 1, 0, 0, 0);
        assertThatThrownBy(() -> II06aInvariants.checkContinuity("298", before, drifted))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row 298")
                .hasMessageContaining("(6) carried_over 3 != (11) in_progress 4");
    }
}
