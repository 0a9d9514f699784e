package vn.motcua.dossier.it.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestIdentityProvider;

/**
 * Schema migrations run in each replica's own Flyway at start (deploy/k8s/README.md): two replicas of a release
 * start together on a fresh database. Flyway serialises them with a MySQL/MariaDB named lock (GET_LOCK) around the
 * whole migration, so the second finds the schema done and applies nothing. Here two complete dossier-service
 * contexts (gRPC server and all) start at the same instant on one fresh MariaDB database, with every migration
 * location of the service (platform, schema and the demo seed, which inserts rows and would fail on a second run).
 */
class TwoReplicasMigrateOneFreshDatabaseIT {

    private static final String[] LOCATIONS = {"db/platform", "db/migration", "db/demo"};

    private final TestDatabase db = TestDatabase.create("two_replicas_migrate");
    private final TestIdentityProvider idp = TestIdentityProvider.start();
    private final List<ApplicationContext> replicas = new ArrayList<>();

    @AfterEach
    void stopAndDrop() {
        replicas.forEach(ApplicationContext::close);
        idp.close();
        db.close();
    }

    @Test
    void twoReplicasStartingTogetherBothComeUpAndEachMigrationIsAppliedOnce() throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<ApplicationContext>> started = new ArrayList<>();
            for (int replica = 1; replica <= 2; replica++) {
                started.add(starters.submit(() -> {
                    together.await(60, TimeUnit.SECONDS);
                    return startReplica();
                }));
            }
            for (Future<ApplicationContext> replica : started) {
                // a replica whose migration failed (a table created twice, a seed row inserted twice) does not start
                replicas.add(replica.get(5, TimeUnit.MINUTES));
            }
        } finally {
            starters.shutdownNow();
        }
        for (ApplicationContext replica : replicas) {
            assertThat(replica.getBean(GrpcEmbeddedServer.class).isRunning()).isTrue();
        }

        Map<String, Long> applied = new TreeMap<>();
        long failed;
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT version, COUNT(*) FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL GROUP BY version")) {
                while (rs.next()) {
                    applied.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")) {
                rs.next();
                failed = rs.getLong(1);
            }
        }
        Map<String, Long> onceEach = new TreeMap<>();
        migrationVersions().forEach(v -> onceEach.put(v, 1L));
        assertThat(applied).as("rows of flyway_schema_history per version").isEqualTo(onceEach);
        assertThat(failed).as("failed migrations").isZero();
    }

    private ApplicationContext startReplica() {
        Map<String, Object> props = new HashMap<>(db.micronautProperties(
                Stream.of(LOCATIONS).map(l -> "classpath:" + l).toArray(String[]::new)));
        props.putAll(idp.authProperties());
        ApplicationContext context = ApplicationContext.builder()
                .environments("test")
                .properties(props)
                .start();
        try {
            context.getBean(GrpcEmbeddedServer.class).start();
            return context;
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /**
     * The versions of every migration file on the service's classpath (a directory here, a jar for db/platform when
     * the reactor hands over platform's jar): V1_2__x.sql is version 1.2.
     */
    private static List<String> migrationVersions() throws IOException, URISyntaxException {
        List<String> versions = new ArrayList<>();
        for (String location : LOCATIONS) {
            URL url =
                    TwoReplicasMigrateOneFreshDatabaseIT.class.getClassLoader().getResource(location);
            assertThat(url).as(location).isNotNull();
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    collectVersions(jar.getPath(location), versions);
                }
            } else {
                collectVersions(Path.of(uri), versions);
            }
        }
        return versions;
    }

    private static void collectVersions(Path directory, List<String> versions) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("V") && n.endsWith(".sql"))
                    .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
                    .forEach(versions::add);
        }
    }
}
