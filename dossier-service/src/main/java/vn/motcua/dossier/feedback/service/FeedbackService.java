package vn.motcua.dossier.feedback.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.feedback.domain.Feedback;
import vn.motcua.dossier.feedback.domain.FeedbackAccess;
import vn.motcua.dossier.feedback.domain.FeedbackActor;
import vn.motcua.dossier.feedback.domain.FeedbackClass;
import vn.motcua.dossier.feedback.domain.FeedbackDeadlines;
import vn.motcua.dossier.feedback.domain.FeedbackDecision;
import vn.motcua.dossier.feedback.domain.FeedbackEvent;
import vn.motcua.dossier.feedback.domain.FeedbackStateMachine;
import vn.motcua.dossier.feedback.domain.Intake;
import vn.motcua.dossier.feedback.domain.Reaction;
import vn.motcua.dossier.feedback.domain.Sender;
import vn.motcua.dossier.feedback.repository.FeedbackRepository;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.idempotency.RequestIdempotency;

/**
 * Feedback commands (Decree 20/2008 Art 9, 14, 19; domain.md §13). Each one checks the caller's role before
 * anything is read, then, in one transaction: claims the request id, locks the feedback in scope (NOT_FOUND
 * otherwise), asks the pure state machine, and writes the change and one change-feed event. A refusal rolls
 * everything back, the request-id claim included, so nothing is written and the request may be retried.
 *
 * <p>Late steps are recorded, not refused: a forwarding after the 5 working days of Art 9 (or an answer after the
 * answer limit) still has to happen, and PETITION_PROCESSING_ON_TIME counts it as late through the in-time flags.
 */
@Singleton
public class FeedbackService {

    static final String SUBMIT = "SubmitFeedback";
    static final String CLASSIFY = "ClassifyFeedback";
    static final String FORWARD = "ForwardFeedback";
    static final String ANSWER = "AnswerFeedback";
    static final String PUBLISH = "PublishFeedbackAnswer";

    private final TransactionOperations<Connection> tx;
    private final FeedbackRepository feedback;
    private final RequestIdempotency idempotency;
    private final UnitDirectory units;
    private final FeedbackCalendars calendars;
    private final FeedbackFeed feed;
    private final Clock clock;
    private final FeedbackStateMachine machine = new FeedbackStateMachine();

    public FeedbackService(
            TransactionOperations<Connection> tx,
            FeedbackRepository feedback,
            RequestIdempotency idempotency,
            UnitDirectory units,
            FeedbackCalendars calendars,
            FeedbackFeed feed,
            Clock clock) {
        this.tx = tx;
        this.feedback = feedback;
        this.idempotency = idempotency;
        this.units = units;
        this.calendars = calendars;
        this.feed = feed;
        this.clock = clock;
    }

    /**
     * A citizen files a feedback (the citizen id comes from the token and is kept privately), or an intake officer
     * records a written or phoned-in one for a unit in their subtree. The unit owes its classification within
     * 5 working days of its work calendar.
     */
    public FeedbackView submit(Caller caller, SubmitFeedbackCommand command) {
        Instant now = now();
        UnitTree tree = units.tree();
        FeedbackActor actor = actorOf(caller, tree);
        machine.checkRole(FeedbackEvent.RECEIVE, actor, null).ifPresent(r -> {
            throw FeedbackErrors.rejected(r);
        });
        FeedbackValidator.submit(command);
        tree.find(command.unitCode())
                .filter(u -> u.activeOn(WorkCalendar.localDate(now)))
                .orElseThrow(() -> DomainException.notFound("unit " + command.unitCode()));
        if (machine.decideReceive(command.unitCode(), actor) instanceof FeedbackDecision.Rejected r) {
            throw FeedbackErrors.rejected(r);
        }
        boolean recorded = actor.isIntakeOfficer();
        Sender sender = new Sender(
                command.senderName().strip(),
                FeedbackValidator.blankToNull(command.senderAddress()),
                FeedbackValidator.blankToNull(command.senderContact()),
                recorded ? null : actor.citizenId());
        FeedbackDeadlines deadlines = calendars.forUnit(command.unitCode());
        return tx.executeWrite(status -> {
            RequestIdempotency.Claim claim =
                    idempotency.claim(caller, SUBMIT, command.requestId(), command.fingerprint(), now);
            if (claim.isReplay()) {
                return replayed(claim, now);
            }
            Feedback created = Feedback.received(
                    UUID.randomUUID().toString(),
                    command.unitCode(),
                    command.title().strip(),
                    command.content(),
                    sender,
                    recorded ? Intake.OFFICER_RECORDED : Intake.CITIZEN_ONLINE,
                    FeedbackValidator.blankToNull(command.dossierCode()),
                    now,
                    deadlines);
            feedback.insert(created, caller.subject());
            claim.complete(created.id());
            feed.append(FeedbackEvent.RECEIVE, null, created, now);
            return new FeedbackView(created, FeedbackAccess.View.FULL, deadlines.stateAt(now, created));
        });
    }

    /** NOT_ACCEPTED refuses the feedback; every other class takes it into processing. */
    public FeedbackView classify(Caller caller, String requestId, String id, FeedbackClass as, String note) {
        FeedbackValidator.step(requestId, id)
                .required("classification", as)
                .text("note", note, false, FeedbackValidator.NOTE_MAX, false)
                .done();
        return step(
                caller,
                CLASSIFY,
                requestId,
                id,
                FeedbackEvent.CLASSIFY,
                as,
                RequestIdempotency.fingerprint(id, as, note),
                (f, now, d) -> f.classify(as, FeedbackValidator.blankToNull(note), now, d));
    }

