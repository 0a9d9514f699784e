package vn.motcua.dossier.unit;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;

/**
 * Serves the unit tree from a short-lived cache: units change rarely (mergers, a reform), while every scoped
 * query needs the subtree of the caller's unit.
 */
@Singleton
public class UnitDirectory {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final UnitRepository repository;
    private volatile UnitTree tree;
    private volatile Instant loadedAt = Instant.EPOCH;

    public UnitDirectory(UnitRepository repository) {
        this.repository = repository;
    }

    public UnitTree tree() {
        if (tree == null || Instant.now().isAfter(loadedAt.plus(TTL))) {
            tree = new UnitTree(repository.findAll());
            loadedAt = Instant.now();
        }
        return tree;
    }
}
