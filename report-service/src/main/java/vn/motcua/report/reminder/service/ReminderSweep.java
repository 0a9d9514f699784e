package vn.motcua.report.reminder.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.ids.RandomCodes;
import vn.motcua.report.reminder.domain.Audience;
import vn.motcua.report.reminder.domain.ContactRecord;
import vn.motcua.report.reminder.domain.NotificationKind;
import vn.motcua.report.reminder.domain.OpenAssignment;
import vn.motcua.report.reminder.domain.PlannedNotification;
import vn.motcua.report.reminder.domain.ReminderPlanner;
import vn.motcua.report.reminder.domain.ReminderPolicy;
import vn.motcua.report.reminder.domain.ReminderTexts;
import vn.motcua.report.reminder.domain.ReturnedReport;
import vn.motcua.report.reminder.domain.StoredNotification;
import vn.motcua.report.reminder.repository.NotificationRepository;
import vn.motcua.report.task.service.TaskClock;

/**
 * One pass of the reminders: (1) inserts the notifications {@link ReminderPlanner} finds due into the inbox
 * (task_notification, unique dedup_key: once, whoever inserts first), then (2) e-mails the unsent ones to the unit's
 * addresses (task_contact: assignee_emails for the ASSIGNEE audience, leader_emails for LEADER) through the
 * {@link NotificationPort}, and settles each with task.reminder_sent on the feed for DUE_SOON and OVERDUE.
 * <p>
 * Exactly one e-mail per notification, also when two passes race (two replicas for a moment): an e-mail is sent only
 * by the pass that claimed it ({@link NotificationRepository#claim}, a conditional UPDATE). A failed attempt keeps
 * its error and waits {@link ReminderSettings#retryAfter}; after {@code max-attempts} it is given up (emailed_to 0,
 * the error kept). A process that dies mid-conversation leaves its claim to lapse after {@link #CLAIM}, and the
 * e-mail is then sent again (at least once, never lost).
 */
@Singleton
public class ReminderSweep {

    /** How long a claimed e-mail is left to its sender: well beyond one SMTP conversation's timeouts. */
    static final Duration CLAIM = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(ReminderSweep.class);

    private final NotificationRepository notifications;
    private final NotificationPort port;
    private final ReminderEvents events;
    private final ReminderSettings settings;
    private final TaskClock clock;
    private final TransactionOperations<Connection> tx;

    public ReminderSweep(
            NotificationRepository notifications,
            NotificationPort port,
            ReminderEvents events,
            ReminderSettings settings,
            TaskClock clock,
            TransactionOperations<Connection> tx) {
        this.notifications = notifications;
        this.port = port;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.tx = tx;
    }

    /** What one pass did. */
    public record Result(int created, int emailed, int inAppOnly, int failed, int givenUp) {}

    /** One pass, whatever the lease (tests call it directly). */
    public Result sweepOnce() {
        return sweep(() -> true);
    }

    /**
     * One pass that stops e-mailing (with what it did so far) once {@code mayGoOn} says no; correctness does not
     * rest on it (the dedup key and the claim do), it only spares work another replica now does.
     */
    public Result sweep(BooleanSupplier mayGoOn) {
        int created = plan();
        int emailed = 0;
        int inAppOnly = 0;
        int failed = 0;
        int givenUp = 0;
        for (StoredNotification n : notifications.unsent(now(), settings.getBatch())) {
            if (!mayGoOn.getAsBoolean()) {
                break;
            }
            switch (deliver(n)) {
                case EMAILED -> emailed++;
                case IN_APP_ONLY -> inAppOnly++;
                case FAILED -> failed++;
                case GIVEN_UP -> givenUp++;
                case TAKEN -> {}
            }
        }
        if (created + emailed + failed + givenUp > 0) {
            LOG.info(
                    "Task reminders: {} notification(s) created, {} e-mailed, {} in-app only, {} failed (retried),"
                            + " {} given up",
                    created,
                    emailed,
                    inAppOnly,
                    failed,
                    givenUp);
        }
        return new Result(created, emailed, inAppOnly, failed, givenUp);
    }

