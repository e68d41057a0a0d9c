package demo.logback;

import demo.support.LoadDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The load test on Logback (file appender, logback-load.xml): see {@link LoadDriver}. Args: as LoadDriver's. */
public class LoadApp {
    public static void main(String[] args) throws Exception {
        System.setProperty("out", args[0]);
        System.setProperty("logback.configurationFile", "logback-load.xml");
        Logger log = LoggerFactory.getLogger("demo.Load");
        LoadDriver.run(args, (id, n, token, pw) -> log.info("t={} n={} token={} pw={}", id, n, token, pw),
                () -> ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).stop());
    }
}
