package vn.motcua.report.projection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A change of a dossier replaces its contribution: the net deltas are exactly the difference. */
class CounterDeltasTest {

    private static Contribution of(Facts f) {
        return Contribution.of(
                f.build(), DossierLinks.NONE, new ProcedureInfo("F", false), ProjectionSettings.DEFAULTS);
    }

    @Test
    void anUnchangedContributionChangesNothing() {
        Contribution c = of(Facts.receivedAt("2026-03-02 08:00").due("2026-03-05 17:00"));
        CounterDeltas deltas = new CounterDeltas();
        deltas.replace(c, c);
        assertThat(deltas.isEmpty()).isTrue();
    }

    @Test
    void resolvingAnOpenDossierAddsOnlyItsEnd() {
        Contribution open = of(Facts.receivedAt("2026-03-02 08:00").due("2026-03-05 17:00"));
        Contribution done =
                of(Facts.receivedAt("2026-03-02 08:00").due("2026-03-05 17:00").issued("2026-04-01 09:00"));
        CounterDeltas deltas = new CounterDeltas();
        deltas.replace(open, done);

        assertThat(deltas.dayDeltas())
                .extracting(d -> d.key().day() + " " + java.util.Arrays.toString(d.values()) + " " + d.decreased())
                .containsExactly("2026-04-01 [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1] false");
        assertThat(deltas.monthDeltas()).extracting(d -> d.key().month()).containsExactly(202604);
        assertThat(deltas.i766Deltas())
                .extracting(d -> java.util.Arrays.toString(d.values()))
                .containsExactly("[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]");
    }

    @Test
    void movingADossierToAnotherUnitSubtractsEverythingThereAndAddsItHere() {
        Contribution before = of(Facts.receivedAt("2026-03-02 08:00").unit("11077"));
        Contribution after = of(Facts.receivedAt("2026-03-02 08:00").unit("11080"));
        CounterDeltas deltas = new CounterDeltas();
        deltas.replace(before, after);

        assertThat(deltas.dayDeltas())
                .extracting(d -> d.key().unitCode() + " " + d.values()[StatCounter.RECEIVED_COUNTER.ordinal()] + " "
                        + d.decreased())
                .containsExactly("11077 -1 true", "11080 1 false");
        assertThat(deltas.dayDeltas()).allMatch(d -> d.key().day().equals(LocalDate.of(2026, 3, 2)));
    }

    @Test
    void subtractingANoneContributionIsNothing() {
        CounterDeltas deltas = new CounterDeltas();
        deltas.replace(Contribution.NONE, Contribution.NONE);
        assertThat(deltas.isEmpty()).isTrue();
    }
}
