package demo.log4j2;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The careless application of {@link Log4j2App}, shipping its events to a log server with Log4j2's
 * SocketAppender (TCP; pattern layout on one connection, JSON template layout on another; ports in the
 * system properties {@code socket.port.pattern} and {@code socket.port.json}, see log4j2-socket.xml).
 */
public class SocketApp {
    public static void main(String[] args) {
        System.setProperty("log4j2.configurationFile", "log4j2-socket.xml");
        Logger log = LogManager.getLogger("demo.Shipped");
        for (String secret : demo.support.CarelessApp.secrets()) {
            Log4j2App.logCarelessly(log, secret);
        }
        LogManager.shutdown(); // closes the connections: the server sees the end of each stream
    }
}
