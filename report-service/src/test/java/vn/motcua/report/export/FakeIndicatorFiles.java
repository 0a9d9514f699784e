package vn.motcua.report.export;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.platform.auth.Caller;
import vn.motcua.report.export.domain.FileFormat;
import vn.motcua.report.export.domain.ReportFile;
import vn.motcua.report.indicator.service.IndicatorFiles;
import vn.motcua.report.period.domain.PeriodSpec;

/** Stands in for the indicator feature's 766 files (built by another helper), recording what ExportReport asked. */
@Singleton
@Replaces(IndicatorFiles.class)
@Requires(property = "motcua.test.fake-indicator-files", value = "true")
public class FakeIndicatorFiles implements IndicatorFiles {

    public final List<String> calls = new ArrayList<>();

    @Override
    public ReportFile render(Caller caller, String unitCode, PeriodSpec period, boolean subtree, FileFormat format) {
        calls.add(caller.username() + " " + unitCode + " " + period.kind() + " " + period.year() + " " + subtree + " "
                + format);
        return new ReportFile(
                "{\"766\":true}".getBytes(StandardCharsets.UTF_8), format.contentType(), "BC-766.json", "\"766\"");
    }
}
