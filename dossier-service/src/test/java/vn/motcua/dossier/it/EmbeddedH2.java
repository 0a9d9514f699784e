package vn.motcua.dossier.it;

import java.util.Map;
import java.util.UUID;
import vn.motcua.platform.testing.TestPorts;

/** Settings for a test context on a fresh in-memory H2 in MySQL mode, like the embedded default of runtime.md. */
public final class EmbeddedH2 {

    private EmbeddedH2() {}

    public static Map<String, String> properties() {
        return Map.of(
                "datasources.default.url",
                "jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,DAY,MONTH,YEAR",
                "motcua.feed.source",
                "dossier-service",
                "grpc.server.port",
                Integer.toString(TestPorts.free()));
    }
}
