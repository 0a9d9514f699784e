package vn.motcua.gateway.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.proto.dossier.v1.Component;
import vn.motcua.proto.dossier.v1.FeeItem;
import vn.motcua.proto.dossier.v1.Procedure;

/**
 * A published administrative procedure (TTHC) as the catalogue shows it. Money is whole đồng.
 * {@code financialObligationPausesClock}: the time the applicant spends meeting a financial obligation does not count
 * in the time limit (land procedures); the clock pauses while the dossier awaits payment.
 * {@code onlineFeeDiscountPercent}: percentage off the fees when the dossier was submitted online and is paid online
 * (0 = none).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProcedureJson(
        String code,
        int version,
        String name,
        String field,
        @Nullable String level,
        @Nullable TimeLimit timeLimit,
        List<Fee> fees,
        @Nullable String onlineLevel,
        boolean postalAllowed,
        boolean boundaryFreeAllowed,
        boolean financialObligationPausesClock,
        int onlineFeeDiscountPercent,
        List<Part> components) {

    static ProcedureJson from(Procedure p) {
        return new ProcedureJson(
                p.getCode(),
                p.getVersion(),
                p.getName(),
                p.getField(),
                ProtoValues.enumName(p.getLevel(), "UNIT_LEVEL_"),
                p.hasTimeLimit()
                        ? new TimeLimit(
                                p.getTimeLimit().getAmount(),
                                ProtoValues.enumName(p.getTimeLimit().getUnit(), "TIME_LIMIT_UNIT_"))
                        : null,
                p.getFeesList().stream().map(Fee::from).toList(),
                ProtoValues.enumName(p.getOnlineLevel(), "ONLINE_LEVEL_"),
                p.getPostalAllowed(),
                p.getBoundaryFreeAllowed(),
                p.getFinancialObligationPausesClock(),
                p.getOnlineFeeDiscountPercent(),
                p.getComponentsList().stream().map(Part::from).toList());
    }

    /** unit: WORKING_DAYS, WORKING_HOURS, CALENDAR_DAYS or MONTHS. */
    @Serdeable
    public record TimeLimit(long amount, @Nullable String unit) {}

    /** One fee item; legalBasis names the instrument that sets it, empty where the catalogue has none. */
    @Serdeable
    public record Fee(String name, long amount, String currencyCode, String legalBasis) {

        static Fee from(FeeItem fee) {
            return new Fee(
                    fee.getName(), fee.getAmount().getAmount(), fee.getAmount().getCurrencyCode(), fee.getLegalBasis());
        }
    }

    /** One document of the dossier (thành phần hồ sơ). */
    @Serdeable
    public record Part(String name, boolean originalRequired, int quantity, boolean presentOnly) {

        static Part from(Component c) {
            return new Part(c.getName(), c.getOriginalRequired(), c.getQuantity(), c.getPresentOnly());
        }
    }

    /** One page of procedures; nextPageToken is null on the last page. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(
            List<ProcedureJson> procedures, @Nullable String nextPageToken) {

        static Page from(List<Procedure> procedures, String nextPageToken) {
            return new Page(procedures.stream().map(ProcedureJson::from).toList(), ProtoValues.text(nextPageToken));
        }
    }
}
