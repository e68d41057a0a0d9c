package demo.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What every careless logging app shares: where its secrets come from, and waiting to be attached to. */
public final class CarelessApp {
    private CarelessApp() {
    }

    /** The secrets the app was given: environment (zero-config discovery) and a system property (configuration). */
    public static String[] secrets() {
        List<String> s = new ArrayList<>();
        for (String v : new String[] {System.getenv("APP_PASSWORD"), System.getenv("APP_TOKEN"),
                System.getProperty("db.password")}) {
            if (v != null) {
                s.add(v);
            }
        }
        return s.toArray(new String[0]);
    }

    /** With the argument {@code wait}: logging is set up, then nothing happens until a line arrives on stdin. */
    public static void waitIfAsked(String[] args) throws IOException {
        if (Arrays.asList(args).contains("wait")) {
            System.out.println("ready");
            new BufferedReader(new InputStreamReader(System.in)).readLine();
        }
    }
}
