package vn.motcua.report.ii06a.repository;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.report.ii06a.StatSeed;

/**
 * {@link StatCounterPrefixesContract} on H2 in MySQL mode, the embedded database of {@code ./motcua up} without
 * MICRONAUT_ENVIRONMENTS=mysql: the migrations (V3 included) and every statement of the II.06a and submission
 * repositories must run there too.
 */
@MicronautTest(transactional = false)
class StatCounterPrefixesOnH2IT extends StatCounterPrefixesContract {

    private final String url =
            "jdbc:h2:mem:prefixes_" + UUID.randomUUID().toString().substring(0, 8)
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY;DB_CLOSE_DELAY=-1";

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>();
        props.put("datasources.default.url", url);
        props.put("datasources.default.driver-class-name", "org.h2.Driver");
        props.put("datasources.default.username", "sa");
        props.put("datasources.default.password", "");
        props.put("datasources.default.dialect", "MYSQL");
        props.put("flyway.datasources.default.enabled", "true");
        props.put("flyway.datasources.default.locations", "classpath:db/platform,classpath:db/migration");
        props.put("grpc.server.port", Integer.toString(TestPorts.free()));
        props.put("motcua.report.consume-dossier-feed", "false");
        return props;
    }

    @Override
    protected StatSeed seed() {
        return new StatSeed(() -> DriverManager.getConnection(url, "sa", ""));
    }

    @Override
    protected String expectedProduct() {
        return "H2";
    }

    @Override
    protected void dropDatabase() {
        // in memory: gone with the JVM
    }
}
