package vn.motcua.dossier.catalog;

import java.util.List;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.unit.UnitLevel;

/**
 * One published version of an administrative procedure (TTHC), keyed by its national code.
 *
 * @param financialObligationPausesClock the time the applicant spends meeting a financial obligation does not count
 *                                       in the time limit (land procedures: the land law's implementing decree); the
 *                                       clock pauses while the dossier awaits payment
 * @param onlineFeeDiscountPercent       percentage off the fees when the dossier was submitted online and is paid
 *                                       online, 0..100 (0 = none)
 */
public record Procedure(
        String code,
        int version,
        String name,
        String field,
        UnitLevel level,
        TimeLimit timeLimit,
        List<Fee> fees,
        OnlineLevel onlineLevel,
        boolean postalAllowed,
        boolean boundaryFreeAllowed,
        boolean financialObligationPausesClock,
        int onlineFeeDiscountPercent,
        List<Component> components) {

    public Procedure {
        fees = List.copyOf(fees);
        components = List.copyOf(components);
    }

    /**
     * A fee item in whole đồng.
     *
     * @param legalBasis the legal instrument that sets it; empty where the catalogue has none (never null)
     */
    public record Fee(String name, long amountDong, String legalBasis) {

        public Fee {
            legalBasis = legalBasis == null ? "" : legalBasis;
        }
    }

    /** A dossier component (thành phần hồ sơ). */
    public record Component(String name, boolean originalRequired, int quantity, boolean presentOnly) {}

    public enum OnlineLevel {
        NONE,
        PARTIAL,
        FULL
    }
}
