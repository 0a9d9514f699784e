package vn.motcua.report;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import vn.motcua.report.export.service.IndicatorExport;
import vn.motcua.report.indicator.service.IndicatorFiles;

/**
 * Composition root for the one call between two features that depend on each other's types: ExportReport's 766 kind
 * is rendered by the indicator feature, whose IndicatorFiles returns the export feature's ReportFile. Wiring them here,
 * outside both slices, keeps the feature slices free of cycles.
 */
@Factory
public class ExportWiring {

    @Singleton
    IndicatorExport indicatorExport(IndicatorFiles files) {
        return files::render;
    }
}
