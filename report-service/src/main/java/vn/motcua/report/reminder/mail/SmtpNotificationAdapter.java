package vn.motcua.report.reminder.mail;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.report.reminder.service.NotificationPort;

/**
 * Reminder e-mails over SMTP with Jakarta Mail (Eclipse Angus). One conversation per e-mail, bounded by
 * {@code timeout}; partial delivery is allowed ({@code mail.smtp.sendpartial}): an address the server refuses does
 * not stop the others, and emailed_to counts the accepted ones. Marked {@code Auto-Submitted: auto-generated}
 * (RFC 3834) so out-of-office replies are not sent back.
 */
@Singleton
@Requires(property = "motcua.report.tasks.mail.enabled", value = "true")
public class SmtpNotificationAdapter implements NotificationPort {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpNotificationAdapter.class);

    private final MailSettings settings;
    private final Session session;
    private final InternetAddress from;
    private final String password;

    public SmtpNotificationAdapter(MailSettings settings) {
        this.settings = settings;
        this.password = System.getenv(MailSettings.PASSWORD_VARIABLE);
        try {
            this.from = new InternetAddress(settings.getFrom(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("motcua.report.tasks.mail.from is not an e-mail address", e);
        }
        String timeout = Long.toString(settings.getTimeout().toMillis());
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", settings.getHost());
        props.put("mail.smtp.port", Integer.toString(settings.getPort()));
        props.put("mail.smtp.connectiontimeout", timeout);
        props.put("mail.smtp.timeout", timeout);
        props.put("mail.smtp.writetimeout", timeout);
        props.put("mail.smtp.sendpartial", "true");
        props.put("mail.smtp.from", settings.getFrom());
        if (settings.isStarttls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        boolean auth = !settings.getUsername().isBlank();
        props.put("mail.smtp.auth", Boolean.toString(auth));
        if (auth && (password == null || password.isEmpty())) {
            LOG.warn(
                    "motcua.report.tasks.mail.username is set but {} is empty: the server will likely refuse us",
                    MailSettings.PASSWORD_VARIABLE);
        }
        this.session = Session.getInstance(props);
        LOG.info(
                "Task reminders are e-mailed through {}:{} as {} (STARTTLS {})",
                settings.getHost(),
                settings.getPort(),
                settings.getFrom(),
                settings.isStarttls() ? "required" : "off");
    }

    @Override
    public boolean sendsEmail() {
        return true;
    }

    @Override
    public int send(OutgoingMail mail) {
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(from);
            for (String to : mail.to()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            }
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            message.saveChanges();
        } catch (MessagingException e) {
            throw new DeliveryFailure("could not build the e-mail: " + e.getMessage(), e);
        }
        try {
            if (settings.getUsername().isBlank()) {
                Transport.send(message);
            } else {
                Transport.send(message, settings.getUsername(), password == null ? "" : password);
            }
            return mail.to().size();
        } catch (SendFailedException partial) {
            Address[] sent = partial.getValidSentAddresses();
            if (sent != null && sent.length > 0) {
                LOG.warn(
                        "Reminder e-mail accepted for {} of {} addresses: {}",
                        sent.length,
                        mail.to().size(),
                        partial.getMessage());
                return sent.length;
            }
            throw new DeliveryFailure(describe(partial), partial);
        } catch (MessagingException e) {
            throw new DeliveryFailure(describe(e), e);
        }
    }

    /** The failure and its causes in one line (the cause says "Connection refused", the top only "Couldn't connect"). */
    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder();
        Throwable t = e;
        while (t != null && text.length() < 900) {
            if (!text.isEmpty()) {
                text.append(": ");
            }
            text.append(t.getClass().getSimpleName())
                    .append(' ')
                    .append(String.valueOf(t.getMessage()).strip());
            t = t.getCause() == t ? null : t.getCause();
        }
        return text.toString();
    }
}
