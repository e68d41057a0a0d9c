package demo.log4j2;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

/**
 * The careless application of {@link Log4j2App}, shipping its events to a log server with Log4j2's
 * SocketAppender (TCP; pattern layout on one connection, JSON template layout on another; ports in the
 * system properties {@code socket.port.pattern} and {@code socket.port.json}, see log4j2-socket.xml).
 */
public class SocketApp {
    public static void main(String[] args) {
        System.setProperty("log4j2.configurationFile", "log4j2-socket.xml");
        Logger log = LogManager.getLogger("demo.Shipped");
        for (String secret : Log4j2App.secrets()) {
            log.info("connecting with password " + secret);
            log.info("connecting with {}", secret);
            log.info("two arguments {} and {}", "user", secret);
            ThreadContext.put("session.token", secret);
            log.info("with a secret in the ThreadContext");
            ThreadContext.remove("session.token");
            log.error("exception message", new IllegalStateException("bad password " + secret));
            log.error("a cause", new RuntimeException("outer", new java.io.IOException("inner " + secret)));
            RuntimeException withSuppressed = new RuntimeException("main failure");
            withSuppressed.addSuppressed(new IllegalArgumentException("suppressed " + secret));
            log.error("a suppressed exception", withSuppressed);
        }
        LogManager.shutdown(); // closes the connections: the server sees the end of each stream
    }
}
