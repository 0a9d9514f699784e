package vn.motcua.report.ii06a.repository;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import vn.motcua.platform.testing.TestDatabase;
import vn.motcua.platform.testing.TestPorts;
import vn.motcua.report.ii06a.StatSeed;
import vn.motcua.report.it.ReportItSupport;

/** {@link StatCounterPrefixesContract} on MariaDB. */
@MicronautTest(transactional = false)
class StatCounterPrefixesIT extends StatCounterPrefixesContract {

    private final TestDatabase db = TestDatabase.create("prefixes");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = ReportItSupport.properties(db, TestPorts.free());
        props.put("motcua.report.consume-dossier-feed", "false");
        return props;
    }

    @Override
    protected StatSeed seed() {
        return new StatSeed(db);
    }

    @Override
    protected String expectedProduct() {
        return "MySQL";
    }

    @Override
    protected void dropDatabase() {
        db.close();
    }
}
