package vn.motcua.report.indicator.service;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.platform.paging.Page;
import vn.motcua.report.indicator.domain.FactView;
import vn.motcua.report.indicator.repository.FactQueryRepository;
import vn.motcua.report.scope.service.ReportScope;
import vn.motcua.report.scope.service.UnitNode;

/**
 * ListOverdueDossiers (the early-warning list of domain.md 8.8): open received dossiers of a subtree past their due
 * time (due_at, the extended one), or due within the next hours, most overdue first.
 */
@Singleton
public class OverdueService {

    /** At most 30 days ahead: a warning window, not a listing of everything open. */
    public static final int MAX_WITHIN_HOURS = 720;

    /** A page of the list; {@code now} is the instant days_overdue is measured at. */
    public record OverduePage(long total, List<FactView> dossiers, String nextToken, Instant now) {}

    private final ReportScope scope;
    private final FactQueryRepository facts;

    public OverdueService(ReportScope scope, FactQueryRepository facts) {
        this.scope = scope;
        this.facts = facts;
    }

    public OverduePage list(Caller caller, String unitCode, int dueWithinHours, int pageSize, String pageToken) {
        UnitNode unit = scope.readable(caller, unitCode);
        List<FieldViolation> violations = new ArrayList<>();
        if (dueWithinHours < 0 || dueWithinHours > MAX_WITHIN_HOURS) {
            violations.add(new FieldViolation("due_within_hours", "must be between 0 and " + MAX_WITHIN_HOURS));
        }
        Page.Request page = null;
        try {
            page = Page.Request.of(pageSize, pageToken);
        } catch (DomainException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        String list = ("overdue." + unit.code() + "." + dueWithinHours).replace('/', '_');
        Page.Keyset after = Page.Keyset.of(page.forList(list));
        Instant now = IndicatorRules.now();
        Instant dueBefore = now.plus(Duration.ofHours(dueWithinHours));
        long total = facts.countOpenDueBefore(unit.code(), dueBefore);
        List<FactView> rows = facts.openDueBefore(unit.code(), dueBefore, after.at(), after.id(), page.size() + 1);
        Page<FactView> result = Page.of(rows, page.size(), list, v -> Page.Keyset.key(v.dueAt(), v.code()));
        return new OverduePage(total, result.items(), result.nextToken(), now);
    }
}
