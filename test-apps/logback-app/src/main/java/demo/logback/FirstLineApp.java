package demo.logback;

import org.slf4j.LoggerFactory;

/**
 * Logs one line to the console and exits: the whole process's wall time is the time to an application's first log
 * line, which the start-up bench measures with and without the agent.
 */
public class FirstLineApp {
    public static void main(String[] args) {
        System.setProperty("logback.configurationFile", "logback-firstline.xml");
        LoggerFactory.getLogger("demo.FirstLine").info("first line");
    }
}
