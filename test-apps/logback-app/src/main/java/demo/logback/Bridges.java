package demo.logback;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** JUL and the Log4j API, both routed into Logback: each line must be written (and redacted) once. */
public class Bridges {
    public static void run(String secret) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        java.util.logging.Logger.getLogger("demo.viaJul").info("through jul-to-slf4j " + secret);
        org.apache.logging.log4j.LogManager.getLogger("demo.viaLog4jApi").info("through log4j-to-slf4j {}", secret);
    }
}
