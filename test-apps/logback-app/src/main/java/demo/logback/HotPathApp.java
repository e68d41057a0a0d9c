package demo.logback;

import static demo.support.CarelessApp.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The cases a shortcut on Logback's hot path must get right (issue 19): before each, a few clean lines from the same
 * thread and logger, so that a line prefix (date, level, thread, logger) is already known clean when the case's line
 * comes; the date is the day only ({@code logback-hotpath.xml}), so the prefix repeats whatever the clock does. The
 * secret is then in an argument, in the template, split between template and argument, in a throwable, in the MDC,
 * in a custom converter's output, in the thread name, in the logger name; a value behind a name that is in one
 * argument while the value is in the next; a bearer token; and a value that becomes a secret while the application
 * runs (rotation: published as the secret-looking system property {@code hot.api.token}), written on the next line.
 * Values: the application's secrets ({@link demo.support.CarelessApp#secrets}), {@code HOT_RULE_VALUE},
 * {@code HOT_BEARER_VALUE} and {@code HOT_NEXT_VALUE} from the environment (names no rule takes for secrets).
 */
public class HotPathApp {
    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "logback-hotpath.xml");
        Logger log = LoggerFactory.getLogger("demo.Hot");
        Logger mdc = LoggerFactory.getLogger("demo.HotMdc");
        Logger tip = LoggerFactory.getLogger("demo.HotTip");
        String secret = secrets()[0];
        int cut = secret.length() / 2;

        warm(log);
        log.info("argument {}", secret);
        warm(log);
        log.info("template constant " + secret + " and {}", "an argument");
        warm(log);
        log.info("split " + secret.substring(0, cut) + "{} across template and argument", secret.substring(cut));
        warm(log);
        log.error("a throwable", new IllegalStateException("bad password " + secret));
        warm(mdc);
        MDC.put("session.token", secret);
        mdc.info("with a secret in the MDC");
        MDC.remove("session.token");
        warm(mdc);
        warm(tip);
        HotTipConverter.speak = true;
        tip.info("a clean message; the converter adds the secret");
        HotTipConverter.speak = false;
        warm(tip);
        warm(log);
        String name = Thread.currentThread().getName();
        Thread.currentThread().setName("worker-" + secret);
        log.info("a line from a thread named after the secret");
        Thread.currentThread().setName(name);
        warm(log);
        LoggerFactory.getLogger("demo.hot." + secret).info("a line from a logger named after the secret");
        warm(log);
        log.info("credentials {}={}", "password", System.getenv("HOT_RULE_VALUE"));
        warm(log);
        log.info("calling with Bearer {}", System.getenv("HOT_BEARER_VALUE"));
        warm(log);
        String next = System.getenv("HOT_NEXT_VALUE");
        System.setProperty("hot.api.token", next); // rotation: the agent knows the new value before this returns
        log.info("rotated to {}", next);
        Thread.currentThread().setName("worker-" + next);
        log.info("a line from a thread named after the new value");
        Thread.currentThread().setName(name);
        warm(log);
        ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).stop();
    }

    /** Clean lines: this thread's prefix for {@code log} is known clean after them. */
    private static void warm(Logger log) {
        for (int i = 0; i < 3; i++) {
            log.info("clean line {} of order {}", i, 1000 + i);
        }
    }
}
