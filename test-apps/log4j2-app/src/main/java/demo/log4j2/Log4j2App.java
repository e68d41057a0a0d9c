package demo.log4j2;

import static demo.support.CarelessApp.secrets;
import static demo.support.CarelessApp.waitIfAsked;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

import java.util.Map;

/**
 * A careless application on Log4j2: it logs its secrets in every way people do and knows nothing of any agent.
 * Outputs go to the directory named by the system property {@code out} (see log4j2.xml).
 */
public class Log4j2App {
    private static final Logger log = LogManager.getLogger("demo.Orders");
    private static final Logger async = LogManager.getLogger("demo.Async");
    private static final Logger rolling = LogManager.getLogger("demo.Rolling");

    public static void main(String[] args) throws Exception {
        waitIfAsked(args);
        for (String secret : secrets()) {
            logCarelessly(log, secret);
            async.info("async appender {}", secret);
            for (int i = 0; i < 200; i++) {
                rolling.info("rolling line {} password={}", i, secret);
            }
            new IllegalStateException("printed stack trace " + secret).printStackTrace();
        }
        Map<String, String> env = System.getenv();
        log.info("environment: {}", env);
        System.out.println("stdout environment: " + env);
        LogManager.shutdown();
    }

    /** The secret in the message, an argument, the ThreadContext, an exception, a cause and a suppressed one. */
    static void logCarelessly(Logger log, String secret) {
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


}
