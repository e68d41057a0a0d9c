package demo.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.net.SocketAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The careless application of {@link LogbackApp}, shipping its events to a log server with Logback's
 * SocketAppender (serialised events, not text). Argument: the server's port on the loopback address.
 * The configuration is made here, in code, so that the same source works on Logback 1.2 and 1.5; the
 * logger context also carries a secret as a context property, as {@code <property scope="context">} does.
 * After the last event ("socket-done") it waits for a line on stdin before it stops the context, so that
 * nothing still queued in the appender is lost.
 */
public class SocketApp {
    public static void main(String[] args) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset(); // no logback.xml appenders: the socket is the only output
        String[] secrets = demo.support.CarelessApp.secrets();
        context.putProperty("db.credentials", secrets[0]);

        SocketAppender socket = new SocketAppender();
        socket.setContext(context);
        socket.setName("SOCKET");
        socket.setRemoteHost("127.0.0.1");
        socket.setPort(Integer.parseInt(args[0]));
        socket.setQueueSize(100_000); // events wait for the connection, none dropped
        socket.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(socket);

        Logger log = LoggerFactory.getLogger("demo.Shipped");
        for (String secret : secrets) {
            LogbackApp.logEverything(secret);
            RuntimeException first = new RuntimeException("cycle " + secret);
            RuntimeException second = new RuntimeException("around", first);
            first.initCause(second); // a cycle: Logback 1.3+ writes it as "CIRCULAR REFERENCE: " + toString()
            log.error("a cyclic cause", first);
        }
        log.info("socket-done");
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
        context.stop();
    }
}
