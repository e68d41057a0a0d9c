package demo;

import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * Runs until stdin closes, printing the named environment variable each time it reads a line: the
 * target for attach tests (the agent arrives while it runs) and for rotation tests.
 */
public class LongRunning {
    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "APP_PASSWORD";
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            System.out.println("tick " + line + ": " + name + "=" + System.getenv(name));
        }
        System.out.println("bye");
    }
}