    /** Staff behaviour and regulations of other agencies go to the competent agency. */
    public FeedbackView forward(Caller caller, String requestId, String id, String to, String note) {
        FeedbackValidator.step(requestId, id)
                .text("forwarded_to", to, true, 300, true)
                .text("note", note, false, FeedbackValidator.NOTE_MAX, false)
                .done();
        return step(
                caller,
                FORWARD,
                requestId,
                id,
                FeedbackEvent.FORWARD,
                null,
                RequestIdempotency.fingerprint(id, to, note),
                (f, now, d) -> f.forward(to.strip(), FeedbackValidator.blankToNull(note), now, d));
    }

    /** The unit's answer to a regulation within its competence; it then waits for publication. */
    public FeedbackView answer(Caller caller, String requestId, String id, String text) {
        FeedbackValidator.step(requestId, id)
                .text("answer", text, true, FeedbackValidator.CONTENT_MAX, false)
                .done();
        return step(
                caller,
                ANSWER,
                requestId,
                id,
                FeedbackEvent.ANSWER,
                null,
                RequestIdempotency.fingerprint(id, text),
                (f, now, d) -> f.answer(text, now, d));
    }

    public FeedbackView publish(Caller caller, String requestId, String id) {
        FeedbackValidator.step(requestId, id).done();
        return step(
                caller,
                PUBLISH,
                requestId,
                id,
                FeedbackEvent.PUBLISH,
                null,
                RequestIdempotency.fingerprint(id),
                (f, now, d) -> f.publish(now, d));
    }

    /**
     * A citizen's like or dislike of a published answer: one per citizen, which they may change. Repeating the
     * current reaction changes nothing and writes nothing, so the call is naturally idempotent.
     */
    public FeedbackView react(Caller caller, String id, Reaction reaction) {
        Instant now = now();
        FeedbackActor actor = actorOf(caller, units.tree());
        machine.checkRole(FeedbackEvent.REACT, actor, null).ifPresent(r -> {
            throw FeedbackErrors.rejected(r);
        });
        FeedbackValidator.step(null, id).required("reaction", reaction).done();
        return tx.executeWrite(status -> {
            Feedback before = feedback.lock(id).orElseThrow(FeedbackErrors::notFound);
            if (machine.decide(before, FeedbackEvent.REACT, null, actor) instanceof FeedbackDecision.Rejected r) {
                throw FeedbackErrors.rejected(r);
            }
            FeedbackDeadlines deadlines = calendars.forUnit(before.unitCode());
            FeedbackAccess.View view = FeedbackAccess.viewFor(actor, before).orElseThrow();
            Optional<Reaction> previous = feedback.reactionOf(id, actor.citizenId());
            if (previous.isPresent() && previous.get() == reaction) {
                return new FeedbackView(before, view, deadlines.stateAt(now, before));
            }
            Feedback after = before.react(previous.orElse(null), reaction);
            feedback.saveReaction(id, actor.citizenId(), reaction, previous.isPresent(), now);
            feedback.update(after);
            feed.appendReaction(before.state(), after, now, reaction, previous.orElse(null));
            return new FeedbackView(after, view, deadlines.stateAt(now, after));
        });
    }

    private FeedbackView step(
            Caller caller,
            String operation,
            String requestId,
            String id,
            FeedbackEvent event,
            FeedbackClass classification,
            String fingerprint,
            Step change) {
        Instant now = now();
        FeedbackActor actor = actorOf(caller, units.tree());
        machine.checkRole(event, actor, null).ifPresent(r -> {
            throw FeedbackErrors.rejected(r);
        });
        return tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = idempotency.claim(caller, operation, requestId, fingerprint, now);
            if (claim.isReplay()) {
                return replayed(claim, now);
            }
            Feedback before = feedback.lock(id).orElseThrow(FeedbackErrors::notFound);
            if (machine.decide(before, event, classification, actor) instanceof FeedbackDecision.Rejected r) {
                throw FeedbackErrors.rejected(r);
            }
            FeedbackDeadlines deadlines = calendars.forUnit(before.unitCode());
            Feedback after = change.apply(before, now, deadlines);
            feedback.update(after);
            claim.complete(after.id());
            feed.append(event, before.state(), after, now);
            return new FeedbackView(after, FeedbackAccess.View.FULL, deadlines.stateAt(now, after));
        });
    }

    /** The feedback as it is now, for a repeated request id: same resource, current state. */
    private FeedbackView replayed(RequestIdempotency.Claim claim, Instant now) {
        Feedback current = feedback.find(claim.resultRef())
                .orElseThrow(() -> new IllegalStateException("replayed feedback missing"));
        return new FeedbackView(
                current,
                FeedbackAccess.View.FULL,
                calendars.forUnit(current.unitCode()).stateAt(now, current));
    }

    private Instant now() {
        // stored with microsecond precision: answer with exactly what a later read returns
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The caller from the token: roles, the subtree of the officer's unit, the citizen's id. */
    static FeedbackActor actorOf(Caller caller, UnitTree tree) {
        Set<String> scope = caller.unit().map(tree::subtreeCodes).orElse(Set.of());
        return new FeedbackActor(caller.roles(), scope, caller.citizen().orElse(null));
    }

    @FunctionalInterface
    private interface Step {
        Feedback apply(Feedback before, Instant now, FeedbackDeadlines deadlines);
    }
}
