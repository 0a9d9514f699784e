package vn.motcua.report.reminder.service;

import java.util.List;

/**
 * Where a notification goes beyond the in-app inbox (task_notification, always written first): an e-mail to the
 * unit's reminder addresses. {@link vn.motcua.report.reminder.mail.SmtpNotificationAdapter} when
 * {@code motcua.report.tasks.mail.enabled}, {@link InAppOnlyNotifications} otherwise.
 */
public interface NotificationPort {

    /** False: nothing leaves the inbox (no server configured); every notification is recorded as emailed to 0. */
    boolean sendsEmail();

    /**
     * Sends one e-mail.
     *
     * @return how many of {@code to} the server accepted (at least 1)
     * @throws DeliveryFailure when the server could not be reached or accepted no recipient: tried again later
     */
    int send(OutgoingMail mail);

    /** One e-mail, plain UTF-8 text. */
    record OutgoingMail(List<String> to, String subject, String body) {}

    /** The e-mail was not sent; the message is kept in task_notification.email_error. */
    class DeliveryFailure extends RuntimeException {
        public DeliveryFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
