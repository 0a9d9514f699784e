package vn.motcua.dossier.dossier.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Set;
import vn.motcua.dossier.common.Scope;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierCode;
import vn.motcua.dossier.dossier.domain.LookupKey;
import vn.motcua.dossier.dossier.domain.SubmissionReference;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;

/**
 * Reading dossiers. Outside the caller's scope a dossier does not exist (NOT_FOUND, never PERMISSION_DENIED),
 * so codes cannot be probed.
 */
@Singleton
public class DossierQueryService {

    private final DossierRepository dossiers;
    private final UnitDirectory units;

    public DossierQueryService(DossierRepository dossiers, UnitDirectory units) {
        this.dossiers = dossiers;
        this.units = units;
    }

    @Transactional(readOnly = true)
    public Dossier get(Caller caller, String code) {
        requireCodeShape(code);
        if (Scope.readsStatisticsOnly(caller)) {
            // architecture.md 5: report_viewer reads statistics of its subtree; a dossier carries the applicant's
            // personal data. Refused for every code alike, so the answer tells nothing about which codes exist.
            throw DomainException.permissionDenied("report viewers read statistics, not individual dossiers");
        }
        Dossier dossier = dossiers.findByCode(code).orElseThrow(() -> DomainException.notFound("dossier"));
        if (!isVisible(caller, dossier)) {
            throw DomainException.notFound("dossier");
        }
        return dossier;
    }

    /**
     * Public lookup by code and the key printed on the receipt: the caller gets only non-personal fields (the
     * adapter drops the rest). A wrong key is NOT_FOUND, the same answer as an unknown code, so neither the codes
     * in use nor a right code with a wrong key can be told apart (ADR 0005).
     */
    @Transactional(readOnly = true)
    public PublicStatus lookup(String code, String lookupKey) {
        requireCodeShape(code);
        if (lookupKey == null || lookupKey.isBlank()) {
            throw DomainException.invalid("lookup_key", "is required: it is printed on the receipt (Form 01)");
        }
        if (LookupKey.read(lookupKey).isEmpty()) {
            throw DomainException.invalid(
                    "lookup_key",
                    "is not a lookup key: " + LookupKey.LENGTH + " letters and digits as printed on the receipt");
        }
        Dossier dossier = dossiers.findByCode(code)
                .filter(d -> LookupKey.opens(d.lookupKey(), lookupKey))
                .orElseThrow(() -> DomainException.notFound("dossier"));
        String unitName = units.tree()
                .find(dossier.receivingUnitCode())
                .map(AdminUnit::name)
                .orElse("");
        return new PublicStatus(dossier, unitName);
    }

    public record PublicStatus(Dossier dossier, String receivingUnitName) {}

    /**
     * The read scope: the applicant citizen, or an officer whose unit subtree holds the dossier's receiving,
     * competent or handling unit. Callers answer NOT_FOUND when this is false.
     */
    public boolean isVisible(Caller caller, Dossier dossier) {
        if (caller.hasRole(Roles.CITIZEN)
                && caller.citizen().isPresent()
                && Objects.equals(caller.citizenId(), dossier.applicant().citizenId())) {
            return true;
        }
        if (!caller.hasAnyRole(Roles.OFFICERS) || caller.unit().isEmpty()) {
            return false;
        }
        Set<String> scope = units.tree().subtreeCodes(caller.unitCode());
        return scope.contains(dossier.receivingUnitCode())
                || scope.contains(dossier.competentUnitCode())
                || scope.contains(dossier.handlingUnitCode());
    }

    static void requireCodeShape(String code) {
        if (!DossierCode.looksValid(code) && !SubmissionReference.looksValid(code)) {
            throw DomainException.invalid(
                    "code", "is not a dossier code (<agency>-YYMMDD-NNNN) or submission reference (TN-YYMMDD-…)");
        }
    }
}
