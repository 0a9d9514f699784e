package vn.motcua.dossier.catalog.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.calendar.repository.CalendarRepository;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.catalog.ProcedureRepository;
import vn.motcua.dossier.catalog.domain.CatalogueReview;
import vn.motcua.dossier.catalog.domain.DraftRules;
import vn.motcua.dossier.catalog.domain.ProcedureVersion;
import vn.motcua.dossier.catalog.domain.PublicationState;
import vn.motcua.dossier.catalog.domain.ReviewItem;
import vn.motcua.dossier.catalog.repository.ProcedureVersionRepository;
import vn.motcua.dossier.catalog.transfer.CatalogueFormat;
import vn.motcua.dossier.catalog.transfer.CatalogueSheets;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/**
 * Reading the catalogue: the public views (one procedure, a unit's one-stop listing) and the controller's export
 * and review.
 */
@Singleton
public class CatalogReadService {

    /** More than any unit receives; the listing is not paged. */
    static final int MAX_LISTING = 5000;

    private final TransactionOperations<Connection> tx;
    private final ProcedureVersionRepository versions;
    private final ProcedureRepository procedures;
    private final CalendarRepository calendars;
    private final CatalogAccess access;
    private final UnitDirectory units;
    private final Clock clock;

    public CatalogReadService(
            TransactionOperations<Connection> tx,
            ProcedureVersionRepository versions,
            ProcedureRepository procedures,
            CalendarRepository calendars,
            CatalogAccess access,
            UnitDirectory units,
            Clock clock) {
        this.tx = tx;
        this.versions = versions;
        this.procedures = procedures;
        this.calendars = calendars;
        this.access = access;
        this.units = units;
        this.clock = clock;
    }

    /**
     * The current published version (version 0) or a given one. Released versions are public; a draft is shown
     * only to a TTHC controller who manages it, and is otherwise as unknown as a missing version.
     */
    public ProcedureVersion get(Optional<Caller> caller, String code, int version) {
        List<FieldViolation> problems = new ArrayList<>();
        CatalogInput.procedureCode(problems, "code", code);
        if (version < 0) {
            problems.add(new FieldViolation("version", "must be 0 (current) or a version number"));
        }
        CatalogInput.refuseIfAny(problems);
        Optional<ProcedureVersion> found =
                tx.executeRead(status -> version == 0 ? versions.findCurrent(code) : versions.find(code, version));
        return found.filter(v -> v.state() != PublicationState.DRAFT || managesDraft(caller, v))
                .orElseThrow(() -> DomainException.notFound(
                        version == 0 ? "published procedure " + code : "version " + version + " of procedure " + code));
    }

    private boolean managesDraft(Optional<Caller> caller, ProcedureVersion draft) {
        if (caller.isEmpty() || !caller.get().hasRole(Roles.TTHC_CONTROLLER)) {
            return false;
        }
        try {
            return access.requireController(caller.get()).manages(draft.receivingUnitCodes());
        } catch (DomainException unitMissingOrUnknown) {
            return false;
        }
    }

    /** What a unit's one-stop desk receives: everything, what may come by post, what is boundary-free. */
    public PublicListing listing(String unitCode) {
        if (unitCode == null || unitCode.isBlank()) {
            throw DomainException.invalid("unit_code", "is required");
        }
        AdminUnit unit = units.tree().find(unitCode).orElseThrow(() -> DomainException.notFound("unit " + unitCode));
        List<Procedure> atDesk = procedures.listForUnit(unit.code(), "", MAX_LISTING);
        return new PublicListing(
                unit,
                atDesk,
                atDesk.stream().filter(Procedure::postalAllowed).toList(),
                atDesk.stream().filter(Procedure::boundaryFreeAllowed).toList());
    }

    /** The current published catalogue received within the controller's subtree, as a file. */
    public ExportedFile export(Caller caller, CatalogueFormat format) {
        CatalogAccess.ControllerScope scope = access.requireController(caller);
        if (format == null) {
            throw DomainException.invalid("format", "is required (CSV or XLSX)");
        }
        List<ProcedureVersion> catalogue = tx.executeRead(status -> versions.currentPublished()).stream()
                .filter(v -> scope.reaches(v.receivingUnitCodes()))
                .toList();
        String name = "danh-muc-tthc-" + scope.unitCode() + "-" + WorkCalendar.localDate(clock.instant()) + "."
                + format.extension();
        return new ExportedFile(name, format.contentType(), CatalogueSheets.write(format, catalogue));
    }

    /**
     * The review as of a date (default today in Vietnam) over every version received within the controller's
     * subtree. Working days come from the calendar of the province at the root of the controller's unit (its
     * nationwide holidays plus any province rows): the provincial Chairman signs publication decisions, so the 5
     * working days of Decree 63/2010 Art 15 are the province's.
     */
    public List<ReviewItem> review(Caller caller, String asOf) {
        CatalogAccess.ControllerScope scope = access.requireController(caller);
        LocalDate day;
        if (asOf == null || asOf.isBlank()) {
            day = WorkCalendar.localDate(clock.instant());
        } else {
            List<FieldViolation> problems = new ArrayList<>();
            DraftRules.date(CatalogInput.into(problems), "as_of", asOf, true);
            CatalogInput.refuseIfAny(problems);
            day = DraftRules.parseDate(asOf);
        }
        return tx.executeRead(status -> {
            List<ProcedureVersion> inScope = versions.all().stream()
                    .filter(v -> scope.reaches(v.receivingUnitCodes()))
                    .toList();
            WorkCalendar calendar = WorkCalendar.standard(calendars.overridesFor(scope.rootUnitCode()));
            return CatalogueReview.review(inScope, day, calendar);
        });
    }

    /** A unit's public listing (niêm yết). */
    public record PublicListing(
            AdminUnit unit, List<Procedure> atDesk, List<Procedure> byPost, List<Procedure> boundaryFree) {}

    /** An exported catalogue file. */
    public record ExportedFile(String fileName, String contentType, byte[] content) {}
}
