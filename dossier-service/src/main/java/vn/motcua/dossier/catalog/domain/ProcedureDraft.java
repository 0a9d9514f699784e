package vn.motcua.dossier.catalog.domain;

import java.time.LocalDate;
import java.util.List;
import vn.motcua.dossier.calendar.TimeLimit;
import vn.motcua.dossier.calendar.TimeLimitUnit;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.unit.UnitLevel;

/**
 * A procedure version as a controller typed or imported it, before validation: enumerations are null when missing
 * and the effective date is still text. {@link DraftRules} says what is wrong with it; only a draft without
 * problems is turned into a {@link ProcedureVersion}.
 */
public record ProcedureDraft(
        String code,
        String name,
        String field,
        UnitLevel level,
        long timeLimitAmount,
        TimeLimitUnit timeLimitUnit,
        List<Procedure.Fee> fees,
        Procedure.OnlineLevel onlineLevel,
        boolean postalAllowed,
        boolean boundaryFreeAllowed,
        boolean requiresPaperResult,
        boolean financialObligationPausesClock,
        int onlineFeeDiscountPercent,
        List<Procedure.Component> components,
        List<ReceivingUnit> receivingUnits,
        String effectiveOn) {

    public ProcedureDraft {
        fees = List.copyOf(fees);
        components = List.copyOf(components);
        receivingUnits = List.copyOf(receivingUnits);
    }

    /** The stored form of a valid draft as version {@code version}. */
    public ProcedureVersion toVersion(int version) {
        Procedure procedure = new Procedure(
                code,
                version,
                name.strip(),
                field.strip(),
                level,
                new TimeLimit(timeLimitAmount, timeLimitUnit),
                fees,
                onlineLevel,
                postalAllowed,
                boundaryFreeAllowed,
                financialObligationPausesClock,
                onlineFeeDiscountPercent,
                components);
        return new ProcedureVersion(
                procedure,
                PublicationState.DRAFT,
                null,
                null,
                LocalDate.parse(effectiveOn),
                requiresPaperResult,
                receivingUnits);
    }
}
