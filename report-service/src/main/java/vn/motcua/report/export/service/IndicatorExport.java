package vn.motcua.report.export.service;

import vn.motcua.platform.auth.Caller;
import vn.motcua.report.export.domain.FileFormat;
import vn.motcua.report.export.domain.ReportFile;
import vn.motcua.report.period.domain.PeriodSpec;

/**
 * Decision 766 scores as a file, for ExportReport's INDICATORS_766 kind. The indicator feature renders them
 * ({@code indicator.service.IndicatorFiles}); since that seam already depends on this feature's FileFormat and
 * ReportFile, the export feature cannot name it back without a cycle between the two slices (ArchitectureTest), so
 * {@code vn.motcua.report.ExportWiring} adapts one to the other at the composition root.
 */
@FunctionalInterface
public interface IndicatorExport {

    ReportFile render(Caller caller, String unitCode, PeriodSpec period, boolean subtree, FileFormat format);
}
