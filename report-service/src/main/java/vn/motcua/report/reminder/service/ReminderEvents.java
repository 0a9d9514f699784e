package vn.motcua.report.reminder.service;

import vn.motcua.report.reminder.domain.StoredNotification;

/**
 * The change feed's task.reminder_sent (written by reminder/grpc's ReminderFeed, which owns the proto payload):
 * appended in the transaction that settles the notification's e-mail, so it is written once and carries emailed_to.
 */
public interface ReminderEvents {

    /** Must run inside the settling transaction. */
    void reminderSent(StoredNotification settled);
}
