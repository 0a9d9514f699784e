package vn.motcua.report.indicator.service;

import vn.motcua.platform.auth.Caller;
import vn.motcua.report.export.domain.FileFormat;
import vn.motcua.report.export.domain.ReportFile;
import vn.motcua.report.period.domain.PeriodSpec;

/** Decision 766 scores as a file, for ExportReport (kind INDICATORS_766); the indicator feature renders its own. */
public interface IndicatorFiles {

    ReportFile render(Caller caller, String unitCode, PeriodSpec period, boolean subtree, FileFormat format);
}
