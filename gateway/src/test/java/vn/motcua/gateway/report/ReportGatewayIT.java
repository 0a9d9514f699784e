package vn.motcua.gateway.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import vn.motcua.gateway.support.FakeReports;
import vn.motcua.gateway.support.GatewayIT;

/** The gateway with {@link FakeReports} behind its report channel, and the province's puller as a machine client. */
abstract class ReportGatewayIT extends GatewayIT {

    protected final FakeReports reports = FakeReports.start();

    @Override
    protected String reportAddress() {
        return reports.address();
    }

    @Override
    protected Map<String, String> extraProperties() {
        return new HashMap<>(moreProperties());
    }

    protected Map<String, String> moreProperties() {
        return Map.of();
    }

    @BeforeAll
    void puller() {
        idp.serviceAccount("province-report-puller", Set.of("report_viewer"));
    }

    @BeforeEach
    void resetReports() {
        reports.reset();
    }

    @AfterAll
    void stopReports() throws InterruptedException {
        reports.close();
    }

    protected String machine() {
        return idp.serviceAccountToken("province-report-puller");
    }

    protected String viewer() {
        return idp.officer("bc.haiduong", "30", "report_viewer");
    }

    protected String leader() {
        return idp.officer("ld.ngocson", "11077", "unit_leader");
    }

    protected String admin() {
        return idp.officer("admin.haiduong", "30", "unit_admin");
    }
}
