package demo.log4j2;

import demo.support.BenchDriver;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The logging benchmark on Log4j2 (file appender, log4j2-bench.xml): see {@link BenchDriver}. Args: as its. */
public class BenchApp {
    public static void main(String[] args) throws Exception {
        System.setProperty("out", args[0]);
        System.setProperty("log4j2.configurationFile",
                BenchDriver.regex(args) ? "log4j2-bench-regex.xml" : "log4j2-bench.xml");
        Logger log = LogManager.getLogger("demo.Bench");
        BenchDriver.run("log4j2", args, (f, a, b) -> log.info(f, a, b), (f, a, b, c) -> log.info(f, a, b, c),
                LogManager::shutdown);
    }
}
