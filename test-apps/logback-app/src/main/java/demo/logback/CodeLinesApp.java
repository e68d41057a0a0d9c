package demo.logback;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * A careless application that logs lines of code and configuration as structured arguments: a failing line, a
 * config dump, a redirect it followed. It knows nothing of any agent. The lines come from the file named by its
 * first argument; outputs go to the console and to {@code ${out}/app.log} (see logback.xml).
 */
public class CodeLinesApp {
    private static final Logger log = LoggerFactory.getLogger("demo.Config");

    public static void main(String[] args) throws Exception {
        for (String line : Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8)) {
            log.info("config line: {}", line);
        }
        ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).stop(); // flush the file
    }
}
