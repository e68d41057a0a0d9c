package demo.jul;

import static demo.support.CarelessApp.secrets;
import static demo.support.CarelessApp.waitIfAsked;

import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.XMLFormatter;

/**
 * A careless application on java.util.logging: console, plain file, XML file, rotating files, System.Logger.
 * Outputs go to the directory given as the first argument. It knows nothing of any agent.
 */
public class JulApp {
    public static void main(String[] args) throws Exception {
        waitIfAsked(args);
        String out = args[0];
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Handler console = new ConsoleHandler();
        console.setFormatter(new SimpleFormatter());
        FileHandler file = new FileHandler(out + "/app.log");
        file.setFormatter(new SimpleFormatter());
        FileHandler xml = new FileHandler(out + "/app.xml");
        xml.setFormatter(new XMLFormatter());
        root.addHandler(console);
        root.addHandler(file);
        root.addHandler(xml);
        Logger rollingLogger = Logger.getLogger("demo.Rolling");
        rollingLogger.setUseParentHandlers(false);
        FileHandler rolling = new FileHandler(out + "/rolling.%g.log", 4096, 20);
        rolling.setFormatter(new SimpleFormatter());
        rollingLogger.addHandler(rolling);

        Logger log = Logger.getLogger("demo.Orders");
        System.Logger platform = System.getLogger("demo.Platform");
        for (String secret : secrets()) {
            log.info("connecting with password " + secret);
            log.log(Level.INFO, "connecting with {0}", secret);
            log.log(Level.SEVERE, "exception message", new IllegalStateException("bad password " + secret));
            log.log(Level.SEVERE, "a cause", new RuntimeException("outer", new java.io.IOException("inner " + secret)));
            RuntimeException withSuppressed = new RuntimeException("main failure");
            withSuppressed.addSuppressed(new IllegalArgumentException("suppressed " + secret));
            log.log(Level.SEVERE, "a suppressed exception", withSuppressed);
            platform.log(System.Logger.Level.INFO, "System.Logger with {0}", secret);
            platform.log(System.Logger.Level.ERROR, "System.Logger failure", new IllegalStateException("platform " + secret));
            for (int i = 0; i < 200; i++) {
                rollingLogger.log(Level.INFO, "rolling line {0} password={1}", new Object[] {i, secret});
            }
            new IllegalStateException("printed stack trace " + secret).printStackTrace();
        }
        log.info("environment: " + System.getenv());
        System.out.println("stdout environment: " + System.getenv());
        for (Handler h : new Handler[] {console, file, xml, rolling}) {
            h.close();
        }
    }


}
