package vn.motcua.report.feed.grpc;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.report.projection.domain.ProjectionChange;
import vn.motcua.report.projection.service.ProjectionEngine;

/** A projection that only records the changes the handlers decoded (no database). */
final class RecordingEngine extends ProjectionEngine {

    final List<ProjectionChange> applied = new ArrayList<>();
    int runs;

    RecordingEngine() {
        super(null, null, null, null, null, null, null, null);
    }

    @Override
    public void apply(List<? extends ProjectionChange> changes) {
        runs++;
        applied.addAll(changes);
    }
}
