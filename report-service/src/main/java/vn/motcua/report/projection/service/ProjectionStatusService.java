package vn.motcua.report.projection.service;

import jakarta.inject.Singleton;
import java.util.List;
import vn.motcua.report.projection.domain.ProjectionState;
import vn.motcua.report.projection.repository.ProjectionStateRepository;

/** What GetProjectionStatus reports: the generation, each feed's position, the facts held. */
@Singleton
public class ProjectionStatusService {

    /** @param lastError empty when none */
    public record Status(long generation, List<FeedPositions.Position> feeds, long dossierFacts, long importedFacts) {}

    private final ProjectionStateRepository state;
    private final FeedPositions feeds;

    public ProjectionStatusService(ProjectionStateRepository state, FeedPositions feeds) {
        this.state = state;
        this.feeds = feeds;
    }

    public Status status() {
        ProjectionState s = state.state();
        return new Status(
                s.generation(),
                feeds.positions(),
                state.count("SELECT COUNT(*) FROM dossier_fact"),
                state.count("SELECT COUNT(*) FROM dossier_fact WHERE imported"));
    }
}
