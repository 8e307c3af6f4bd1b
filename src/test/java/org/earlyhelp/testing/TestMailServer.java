package org.earlyhelp.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One SMTP server (GreenMail) for the whole test run, on a free port of this machine, and the mail
 * settings that point every application the tests start at it. Before, each test that read mail
 * started a server and gave its application its port, which made that application one of its own.
 * A test finds its own mails by recipient and subject ({@link #to}), never by position, because
 * other tests' mails arrive at the same server. An application given {@code spring.mail.host} by
 * its test keeps it. Registered in {@code META-INF/spring.factories}.
 */
public final class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static @Nullable GreenMail server;
    private static @Nullable ServerSetup setup;

    /** The server, started on first use and kept for the run. */
    public static synchronized GreenMail smtp() {
        if (server == null) {
            int port = FreePorts.next();
            setup = new ServerSetup(port, "127.0.0.1", "smtp");
            server = new GreenMail(setup);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestMailServer::stop, "test-mail-server-stop"));
        }
        return server;
    }

    public static int port() {
        smtp();
        return setupOrFail().getPort();
    }

    /** Stops the server (the mail server is down) until {@link #start} brings it back on the same port. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Brings a stopped server back on the same port, with no mail kept from before. */
    public static synchronized void start() {
        server = new GreenMail(setupOrFail());
        server.start();
    }

    private static synchronized ServerSetup setupOrFail() {
        if (setup == null) {
            throw new IllegalStateException("The test mail server was never started");
        }
        return setup;
    }

    /** The mails received so far to this address whose subject contains these words. */
    public static List<MimeMessage> to(String address, String subject) {
        return Arrays.stream(smtp().getReceivedMessages())
                .filter(matching(address, subject))
                .toList();
    }

    /** Waits until at least {@code count} such mails have arrived; returns those there are by then. */
    public static List<MimeMessage> await(String address, String subject, int count, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            List<MimeMessage> found = to(address, subject);
            if (found.size() >= count || System.nanoTime() > deadline) {
                return found;
            }
            Thread.sleep(100);
        }
    }

    private static Predicate<MimeMessage> matching(String address, String subject) {
        return m -> {
            try {
                return m.getSubject() != null
                        && m.getSubject().contains(subject)
                        && m.getAllRecipients() != null
                        && Arrays.stream(m.getAllRecipients())
                                .map(Address::toString)
                                .anyMatch(address::equalsIgnoreCase);
            } catch (MessagingException e) {
                return false;
            }
        };
    }

    /** Points the application at the server, unless its test named a mail server of its own. */
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (environment.containsProperty("spring.mail.host")) {
            return;
        }
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "test-mail-server", Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", port())));
    }
}
