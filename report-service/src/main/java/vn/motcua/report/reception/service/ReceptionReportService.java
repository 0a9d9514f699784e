package vn.motcua.report.reception.service;

import jakarta.inject.Singleton;
import java.util.List;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.report.reception.domain.DailyReceptionCount;
import vn.motcua.report.reception.domain.ReportAccess;
import vn.motcua.report.reception.domain.ReportPeriod;
import vn.motcua.report.reception.repository.ReceptionRepository;

/** Reception statistics for an officer's unit subtree. Scope comes from the token only. */
@Singleton
public class ReceptionReportService {

    private final ReceptionRepository repository;

    public ReceptionReportService(ReceptionRepository repository) {
        this.repository = repository;
    }

    /**
     * @param requestedUnit unit whose subtree to report; blank means the caller's own unit
     * @throws DomainException PERMISSION_DENIED for non-officers or a token without unit, INVALID_ARGUMENT for bad
     *                         dates, NOT_FOUND for a unit outside the caller's subtree (or unknown: the two are
     *                         indistinguishable on purpose)
     */
    public List<DailyReceptionCount> countDailyReceptions(
            Caller caller, String requestedUnit, String fromDate, String toDate) {
        if (!caller.hasAnyRole(Roles.OFFICERS)) {
            throw DomainException.permissionDenied("reception statistics are for officers");
        }
        String callerUnit = caller.unit()
                .orElseThrow(() -> DomainException.of(
                        ErrorKind.PERMISSION_DENIED, ErrorReason.SCOPE_MISSING, "the token carries no unit_code"));
        ReportPeriod period = ReportPeriod.parse("from_date", fromDate, "to_date", toDate);
        String unit = requestedUnit == null || requestedUnit.isBlank() ? callerUnit : requestedUnit.strip();
        // one's own unit needs no lookup (and may have no recorded ancestry yet)
        if (!unit.equals(callerUnit) && !ReportAccess.covers(callerUnit, unit, repository.ancestorsOf(unit))) {
            throw DomainException.notFound("unit " + unit);
        }
        return repository.countsWithin(unit, period.from(), period.to());
    }
}
