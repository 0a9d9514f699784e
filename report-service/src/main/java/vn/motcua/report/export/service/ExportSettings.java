package vn.motcua.report.export.service;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * {@code motcua.report.export.root-recipient} (default "Văn phòng Chính phủ"): the "Đơn vị nhận báo cáo" printed for
 * a root unit (the province), which has no parent in the unit tree; Circular 01/2020 is the Office of the Government's
 * reporting regime, so a province's II.06a goes there.
 */
@Singleton
public class ExportSettings {

    private final String rootRecipient;

    public ExportSettings(@Value("${motcua.report.export.root-recipient:Văn phòng Chính phủ}") String rootRecipient) {
        this.rootRecipient = rootRecipient.strip();
    }

    public String rootRecipient() {
        return rootRecipient;
    }
}
