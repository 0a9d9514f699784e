package vn.motcua.dossier.dossier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The builders refuse a dossier or facts without what every stored row and every decision needs. */
class DossierBuildersTest {

    private static final Instant T0 = Instant.parse("2026-03-09T01:00:00Z");

    private static Dossier.Builder complete() {
        return Dossier.builder()
                .regime(vn.motcua.dossier.dossier.domain.LegalRegime.REGIME_2025)
                .code("000.02.24.H30-260309-0001")
                .procedure("1.000894", 2, "Đăng ký kết hôn")
                .receivingUnitCode("R")
                .competentUnitCode("C")
                .handlingUnitCode("R")
                .state(DossierState.RECEIVED)
                .channel(Channel.COUNTER)
                .applicant(new Applicant("A", "030090001234", null, null, null));
    }

    @Test
    void aDossierNeedsCodeProcedureUnitsStateChannelAndApplicant() {
        List<UnaryOperator<Dossier.Builder>> removals = List.of(
                b -> b.code(null),
                b -> b.procedure(null, 1, "x"),
                b -> b.receivingUnitCode(null),
                b -> b.competentUnitCode(null),
                b -> b.state(null),
                b -> b.channel(null),
                b -> b.applicant(null));
        List<String> names = List.of(
                "code", "procedureCode", "receivingUnitCode", "competentUnitCode", "state", "channel", "applicant");
        for (int i = 0; i < removals.size(); i++) {
            Dossier.Builder missing = removals.get(i).apply(complete());
            assertThatThrownBy(missing::build)
                    .as(names.get(i))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage(names.get(i));
        }
    }

    @Test
    void aDossierNotYetAcceptedHasNoTimesAndStartsAtRevisionZero() {
        Dossier d = complete().state(DossierState.SUBMITTED).build();
        assertThat(d.receivedAt()).isNull();
        assertThat(d.dueAt()).isNull();
        assertThat(d.finishedAt()).isNull();
        assertThat(d.extensionUsed()).isFalse();
        assertThat(d.revision()).isZero();
    }

    @Test
    void toBuilderCopiesEveryFact() {
        Dossier d = complete()
                .note("n")
                .receivedAt(T0)
                .originalDueAt(T0.plusSeconds(1))
                .dueAt(T0.plusSeconds(2))
                .finishedAt(T0.plusSeconds(3))
                .extensionUsed(true)
                .revision(7)
                .build();
        assertThat(d.toBuilder().build()).isEqualTo(d);
    }

    @Test
    void factsNeedARegimeAndAnswerNoToEveryCalendarQuestionUnlessTold() {
        assertThatThrownBy(() -> DossierFacts.builder().receivingUnitCode("R").build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("regime");
        DossierFacts facts =
                DossierFacts.builder().regime(LegalRegime.REGIME_2018).build();
        assertThat(facts.extensionUsed()).isFalse();
        assertThat(facts.resultIssued()).isFalse();
        assertThat(facts.withinSupplementWindow()).isFalse();
        assertThat(facts.atLeastOneWorkingDayBeforeDue()).isFalse();
        assertThat(DossierFacts.builder()
                        .regime(LegalRegime.REGIME_2025)
                        .withinSupplementWindow(true)
                        .atLeastOneWorkingDayBeforeDue(true)
                        .build())
                .isEqualTo(new DossierFacts(
                        null, null, null, null, LegalRegime.REGIME_2025, null, null, false, false, true, true));
    }
}
