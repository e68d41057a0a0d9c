package demo.reload4j;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.FileAppender;
import org.apache.log4j.Level;
import org.apache.log4j.LogManager;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;
import org.apache.log4j.net.SocketAppender;
import org.apache.log4j.spi.LoggingEvent;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The careless application of {@link Reload4jApp}, shipping its events to a log server with Log4j 1.2's
 * SocketAppender (Java-serialised events, not text). Argument: the server's port on the loopback address; the
 * system property {@code out} names the directory of its log file. Configured in code. The root logger has, in
 * this order: an appender that notes what each event holds, the socket appender, a file appender (text) and an appender that checks each event still holds what
 * it held before it was shipped (the socket appender serialises the application's own event object); the count
 * is printed at the end. After the last event ("socket-done") it waits for a line on stdin before it shuts
 * logging down.
 */
public class SocketApp {
    private static final Logger log = Logger.getLogger("demo.Shipped");

    public static void main(String[] args) throws Exception {
        Logger root = Logger.getRootLogger();
        root.setLevel(Level.INFO);
        Map<LoggingEvent, String> before = new IdentityHashMap<>();
        root.addAppender(new EventCheck(before, null));
        SocketAppender socket = new SocketAppender("127.0.0.1", Integer.parseInt(args[0]));
        socket.setName("SOCKET");
        root.addAppender(socket);
        root.addAppender(new FileAppender(new PatternLayout("%-5p [%t] %c mdc=%X{session.token} ndc=%x %m%n"),
                System.getProperty("out") + "/app.log"));
        EventCheck after = new EventCheck(before, before);
        root.addAppender(after);

        for (String secret : demo.support.CarelessApp.secrets()) {
            logEverything(secret);
            Thread worker = new Thread(() -> log.info("from a thread named after the secret"), "worker " + secret);
            worker.start();
            worker.join();
        }
        log.info("socket-done");
        System.out.println("events unchanged after shipping: " + after.checked + " checked, " + after.changed + " changed");
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
        LogManager.shutdown();
    }

    static void logEverything(String secret) {
        Reload4jApp.logMessageContextAndExceptions(log, secret);
        log.info(new Credentials("admin", secret)); // a message object: rendered when shipped
        log.info(String.format("user=%s password=%s", "admin", secret));
    }

    /** An application object logged as the message: Log4j 1.2 renders it (toString) for the appenders. */
    static final class Credentials {
        private final String user;
        private final String password;

        Credentials(String user, String password) {
            this.user = user;
            this.password = password;
        }

        @Override
        public String toString() {
            return "Credentials{user=" + user + ", password=" + password + "}";
        }
    }

    /**
     * Without {@code expected}: notes what each event holds. With it: compares, once the other appenders are done,
     * and counts events that changed. Only counts are printed, never an event's content.
     */
    static final class EventCheck extends AppenderSkeleton {
        private final Map<LoggingEvent, String> notes;
        private final Map<LoggingEvent, String> expected;
        int checked;
        int changed;

        EventCheck(Map<LoggingEvent, String> notes, Map<LoggingEvent, String> expected) {
            this.notes = notes;
            this.expected = expected;
        }

        @Override
        protected void append(LoggingEvent event) {
            String now = event.getRenderedMessage() + '|' + event.getThreadName() + '|' + event.getNDC() + '|'
                    + event.getProperties() + '|' + Arrays.toString(event.getThrowableStrRep()) + '|'
                    + (event.getMessage() instanceof Credentials);
            if (expected == null) {
                notes.put(event, now);
                return;
            }
            checked++;
            if (!now.equals(expected.remove(event))) {
                changed++;
            }
        }

        @Override
        public void close() {
        }

        @Override
        public boolean requiresLayout() {
            return false;
        }
    }
}
