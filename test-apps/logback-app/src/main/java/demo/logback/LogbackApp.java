package demo.logback;

import static demo.support.CarelessApp.secrets;
import static demo.support.CarelessApp.waitIfAsked;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Map;

/**
 * A careless application: it logs its secrets in every way people do. It knows nothing of any agent.
 * Outputs go to the directory named by the system property {@code out} (see logback.xml).
 * Secrets: {@code APP_PASSWORD} and {@code APP_TOKEN} from the environment, or {@code db.password} from its
 * configuration (a system property), whichever is set.
 */
public class LogbackApp {
    private static final Logger log = LoggerFactory.getLogger("demo.Orders");
    private static final Logger async = LoggerFactory.getLogger("demo.Async");
    private static final Logger rolling = LoggerFactory.getLogger("demo.Rolling");
    private static final Logger converter = LoggerFactory.getLogger("demo.Converter");

    public static void main(String[] args) throws Exception {
        waitIfAsked(args);
        for (String secret : secrets()) {
            logEverything(secret);
        }
        try {
            // only in the Logback 1.5 build: JUL and Log4j API routed into Logback
            Class.forName("demo.logback.Bridges").getMethod("run", String.class).invoke(null, secrets()[0]);
        } catch (ClassNotFoundException absent) {
            // the Logback 1.2 build has no bridges
        }
        Map<String, String> env = System.getenv();
        log.info("environment: {}", env);
        System.out.println("stdout environment: " + env);
        ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).stop(); // flush async and files
    }


    static void logEverything(String secret) {
        log.info("connecting with password " + secret);
        log.info("connecting with {}", secret);
        log.info("two arguments {} and {}", "user", secret);
        // a secret split between the template (a constant the application built) and an argument
        int cut = secret.length() / 2;
        log.info("split key " + secret.substring(0, cut) + "{} across template and argument", secret.substring(cut));
        converter.info("a clean message; the custom converter adds the secret");
        MDC.put("session.token", secret);
        log.info("with a secret in the MDC");
        MDC.remove("session.token");
        log.error("exception message", new IllegalStateException("bad password " + secret));
        log.error("a cause", new RuntimeException("outer", new java.io.IOException("inner " + secret)));
        RuntimeException withSuppressed = new RuntimeException("main failure");
        withSuppressed.addSuppressed(new IllegalArgumentException("suppressed " + secret));
        log.error("a suppressed exception", withSuppressed);
        async.info("async appender {}", secret);
        for (int i = 0; i < 200; i++) {
            rolling.info("rolling line {} password={}", i, secret);
        }
        new IllegalStateException("printed stack trace " + secret).printStackTrace();
    }

}
