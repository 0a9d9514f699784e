package vn.motcua.dossier.catalog.grpc;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.dossier.calendar.TimeLimitUnit;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.catalog.domain.ProcedureDraft;
import vn.motcua.dossier.catalog.domain.ProcedureVersion;
import vn.motcua.dossier.catalog.domain.ReceivingUnit;
import vn.motcua.dossier.catalog.domain.ReviewItem;
import vn.motcua.dossier.catalog.transfer.CatalogueFormat;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.common.v1.UnitRef;
import vn.motcua.proto.dossier.v1.Component;
import vn.motcua.proto.dossier.v1.FeeItem;
import vn.motcua.proto.dossier.v1.OnlineLevel;
import vn.motcua.proto.dossier.v1.PublicationState;
import vn.motcua.proto.dossier.v1.ReviewIssue;
import vn.motcua.proto.dossier.v1.TimeLimit;

/**
 * Mapping between the catalogue domain and the CatalogService messages. Enumerations map by name
 * (PUBLISHED ↔ PUBLICATION_STATE_PUBLISHED); an unspecified or unknown value becomes null, which the validators
 * report as missing.
 */
final class CatalogMessages {

    private CatalogMessages() {}

    /** What the domain draft cannot carry: fees are whole đồng, so any other currency is refused here. */
    static List<FieldViolation> currencyProblems(vn.motcua.proto.dossier.v1.ProcedureDraft d) {
        List<FieldViolation> problems = new ArrayList<>();
        for (int i = 0; i < d.getFeesCount(); i++) {
            String currency = d.getFees(i).getAmount().getCurrencyCode();
            if (!currency.isEmpty() && !currency.equals("VND")) {
                problems.add(new FieldViolation(
                        "draft.fees[" + i + "].amount.currency_code", "fees are in đồng: VND or empty"));
            }
        }
        return problems;
    }

    static ProcedureDraft draft(vn.motcua.proto.dossier.v1.ProcedureDraft d) {
        List<Procedure.Fee> fees = d.getFeesList().stream()
                .map(f -> new Procedure.Fee(f.getName(), f.getAmount().getAmount(), f.getLegalBasis()))
                .toList();
        return new ProcedureDraft(
                d.getCode(),
                d.getName(),
                d.getField(),
                fromProto(d.getLevel().name(), "UNIT_LEVEL_", vn.motcua.dossier.unit.UnitLevel.class),
                d.getTimeLimit().getAmount(),
                fromProto(d.getTimeLimit().getUnit().name(), "TIME_LIMIT_UNIT_", TimeLimitUnit.class),
                fees,
                fromProto(d.getOnlineLevel().name(), "ONLINE_LEVEL_", Procedure.OnlineLevel.class),
                d.getPostalAllowed(),
                d.getBoundaryFreeAllowed(),
                d.getRequiresPaperResult(),
                d.getFinancialObligationPausesClock(),
                d.getOnlineFeeDiscountPercent(),
                d.getComponentsList().stream()
                        .map(c -> new Procedure.Component(
                                c.getName(), c.getOriginalRequired(), c.getQuantity(), c.getPresentOnly()))
                        .toList(),
                d.getReceivingUnitsList().stream()
                        .map(u -> new ReceivingUnit(u.getUnitCode(), u.getCompetentUnitCode()))
                        .toList(),
                d.getEffectiveOn());
    }

    static CatalogueFormat format(vn.motcua.proto.dossier.v1.CatalogueFormat format) {
        return fromProto(format.name(), "CATALOGUE_FORMAT_", CatalogueFormat.class);
    }

    static vn.motcua.proto.dossier.v1.ProcedureVersion version(ProcedureVersion v) {
        vn.motcua.proto.dossier.v1.ProcedureVersion.Builder b = vn.motcua.proto.dossier.v1.ProcedureVersion.newBuilder()
                .setProcedure(procedure(v.procedure()))
                .setState(PublicationState.valueOf(
                        "PUBLICATION_STATE_" + v.state().name()))
                .setRequiresPaperResult(v.requiresPaperResult());
        if (v.publicationDecision() != null) {
            b.setPublicationDecision(v.publicationDecision());
        }
        if (v.publishedOn() != null) {
            b.setPublishedOn(v.publishedOn().toString());
        }
        if (v.effectiveOn() != null) {
            b.setEffectiveOn(v.effectiveOn().toString());
        }
        v.receivingUnits()
                .forEach(u -> b.addReceivingUnits(vn.motcua.proto.dossier.v1.ReceivingUnit.newBuilder()
                        .setUnitCode(u.unitCode())
                        .setCompetentUnitCode(u.competentUnitCode())));
        return b.build();
    }

    static vn.motcua.proto.dossier.v1.Procedure procedure(Procedure p) {
        vn.motcua.proto.dossier.v1.Procedure.Builder b = vn.motcua.proto.dossier.v1.Procedure.newBuilder()
                .setCode(p.code())
                .setVersion(p.version())
                .setName(p.name())
                .setField(p.field())
                .setLevel(UnitLevel.valueOf("UNIT_LEVEL_" + p.level().name()))
                .setTimeLimit(TimeLimit.newBuilder()
                        .setAmount(p.timeLimit().amount())
                        .setUnit(vn.motcua.proto.dossier.v1.TimeLimitUnit.valueOf(
                                "TIME_LIMIT_UNIT_" + p.timeLimit().unit())))
                .setOnlineLevel(OnlineLevel.valueOf("ONLINE_LEVEL_" + p.onlineLevel()))
                .setPostalAllowed(p.postalAllowed())
                .setBoundaryFreeAllowed(p.boundaryFreeAllowed())
                .setFinancialObligationPausesClock(p.financialObligationPausesClock())
                .setOnlineFeeDiscountPercent(p.onlineFeeDiscountPercent());
        for (Procedure.Fee f : p.fees()) {
            b.addFees(FeeItem.newBuilder()
                    .setName(f.name())
                    .setAmount(Money.newBuilder().setAmount(f.amountDong()).setCurrencyCode("VND"))
                    .setLegalBasis(f.legalBasis()));
        }
        for (Procedure.Component c : p.components()) {
            b.addComponents(Component.newBuilder()
                    .setName(c.name())
                    .setOriginalRequired(c.originalRequired())
                    .setQuantity(c.quantity())
                    .setPresentOnly(c.presentOnly()));
        }
        return b.build();
    }

    static UnitRef unit(AdminUnit u) {
        UnitRef.Builder b = UnitRef.newBuilder()
                .setCode(u.code())
                .setName(u.name())
                .setAgencyCode(u.agencyCode())
                .setLevel(UnitLevel.valueOf("UNIT_LEVEL_" + u.level().name()));
        if (u.parentCode() != null) {
            b.setParentCode(u.parentCode());
        }
        return b.build();
    }

    static vn.motcua.proto.dossier.v1.ReviewItem reviewItem(ReviewItem item) {
        return vn.motcua.proto.dossier.v1.ReviewItem.newBuilder()
                .setCode(item.code())
                .setVersion(item.version())
                .setName(item.name())
                .setIssue(ReviewIssue.valueOf("REVIEW_ISSUE_" + item.issue().name()))
                .setDetail(item.detail())
                .build();
    }

    /** "UNIT_LEVEL_COMMUNE" with prefix "UNIT_LEVEL_" → COMMUNE; UNSPECIFIED and unknown values → null. */
    private static <E extends Enum<E>> E fromProto(String protoName, String prefix, Class<E> type) {
        if (!protoName.startsWith(prefix)) {
            return null;
        }
        try {
            return Enum.valueOf(type, protoName.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
