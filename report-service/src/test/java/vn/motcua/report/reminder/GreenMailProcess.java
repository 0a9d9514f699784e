package vn.motcua.report.reminder;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server in a process of its own: GreenMail's standalone jar (copied to target/greenmail by the
 * maven-dependency-plugin before the ITs run), bound to loopback, SMTP to receive what report-service sends and IMAP
 * to read the mailboxes back over the protocol, the way a person's mail client would. Authentication is off, so any
 * address is a mailbox (login = the address).
 */
public final class GreenMailProcess implements AutoCloseable {

    private static final Path JAR =
            Path.of(System.getProperty("motcua.test.greenmail-jar", "target/greenmail/greenmail-standalone.jar"));

    private final int smtpPort;
    private final int imapPort;
    private final Path log;
    private Process process;

    public GreenMailProcess(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        try {
            this.log = Files.createTempFile("greenmail-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Starts the server and waits until both ports answer. */
    public GreenMailProcess start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the ITs through Maven (verify), "
                    + "which copies greenmail-standalone there in pre-integration-test");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            process = new ProcessBuilder(
                            java,
                            "-Xmx96m",
                            "-Dgreenmail.smtp.hostname=127.0.0.1",
                            "-Dgreenmail.smtp.port=" + smtpPort,
                            "-Dgreenmail.imap.hostname=127.0.0.1",
                            "-Dgreenmail.imap.port=" + imapPort,
                            "-Dgreenmail.auth.disabled",
                            "-jar",
                            JAR.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!(answers(smtpPort) && answers(imapPort))) {
            if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("GreenMail did not come up; its log: " + readLog());
            }
            sleep(100);
        }
        return this;
    }

    /** Stops the server (its mailboxes are in memory and go with it); the SMTP port refuses connections after. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
        while (answers(smtpPort) && Instant.now().isBefore(giveUp)) {
            sleep(100);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** One received e-mail as read over IMAP. */
    public record Mail(String subject, String body, List<String> to, String from, String autoSubmitted) {}

    /** The INBOX of {@code address}, oldest first. */
    public List<Mail> inbox(String address) {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "10000");
        props.put("mail.imap.timeout", "10000");
        Session session = Session.getInstance(props);
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Mail> mails = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    MimeMessage mime = (MimeMessage) m;
                    List<String> to = new ArrayList<>();
                    for (var a : mime.getRecipients(Message.RecipientType.TO)) {
                        to.add(a.toString());
                    }
                    String[] auto = mime.getHeader("Auto-Submitted");
                    mails.add(new Mail(
                            mime.getSubject(),
                            mime.getContent().toString(),
                            to,
                            mime.getFrom()[0].toString(),
                            auto == null ? null : auto[0]));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read the mailbox of " + address + " over IMAP", e);
        }
    }

    private String readLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
