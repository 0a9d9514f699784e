package vn.motcua.report.reminder.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * The SMTP server reminders are e-mailed through ({@code motcua.report.tasks.mail}). The password is never a
 * property: it is read from the environment variable {@code MOTCUA_SMTP_PASSWORD} only (a Kubernetes Secret), so it
 * cannot end up in a ConfigMap or a committed file.
 * <ul>
 *   <li>{@code enabled}: default false: notifications stay in the in-app inbox (emailed_to 0)</li>
 *   <li>{@code host}, {@code port}: default localhost:25</li>
 *   <li>{@code from}: the sender address</li>
 *   <li>{@code username}: empty: no SMTP authentication</li>
 *   <li>{@code starttls}: require STARTTLS before anything is sent (credentials and addresses never go in clear),
 *       default true</li>
 *   <li>{@code timeout}: connect, read and write timeout of one SMTP conversation, default 10s</li>
 * </ul>
 */
@ConfigurationProperties("motcua.report.tasks.mail")
public class MailSettings {

    public static final String PASSWORD_VARIABLE = "MOTCUA_SMTP_PASSWORD";

    private boolean enabled;
    private String host = "localhost";
    private int port = 25;
    private String from = "motcua-nhac-viec@localhost";
    private String username = "";
    private boolean starttls = true;
    private Duration timeout = Duration.ofSeconds(10);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? "" : username;
    }

    public boolean isStarttls() {
        return starttls;
    }

    public void setStarttls(boolean starttls) {
        this.starttls = starttls;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
