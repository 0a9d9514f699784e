package vn.motcua.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.repository.DossierListRepository;
import vn.motcua.dossier.dossier.repository.DossierListRepository.Listed;
import vn.motcua.dossier.dossier.repository.DossierListRepository.UnitColumn;
import vn.motcua.dossier.dossier.repository.DossierListRepository.Waiting;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.dossier.dossier.repository.ListOrder;
import vn.motcua.dossier.dossier.repository.PauseRepository;
import vn.motcua.dossier.dossier.repository.RatingRepository;

/** The embedded default: the workflow's hand-written SQL (V2 columns, lists, compare-and-set) also runs on H2. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowSqlOnH2Test implements TestPropertyProvider {

    private static final Instant T0 = Instant.parse("2026-03-09T01:00:00.123456Z");

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    DossierRepository dossiers;

    @Inject
    DossierListRepository lists;

    @Inject
    PauseRepository pauses;

    @Inject
    RatingRepository ratings;

    @Override
    public Map<String, String> getProperties() {
        return EmbeddedH2.properties();
    }

    @Test
    void transitionsListsSweepPausesAndRatingsWork() {
        assertThat(write(() -> dossiers.allocateCode("000.02.24.H30", LocalDate.of(2026, 3, 9))))
                .as("no number before the day's counter exists")
                .isEmpty();
        write(() -> {
            dossiers.openCounter("000.02.24.H30", LocalDate.of(2026, 3, 9));
            return null;
        });
        String code = write(() -> {
            String c = dossiers.allocateCode("000.02.24.H30", LocalDate.of(2026, 3, 9))
                    .orElseThrow();
            dossiers.insert(dossier(c, DossierState.RECEIVED, T0.plusSeconds(3600)), null, T0);
            return c;
        });
        String undated = write(() -> {
            String c = dossiers.allocateCode("000.02.24.H30", LocalDate.of(2026, 3, 9))
                    .orElseThrow();
            dossiers.insert(dossier(c, DossierState.SUBMITTED, null), T0, T0);
            return c;
        });
        DossierRepository.StoredDossier stored =
                read(() -> dossiers.findStored(code)).orElseThrow();
        assertThat(stored.version()).isZero();

        Dossier moved = dossier(code, DossierState.IN_PROCESS, T0.plusSeconds(7200));
        assertThat(write(() -> dossiers.update(moved, DossierState.RECEIVED, 0, Channel.ONLINE, true, T0)))
                .isTrue();
        assertThat(write(() -> dossiers.update(moved, DossierState.RECEIVED, 0, null, false, T0)))
                .as("stale version")
                .isFalse();

        List<Waiting> waiting = List.of(
                new Waiting(UnitColumn.HANDLING, EnumSet.of(DossierState.IN_PROCESS)),
                new Waiting(UnitColumn.RECEIVING, EnumSet.of(DossierState.SUBMITTED)));
        ListOrder byDue = ListOrder.ascending(ListOrder.Column.DUE_AT);
        List<Listed> inbox = read(() -> lists.inbox(waiting, Set.of("11077"), byDue, null, null, 10));
        assertThat(inbox).extracting(l -> l.dossier().code()).containsExactly(code, undated);
        assertThat(inbox).extracting(Listed::key).containsExactly(T0.plusSeconds(7200), byDue.nullKey());
        assertThat(read(() -> lists.inbox(waiting, Set.of("11077"), byDue, T0.plusSeconds(7200), code, 10)))
                .extracting(l -> l.dossier().code())
                .containsExactly(undated);
        ListOrder byDueDesc = ListOrder.descending(ListOrder.Column.DUE_AT);
        assertThat(read(() -> lists.inbox(waiting, Set.of("11077"), byDueDesc, null, null, 10)))
                .extracting(l -> l.dossier().code())
                .as("no due time sorts last both ways")
                .containsExactly(code, undated);
        assertThat(read(() -> lists.ownedBy(
                        "030090001234", Set.of(), ListOrder.descending(ListOrder.Column.CREATED_AT), null, null, 10)))
                .hasSize(2);
        assertThat(read(() -> lists.ownedBy(
                        "030090001234",
                        Set.of(DossierState.SUBMITTED),
                        ListOrder.descending(ListOrder.Column.RECEIVED_AT),
                        null,
                        null,
                        10)))
                .extracting(l -> l.dossier().code())
                .containsExactly(undated);

        List<DossierListRepository.SweepCandidate> candidates =
                read(() -> lists.sweepCandidates(EnumSet.of(DossierState.IN_PROCESS), T0.plusSeconds(86_400), "", 10));
        assertThat(candidates).extracting(c -> c.dossier().code()).containsExactly(code);
        assertThat(candidates.get(0).dossier().dueAt()).isEqualTo(T0.plusSeconds(7200));
        assertThat(write(() -> dossiers.markAnnounced(code, 1, DeadlineState.IN_TIME, DeadlineState.NEAR_DUE)))
                .isTrue();
        assertThat(write(() -> dossiers.markAnnounced(code, 1, DeadlineState.IN_TIME, DeadlineState.NEAR_DUE)))
                .isFalse();

        write(() -> {
            pauses.open(code, PauseRepository.SUPPLEMENT, T0, "Bổ sung");
            pauses.closeOpen(code, T0.plusSeconds(60));
            return null;
        });
        assertThat(read(() -> pauses.forDossier(code)))
                .singleElement()
                .satisfies(p -> assertThat(p.endedAt()).isEqualTo(T0.plusSeconds(60)));

        RatingRepository.Rating rating = new RatingRepository.Rating(code, "s", 5, 5, 5, 5, true, null, T0);
        assertThat(write(() -> ratings.insert(rating))).isTrue();
        assertThat(write(() -> ratings.insert(rating))).isFalse();
    }

    private <T> T write(Supplier<T> work) {
        return tx.executeWrite(status -> work.get());
    }

    private <T> T read(Supplier<T> work) {
        return tx.executeRead(status -> work.get());
    }

    private static Dossier dossier(String code, DossierState state, Instant due) {
        return Dossier.builder()
                .regime(vn.motcua.dossier.dossier.domain.LegalRegime.REGIME_2025)
                .code(code)
                .procedure("1.001193", 1, "Đăng ký khai sinh")
                .receivingUnitCode("11077")
                .competentUnitCode("11077")
                .handlingUnitCode("11077")
                .state(state)
                .channel(Channel.COUNTER)
                .applicant(new Applicant("Nguyễn Văn An", "030090001234", null, null, null))
                .receivedAt(due == null ? null : T0)
                .originalDueAt(due)
                .dueAt(due)
                .build();
    }
}