    private int plan() {
        Instant now = now();
        ReminderPolicy policy = settings.policy();
        Duration horizon =
                policy.before().isEmpty() ? Duration.ZERO : policy.before().get(0);
        List<OpenAssignment> open = notifications.candidates(now.plus(horizon), settings.getBatch());
        List<ReturnedReport> returned = notifications.returnedUntold(settings.getBatch());
        Set<String> tasks = new HashSet<>();
        open.forEach(a -> tasks.add(a.taskId()));
        returned.forEach(r -> tasks.add(r.taskId()));
        Set<String> given = notifications.existingKeys(tasks);
        int created = 0;
        List<PlannedNotification> due = ReminderPlanner.plan(open, returned, policy, now, given);
        for (int i = 0; i < due.size(); i++) {
            PlannedNotification n = due.get(i);
            // one microsecond apart in the planner's order (ASSIGNED before the reminder of the same assignment): the
            // inbox (newest first) and the e-mails (oldest first) then keep the order in which they were planned
            Instant createdAt = now.plus(i, ChronoUnit.MICROS);
            // inserted unsettled even with e-mail off: the delivery below settles it (as in-app only) in the
            // transaction that writes task.reminder_sent, so the event is written once and never lost
            if (notifications.insert(RandomCodes.base32(20), n, createdAt, null)) {
                created++;
            }
        }
        return created;
    }

    private enum Outcome {
        EMAILED,
        IN_APP_ONLY,
        FAILED,
        GIVEN_UP,
        TAKEN
    }

    private Outcome deliver(StoredNotification n) {
        ContactRecord contact = notifications.contact(n.unitCode()).orElse(ContactRecord.none(n.unitCode()));
        List<String> to = n.audience() == Audience.LEADER ? contact.leaderEmails() : contact.assigneeEmails();
        if (!port.sendsEmail() || to.isEmpty()) {
            return settle(n, 0, null) ? Outcome.IN_APP_ONLY : Outcome.TAKEN;
        }
        Instant now = now();
        if (!notifications.claim(n.id(), n.emailAttempts(), now, now.plus(CLAIM))) {
            return Outcome.TAKEN;
        }
        int attempts = n.emailAttempts() + 1;
        try {
            int accepted = port.send(new NotificationPort.OutgoingMail(
                    to,
                    ReminderTexts.subject(n.kind(), n.taskTitle()),
                    ReminderTexts.body(n.message(), n.unitName(), n.unitCode())));
            settle(n, accepted, null);
            return Outcome.EMAILED;
        } catch (NotificationPort.DeliveryFailure e) {
            String error = "attempt " + attempts + ": " + e.getMessage();
            if (attempts >= settings.getMaxAttempts()) {
                LOG.warn("Reminder {} not e-mailed after {} attempts, given up: {}", n.id(), attempts, error);
                settle(n, 0, error);
                return Outcome.GIVEN_UP;
            }
            Instant next = now().plus(settings.retryAfter(attempts));
            LOG.warn("Reminder {} not e-mailed ({}), next attempt at {}", n.id(), error, next);
            notifications.failed(n.id(), error, next);
            return Outcome.FAILED;
        }
    }

    /** Records the e-mail's outcome and, for a reminder proper, task.reminder_sent, in one transaction. */
    private boolean settle(StoredNotification n, int emailedTo, String error) {
        return tx.executeWrite(status -> {
            if (!notifications.settle(n.id(), emailedTo, error == null ? null : cut(error))) {
                return false; // another pass settled it first
            }
            if (announced(n.kind())) {
                notifications.find(n.id()).ifPresent(events::reminderSent);
            }
            return true;
        });
    }

    /** task.reminder_sent is for reminders proper (before and after the deadline), not ASSIGNED or RETURNED. */
    private static boolean announced(NotificationKind kind) {
        return kind == NotificationKind.DUE_SOON || kind == NotificationKind.OVERDUE;
    }

    private static String cut(String error) {
        return error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    private Instant now() {
        return clock.now().truncatedTo(ChronoUnit.MICROS);
    }
}
