package vn.motcua.report.submission;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import vn.motcua.report.submission.domain.ReportKind;
import vn.motcua.report.submission.repository.SubmissionRecord;
import vn.motcua.report.submission.repository.SubmissionRepository;

/**
 * Makes the race of two leaders certain instead of likely: once armed, each submission waits after reading the
 * latest version until the other has read it too, so both go on to freeze the same next version and only the unique
 * key can stop the second.
 */
@Singleton
@Replaces(SubmissionRepository.class)
@Requires(property = "motcua.test.submission-race", value = "true")
public class RacingSubmissionRepository extends SubmissionRepository {

    private final AtomicReference<CyclicBarrier> barrier = new AtomicReference<>();

    public RacingSubmissionRepository(JdbcOperations jdbc) {
        super(jdbc);
    }

    public void arm(int parties) {
        barrier.set(new CyclicBarrier(parties));
    }

    public void disarm() {
        barrier.set(null);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SubmissionRecord> latest(String unitCode, ReportKind kind, LocalDate from, LocalDate to) {
        Optional<SubmissionRecord> latest = super.latest(unitCode, kind, from, to);
        CyclicBarrier armed = barrier.get();
        if (armed != null) {
            try {
                armed.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other submission never came", e);
            }
        }
        return latest;
    }
}
