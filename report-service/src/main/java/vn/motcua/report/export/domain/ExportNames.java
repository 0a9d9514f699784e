package vn.motcua.report.export.domain;

import java.text.Normalizer;
import java.util.Locale;
import vn.motcua.report.ii06a.domain.II06aGrouping;
import vn.motcua.report.period.domain.PeriodKind;
import vn.motcua.report.period.domain.PeriodSpec;
import vn.motcua.report.period.domain.PeriodWindow;
import vn.motcua.report.period.domain.ResolvedPeriod;

/**
 * ASCII file names, safe in a Content-Disposition header and on every file system:
 * {@code BC-II06a_<unit>_<period>[_<variant>].<ext>}, e.g. {@code BC-II06a_30_2026-Q3.xlsx},
 * {@code BC-II06a_11077_2026-Q3_v2.csv}, {@code BC-II06a_298_2026-Q3_TH.xlsx} (tổng hợp: consolidation),
 * {@code BC-II06a-LV_30_2026-M07.json} (per field), {@code ..._2026-Q3-K15...} for the 15th-to-14th windows.
 */
public final class ExportNames {

    private ExportNames() {}

    public static String fileName(ExportDocument doc, FileFormat format) {
        StringBuilder name = new StringBuilder("BC-II06a");
        if (doc.report().grouping() == II06aGrouping.FIELD) {
            name.append("-LV");
        }
        name.append('_').append(ascii(doc.report().unit().code()));
        name.append('_').append(periodToken(doc.report().period()));
        if (doc.source() == ExportSource.SUBMITTED && doc.submission() != null) {
            name.append("_v").append(doc.submission().version());
        } else if (doc.source() == ExportSource.CONSOLIDATED) {
            name.append("_TH");
        }
        return name.append('.').append(format.extension()).toString();
    }

    /** "2026-Q3", "2026-M07", "2026-H1", "2026-9M", "2026", "20260701-20260815"; "-K15" for cut-off windows. */
    public static String periodToken(ResolvedPeriod period) {
        PeriodSpec spec = period.spec();
        String token = switch (spec.kind()) {
            case MONTH -> String.format(Locale.ROOT, "%04d-M%02d", spec.year(), spec.number());
            case QUARTER -> String.format(Locale.ROOT, "%04d-Q%d", spec.year(), spec.number());
            case HALF_YEAR -> String.format(Locale.ROOT, "%04d-H1", spec.year());
            case NINE_MONTHS -> String.format(Locale.ROOT, "%04d-9M", spec.year());
            case YEAR -> String.format(Locale.ROOT, "%04d", spec.year());
            case RANGE -> compact(period);
        };
        if (spec.kind() != PeriodKind.RANGE && spec.window() == PeriodWindow.CUTOFF_15) {
            token += "-K15";
        }
        return token;
    }

    private static String compact(ResolvedPeriod period) {
        return period.from().toString().replace("-", "") + "-"
                + period.to().toString().replace("-", "");
    }

    /** Letters without diacritics, digits, '.', '-'; anything else becomes '-'. */
    static String ascii(String text) {
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('đ', 'd')
                .replace('Đ', 'D');
        String safe = stripped.replaceAll("[^A-Za-z0-9.-]", "-");
        return safe.isEmpty() ? "unit" : safe;
    }
}
