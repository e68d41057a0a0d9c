package demo.logback;

import demo.support.BenchDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The logging benchmark on Logback (file appender, logback-bench.xml): see {@link BenchDriver}. Args: as its. */
public class BenchApp {
    public static void main(String[] args) throws Exception {
        System.setProperty("out", args[0]);
        System.setProperty("logback.configurationFile",
                BenchDriver.regex(args) ? "logback-bench-regex.xml" : "logback-bench.xml");
        Logger log = LoggerFactory.getLogger("demo.Bench");
        BenchDriver.run("logback", args, (f, a, b) -> log.info(f, a, b), (f, a, b, c) -> log.info(f, a, b, c),
                () -> ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).stop());
    }
}
