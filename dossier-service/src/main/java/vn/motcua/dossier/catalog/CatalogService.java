package vn.motcua.dossier.catalog;

import jakarta.inject.Singleton;
import java.util.List;
import vn.motcua.dossier.catalog.domain.DraftRules;
import vn.motcua.dossier.common.Scope;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.paging.Page;

@Singleton
public class CatalogService {

    static final int MAX_QUERY_LENGTH = 200;

    private final ProcedureRepository procedures;
    private final UnitDirectory units;

    public CatalogService(ProcedureRepository procedures, UnitDirectory units) {
        this.procedures = procedures;
        this.units = units;
    }

    /** Published procedures received at a unit in the officer's scope (default: their own unit). */
    public Page<Procedure> listForUnit(Caller caller, String unitCode, Page.Request page) {
        String ownUnit = Scope.requireOfficerUnit(caller);
        String unit = unitCode == null || unitCode.isBlank() ? ownUnit : unitCode;
        if (!units.tree().subtreeCodes(ownUnit).contains(unit)) {
            throw DomainException.notFound("unit " + unit);
        }
        List<Procedure> rows =
                procedures.listForUnit(unit, page.afterKeyLike(DraftRules.PROCEDURE_CODE), page.size() + 1);
        return Page.of(rows, page.size(), Procedure::code);
    }

    /** Public search ignoring case and diacritics: "cap giay khai sinh" finds "Cấp giấy khai sinh". */
    public Page<Procedure> searchPublic(String query, String unitCode, Page.Request page) {
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw DomainException.invalid("query", "at most " + MAX_QUERY_LENGTH + " characters");
        }
        String unit = unitCode == null || unitCode.isBlank() ? null : unitCode;
        if (unit != null && units.tree().find(unit).isEmpty()) {
            throw DomainException.notFound("unit " + unit);
        }
        List<Procedure> rows = procedures.search(
                SearchText.terms(query), unit, page.afterKeyLike(DraftRules.PROCEDURE_CODE), page.size() + 1);
        return Page.of(rows, page.size(), Procedure::code);
    }
}
