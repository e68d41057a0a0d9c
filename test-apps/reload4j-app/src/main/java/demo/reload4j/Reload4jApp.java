package demo.reload4j;

import static demo.support.CarelessApp.secrets;
import static demo.support.CarelessApp.waitIfAsked;

import org.apache.log4j.AsyncAppender;
import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.FileAppender;
import org.apache.log4j.Level;
import org.apache.log4j.LogManager;
import org.apache.log4j.Logger;
import org.apache.log4j.MDC;
import org.apache.log4j.NDC;
import org.apache.log4j.PatternLayout;
import org.apache.log4j.RollingFileAppender;
import org.apache.log4j.xml.XMLLayout;

import java.util.Map;

/**
 * A careless application on the Log4j 1.2 API (reload4j): it logs its secrets in every way people do and knows
 * nothing of any agent. Configured in code (as many Log4j 1.2 applications are); outputs go to the directory
 * named by the system property {@code out}.
 */
public class Reload4jApp {
    private static final Logger log = Logger.getLogger("demo.Orders");
    private static final Logger async = Logger.getLogger("demo.Async");
    private static final Logger rolling = Logger.getLogger("demo.Rolling");

    public static void main(String[] args) throws Exception {
        configure(System.getProperty("out"));
        waitIfAsked(args);
        for (String secret : secrets()) {
            logMessageContextAndExceptions(log, secret);
            async.info("async appender " + secret);
            for (int i = 0; i < 200; i++) {
                rolling.info("rolling line " + i + " password=" + secret);
            }
            new IllegalStateException("printed stack trace " + secret).printStackTrace();
        }
        Map<String, String> env = System.getenv();
        log.info("environment: " + env);
        System.out.println("stdout environment: " + env);
        LogManager.shutdown(); // closes every appender: async drained, files flushed
    }

    static void configure(String out) throws java.io.IOException {
        Logger root = Logger.getRootLogger();
        root.setLevel(Level.INFO);
        root.addAppender(new ConsoleAppender(new PatternLayout("%d{HH:mm:ss,SSS} %-5p %c %X{session.token} [%x] %m%n"),
                ConsoleAppender.SYSTEM_OUT));
        root.addAppender(new FileAppender(new PatternLayout("%d %-5p [%t] %c mdc=%X{session.token} ndc=%x %m%n"),
                out + "/app.log"));
        XMLLayout xml = new XMLLayout();
        xml.setProperties(true); // the MDC too
        xml.setLocationInfo(false);
        root.addAppender(new FileAppender(xml, out + "/app.xml"));

        RollingFileAppender rollingFile = new RollingFileAppender(new PatternLayout("%d %-5p %c %m%n"), out + "/rolling.log");
        rollingFile.setMaxFileSize("4KB");
        rollingFile.setMaxBackupIndex(20);
        rolling.setAdditivity(false);
        rolling.addAppender(rollingFile);

        AsyncAppender asyncAppender = new AsyncAppender();
        asyncAppender.addAppender(new FileAppender(new PatternLayout("%d %-5p [%t] %c %m%n"), out + "/async.log"));
        async.setAdditivity(false);
        async.addAppender(asyncAppender);
    }



    /** The secret in a message, the MDC, the NDC, an exception's message, a cause and a suppressed exception. */
    static void logMessageContextAndExceptions(Logger log, String secret) {
        log.info("connecting with password " + secret);
        MDC.put("session.token", secret);
        log.info("with a secret in the MDC");
        MDC.remove("session.token");
        NDC.push("request " + secret);
        log.info("with a secret in the NDC");
        NDC.pop();
        log.error("exception message", new IllegalStateException("bad password " + secret));
        log.error("a cause", new RuntimeException("outer", new java.io.IOException("inner " + secret)));
        RuntimeException withSuppressed = new RuntimeException("main failure");
        withSuppressed.addSuppressed(new IllegalArgumentException("suppressed " + secret));
        log.error("a suppressed exception", withSuppressed);
    }
}
