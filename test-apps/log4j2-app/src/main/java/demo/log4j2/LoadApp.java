package demo.log4j2;

import demo.support.LoadDriver;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The load test on Log4j2 (file appender, log4j2-load.xml): see {@link LoadDriver}. Args: as LoadDriver's. */
public class LoadApp {
    public static void main(String[] args) throws Exception {
        System.setProperty("out", args[0]);
        System.setProperty("log4j2.configurationFile", "log4j2-load.xml");
        Logger log = LogManager.getLogger("demo.Load");
        LoadDriver.run(args, (id, n, token, pw) -> log.info("t={} n={} token={} pw={}", id, n, token, pw),
                LogManager::shutdown);
    }
}
