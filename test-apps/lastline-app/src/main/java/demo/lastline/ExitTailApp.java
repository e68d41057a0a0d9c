package demo.lastline;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;

/**
 * A JVM whose last writes have no newline and end in the key (argument "whole") or in its first characters
 * (argument "start"): to stdout, and to a log file it never closes. Argument 2: the directory for the log file.
 */
public final class ExitTailApp {
    private ExitTailApp() {
    }

    public static void main(String[] args) throws Exception {
        String key = System.getenv("APP_API_KEY");
        String tail = "whole".equals(args[0]) ? key : key.substring(0, 6);
        OutputStream log = new FileOutputStream(Paths.get(args[1]).resolve("tail.log").toFile());
        log.write(("last log line " + tail).getBytes(StandardCharsets.UTF_8));
        System.out.print("last words " + tail);
        // no close, no flush, no newline: the JVM just ends
    }
}
