package vn.motcua.report.reminder.service;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.report.reminder.domain.Audience;
import vn.motcua.report.reminder.domain.ContactRecord;
import vn.motcua.report.reminder.domain.StoredNotification;
import vn.motcua.report.reminder.repository.NotificationRepository;
import vn.motcua.report.scope.service.ReportScope;
import vn.motcua.report.scope.service.UnitNode;
import vn.motcua.report.task.service.TaskClock;

/**
 * A unit's reminder addresses and its in-app inbox.
 * <ul>
 *   <li>GetTaskContacts: officers whose subtree holds the unit.</li>
 *   <li>SetTaskContacts: unit_admin or unit_leader whose subtree holds the unit; at most 10 addresses per list.</li>
 *   <li>ListTaskNotifications: the caller's own unit's inbox; LEADER notifications only for a unit_leader.</li>
 *   <li>MarkTaskNotificationRead: a notification that inbox holds; any other is NOT_FOUND (never revealed).</li>
 * </ul>
 * Machines (client-credentials tokens) are refused: reminders are for people.
 */
@Singleton
public class NotificationService {

    public static final int MAX_ADDRESSES = 10;
    private static final int DEFAULT_PAGE = 50;
    private static final int MAX_PAGE = 200;
    // deliberately narrower than RFC 5321 (no quoted local parts, no IP literals): what a government mailbox looks
    // like, and nothing that could break out of an SMTP header
    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private final ReportScope scope;
    private final NotificationRepository notifications;
    private final TaskClock clock;

    public NotificationService(ReportScope scope, NotificationRepository notifications, TaskClock clock) {
        this.scope = scope;
        this.notifications = notifications;
        this.clock = clock;
    }

    public ContactRecord contacts(Caller caller, String unitCode) {
        refuseMachines(caller);
        UnitNode unit = scope.readable(caller, unitCode);
        return notifications.contact(unit.code()).orElse(ContactRecord.none(unit.code()));
    }

    public ContactRecord setContacts(
            Caller caller, String unitCode, List<String> assigneeEmails, List<String> leaderEmails) {
        refuseMachines(caller);
        if (!caller.hasRole(Roles.UNIT_ADMIN) && !caller.hasRole(Roles.UNIT_LEADER)) {
            throw DomainException.permissionDenied("this needs the role unit_admin or unit_leader");
        }
        UnitNode unit = scope.readable(caller, unitCode);
        List<FieldViolation> violations = new ArrayList<>();
        List<String> assignees = addresses("assignee_emails", assigneeEmails, violations);
        List<String> leaders = addresses("leader_emails", leaderEmails, violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        ContactRecord saved = new ContactRecord(unit.code(), assignees, leaders, caller.username(), now());
        notifications.saveContact(saved);
        return saved;
    }

    /** A page of the caller's unit's inbox and its unread count. */
    public record Inbox(List<StoredNotification> notifications, String nextPageToken, int unread) {}

    public Inbox inbox(Caller caller, boolean unreadOnly, int pageSize, String pageToken) {
        refuseMachines(caller);
        UnitNode unit = scope.readable(caller, "");
        List<FieldViolation> violations = new ArrayList<>();
        if (pageSize < 0 || pageSize > MAX_PAGE) {
            violations.add(new FieldViolation("page_size", "must be between 1 and " + MAX_PAGE));
        }
        Instant afterCreated = null;
        String afterId = null;
        if (pageToken != null && !pageToken.isEmpty()) {
            try {
                String[] key =
                        new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8).split("/", 2);
                afterCreated = Instant.parse(key[0]);
                afterId = key[1];
            } catch (RuntimeException e) {
                violations.add(new FieldViolation("page_token", "is not a token this service issued"));
            }
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        int size = pageSize == 0 ? DEFAULT_PAGE : pageSize;
        List<Audience> audiences = audiences(caller);
        List<StoredNotification> rows =
                notifications.inbox(unit.code(), audiences, unreadOnly, afterCreated, afterId, size + 1);
        String next = "";
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            StoredNotification last = rows.get(size - 1);
            next = Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((last.createdAt() + "/" + last.id()).getBytes(StandardCharsets.UTF_8));
        }
        return new Inbox(List.copyOf(rows), next, notifications.unread(unit.code(), audiences));
    }

    public StoredNotification markRead(Caller caller, String notificationId) {
        refuseMachines(caller);
        UnitNode unit = scope.readable(caller, "");
        if (notificationId == null || notificationId.isBlank()) {
            throw DomainException.invalid("notification_id", "is required");
        }
        StoredNotification n = notifications
                .find(notificationId.strip())
                .filter(found -> found.unitCode().equals(unit.code()))
                .filter(found -> audiences(caller).contains(found.audience()))
                .orElseThrow(() -> DomainException.notFound("notification " + notificationId));
        notifications.markRead(n.id(), now());
        return notifications.find(n.id()).orElseThrow();
    }

    private static List<Audience> audiences(Caller caller) {
        return caller.hasRole(Roles.UNIT_LEADER)
                ? List.of(Audience.ASSIGNEE, Audience.LEADER)
                : List.of(Audience.ASSIGNEE);
    }

    /** Trimmed, lower-cased, duplicates dropped; each address checked, at most {@link #MAX_ADDRESSES}. */
    static List<String> addresses(String field, List<String> given, List<FieldViolation> violations) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String address = given.get(i) == null ? "" : given.get(i).strip();
            if (address.length() > 254 || !ADDRESS.matcher(address).matches()) {
                violations.add(new FieldViolation(field, "\"" + shorten(address) + "\" is not an e-mail address"));
                continue;
            }
            kept.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
        }
        if (kept.size() > MAX_ADDRESSES) {
            violations.add(new FieldViolation(field, "at most " + MAX_ADDRESSES + " addresses"));
        }
        return List.copyOf(kept.keySet());
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /**
     * A client-credentials token: Keycloak names a client's service-account user service-account-<client id> and
     * issues its tokens to that client, so both agree only for a machine (as the gateway's MachineCallers tells).
     */
    private static void refuseMachines(Caller caller) {
        String username = caller.username();
        String client = caller.clientId();
        if (username != null
                && client != null
                && !client.isBlank()
                && username.equalsIgnoreCase("service-account-" + client.toLowerCase(Locale.ROOT))) {
            throw DomainException.permissionDenied("task reminders are for people, not machines");
        }
    }

    private Instant now() {
        return clock.now().truncatedTo(ChronoUnit.MICROS);
    }
}
