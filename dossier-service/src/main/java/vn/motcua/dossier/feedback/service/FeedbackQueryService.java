package vn.motcua.dossier.feedback.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.dossier.common.Scope;
import vn.motcua.dossier.feedback.domain.Feedback;
import vn.motcua.dossier.feedback.domain.FeedbackAccess;
import vn.motcua.dossier.feedback.domain.FeedbackActor;
import vn.motcua.dossier.feedback.domain.FeedbackDeadlines;
import vn.motcua.dossier.feedback.repository.FeedbackRepository;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.paging.Page;

/**
 * Reading feedback: one feedback (its sender or the unit's TTHC controllers in full, anyone a published one without
 * the sender's data), the controllers' work list of their unit subtree, most urgent step first, and the public list
 * of published answers.
 */
@Singleton
public class FeedbackQueryService {

    private final FeedbackRepository feedback;
    private final UnitDirectory units;
    private final FeedbackCalendars calendars;
    private final Clock clock;

    public FeedbackQueryService(
            FeedbackRepository feedback, UnitDirectory units, FeedbackCalendars calendars, Clock clock) {
        this.feedback = feedback;
        this.units = units;
        this.calendars = calendars;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public FeedbackView get(Caller caller, String id) {
        FeedbackActor actor = FeedbackService.actorOf(caller, units.tree());
        if (!FeedbackAccess.mayAskFor(actor)) {
            throw DomainException.permissionDenied("feedback is read by its sender and the TTHC controllers");
        }
        FeedbackValidator.step(null, id).done();
        Feedback f = feedback.find(id).orElseThrow(FeedbackErrors::notFound);
        FeedbackAccess.View view = FeedbackAccess.viewFor(actor, f).orElseThrow(FeedbackErrors::notFound);
        return new FeedbackView(f, view, calendars.forUnit(f.unitCode()).stateAt(clock.instant(), f));
    }

    /**
     * A TTHC controller's work list: every feedback of their unit and the units below it, the most urgent owed step
     * first (step due, then id), handled feedback last, each with its deadline state now.
     */
    @Transactional(readOnly = true)
    public Page<FeedbackView> list(Caller caller, Page.Request page) {
        String unitCode = Scope.requireOfficerUnit(caller);
        FeedbackActor actor = FeedbackService.actorOf(caller, units.tree());
        if (!actor.isController()) {
            throw DomainException.permissionDenied("the feedback work list is for TTHC controllers");
        }
        Page.Keyset after = Page.Keyset.of(page);
        List<Feedback> fetched =
                feedback.byStepDue(units.tree().subtreeCodes(unitCode), after.at(), after.id(), page.size() + 1);
        List<FeedbackView> items = inFull(fetched);
        return Page.of(
                items,
                page.size(),
                v -> Page.Keyset.key(
                        v.feedback().stepDueAt() == null
                                ? FeedbackRepository.NO_DUE_KEY
                                : v.feedback().stepDueAt(),
                        v.feedback().id()));
    }

    /**
     * A citizen's own feedback, the ones they sent online (matched by the citizen id in their token), newest first,
     * each in full with its deadline state now. Feedback an officer recorded for them on paper or by phone carries no
     * citizen id and is not listed.
     */
    @Transactional(readOnly = true)
    public Page<FeedbackView> listMine(Caller caller, Page.Request page) {
        FeedbackActor actor = FeedbackService.actorOf(caller, units.tree());
        if (!actor.isCitizen() || !actor.hasCitizenId()) {
            throw DomainException.permissionDenied("a citizen with a citizen id lists their own feedback");
        }
        Page.Keyset after = Page.Keyset.of(page);
        List<Feedback> fetched = feedback.bySender(actor.citizenId(), after.at(), after.id(), page.size() + 1);
        List<FeedbackView> items = inFull(fetched);
        return Page.of(
                items,
                page.size(),
                v -> Page.Keyset.key(v.feedback().receivedAt(), v.feedback().id()));
    }

    /** Feedback seen in full, each with its deadline state now (one work calendar per unit). */
    private List<FeedbackView> inFull(List<Feedback> fetched) {
        Instant now = clock.instant();
        Map<String, FeedbackDeadlines> byUnit = new HashMap<>();
        return fetched.stream()
                .map(f -> new FeedbackView(
                        f,
                        FeedbackAccess.View.FULL,
                        byUnit.computeIfAbsent(f.unitCode(), calendars::forUnit).stateAt(now, f)))
                .toList();
    }

    /** Public: published answers, of a unit and the units below it when given, newest first, without sender data. */
    @Transactional(readOnly = true)
    public Page<FeedbackView> listPublished(String unitCode, Page.Request page) {
        FeedbackValidator.publicUnit(unitCode);
        Set<String> scope = null;
        if (!FeedbackValidator.blank(unitCode)) {
            UnitTree tree = units.tree();
            tree.find(unitCode).orElseThrow(() -> DomainException.notFound("unit " + unitCode));
            scope = tree.subtreeCodes(unitCode);
        }
        Page.Keyset after = Page.Keyset.of(page);
        List<FeedbackView> items = feedback.published(scope, after.at(), after.id(), page.size() + 1).stream()
                .map(f -> new FeedbackView(f, FeedbackAccess.View.PUBLIC, null))
                .toList();
        return Page.of(
                items,
                page.size(),
                v -> Page.Keyset.key(v.feedback().publishedAt(), v.feedback().id()));
    }
}
