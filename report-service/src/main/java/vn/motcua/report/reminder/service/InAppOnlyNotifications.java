package vn.motcua.report.reminder.service;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** No SMTP server configured (motcua.report.tasks.mail.enabled false, the default): the inbox is the only channel. */
@Singleton
@Requires(property = "motcua.report.tasks.mail.enabled", notEquals = "true")
public class InAppOnlyNotifications implements NotificationPort {

    @Override
    public boolean sendsEmail() {
        return false;
    }

    @Override
    public int send(OutgoingMail mail) {
        throw new IllegalStateException("e-mail is disabled (motcua.report.tasks.mail.enabled)");
    }
}
