package demo.log4j2;

import org.apache.logging.log4j.LogManager;

/**
 * Logs one line to the console and exits: the whole process's wall time is the time to an application's first log
 * line, which the start-up bench measures with and without the agent.
 */
public class FirstLineApp {
    public static void main(String[] args) {
        System.setProperty("log4j2.configurationFile", "log4j2-firstline.xml");
        LogManager.getLogger("demo.FirstLine").info("first line");
    }
}
