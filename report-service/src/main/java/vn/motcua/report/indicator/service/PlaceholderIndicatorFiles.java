package vn.motcua.report.indicator.service;

import jakarta.inject.Singleton;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.report.export.domain.FileFormat;
import vn.motcua.report.export.domain.ReportFile;
import vn.motcua.report.period.domain.PeriodSpec;

/** Placeholder until the indicator feature lands (its helper deletes this class). */
@Singleton
public class PlaceholderIndicatorFiles implements IndicatorFiles {

    @Override
    public ReportFile render(Caller caller, String unitCode, PeriodSpec period, boolean subtree, FileFormat format) {
        throw DomainException.ruleViolated("NOT_BUILT", "766 exports are not built yet");
    }
}
