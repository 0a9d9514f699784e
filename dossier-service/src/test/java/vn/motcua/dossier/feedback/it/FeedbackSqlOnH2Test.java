package vn.motcua.dossier.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.motcua.dossier.feedback.domain.Feedback;
import vn.motcua.dossier.feedback.domain.FeedbackClass;
import vn.motcua.dossier.feedback.domain.FeedbackState;
import vn.motcua.dossier.feedback.domain.Intake;
import vn.motcua.dossier.feedback.domain.Reaction;
import vn.motcua.dossier.feedback.domain.Sender;
import vn.motcua.dossier.feedback.domain.Timeliness;
import vn.motcua.dossier.feedback.repository.FeedbackRepository;
import vn.motcua.dossier.it.EmbeddedH2;

/** The embedded default: V4 and the feedback repository's hand-written SQL (locks, keysets) also run on H2. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackSqlOnH2Test implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return EmbeddedH2.properties();
    }

    private static final Instant T0 = Instant.parse("2026-03-09T01:00:00.123456Z");

    @Inject
    TransactionOperations<Connection> tx;

    @Inject
    FeedbackRepository repository;

    @Test
    void feedbackRoundTripsLocksAndListsOnH2() {
        Feedback a = stored("a", T0.plusSeconds(60));
        Feedback b = stored("b", T0.plusSeconds(30));
        Feedback recorded = new Feedback(
                "c",
                "11077",
                "Tiêu đề",
                "x".repeat(10_000),
                a.sender(),
                Intake.OFFICER_RECORDED,
                null,
                FeedbackState.RECEIVED,
                null,
                null,
                null,
                null,
                null,
                T0,
                null,
                null,
                null,
                null,
                T0.plusSeconds(10),
                Timeliness.NONE,
                0,
                0);
        write(() -> {
            repository.insert(a, "subject-a");
            repository.insert(b, "subject-b");
            repository.insert(recorded, "subject-c");
            return null;
        });
        assertThat(write(() -> repository.find("a"))).contains(a);

        // steps change only the workflow columns; title, content, sender and intake stay as received
        Feedback published = new Feedback(
                "c",
                "11077",
                "Tiêu đề",
                "x".repeat(10_000),
                recorded.sender(),
                Intake.OFFICER_RECORDED,
                null,
                FeedbackState.PUBLISHED,
                FeedbackClass.REGULATION_IN_COMPETENCE,
                "ghi chú",
                null,
                null,
                "Trả lời",
                T0,
                T0.plusSeconds(1),
                null,
                T0.plusSeconds(2),
                T0.plusSeconds(3),
                null,
                new Timeliness(true, null, true, false),
                1,
                0);
        write(() -> {
            repository.lock("c").orElseThrow();
            repository.update(published);
            assertThat(repository.reactionOf("c", "030090001234")).isEmpty();
            repository.saveReaction("c", "030090001234", Reaction.LIKE, false, T0);
            repository.saveReaction("c", "030090001234", Reaction.DISLIKE, true, T0);
            return null;
        });
        assertThat(write(() -> repository.find("c"))).contains(published);
        assertThat(write(() -> repository.reactionOf("c", "030090001234"))).contains(Reaction.DISLIKE);

        assertThat(ids(() -> repository.byStepDue(Set.of("11077"), null, null, 2)))
                .containsExactly("b", "a");
        assertThat(ids(() -> repository.byStepDue(Set.of("11077"), a.stepDueAt(), "a", 5)))
                .containsExactly("c");
        assertThat(ids(() -> repository.byStepDue(Set.of("11077"), FeedbackRepository.NO_DUE_KEY, "c", 5)))
                .isEmpty();
        assertThat(ids(() -> repository.published(null, null, null, 5))).containsExactly("c");
        assertThat(ids(() -> repository.published(Set.of("11080"), null, null, 5)))
                .isEmpty();
        assertThat(ids(() -> repository.published(Set.of(), null, null, 5))).isEmpty();
        assertThat(ids(() -> repository.published(null, published.publishedAt(), "c", 5)))
                .isEmpty();
        // a citizen's own: newest reception first, ties by id descending, continued after the keyset position
        assertThat(ids(() -> repository.bySender("030090001234", null, null, 2)))
                .containsExactly("c", "b");
        assertThat(ids(() -> repository.bySender("030090001234", T0, "b", 5))).containsExactly("a");
        assertThat(ids(() -> repository.bySender("030095005678", null, null, 5)))
                .isEmpty();
    }

    private static Feedback stored(String id, Instant stepDue) {
        return new Feedback(
                id,
                "11077",
                "Tiêu đề " + id,
                "Nội dung\nhai dòng",
                new Sender("Nguyễn Văn An", "Thôn Đông", "0912345678", "030090001234"),
                Intake.CITIZEN_ONLINE,
                "000.02.24.H30-260309-0001",
                FeedbackState.RECEIVED,
                null,
                null,
                null,
                null,
                null,
                T0,
                null,
                null,
                null,
                null,
                stepDue,
                Timeliness.NONE,
                0,
                0);
    }

    private List<String> ids(Supplier<List<Feedback>> query) {
        List<Feedback> found = tx.executeRead(s -> query.get());
        return found.stream().map(Feedback::id).toList();
    }

    private <T> T write(Supplier<T> work) {
        return tx.executeWrite(s -> work.get());
    }
}
