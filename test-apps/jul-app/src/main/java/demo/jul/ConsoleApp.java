package demo.jul;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;

/**
 * System.out/System.err the ways people use them: a secret split across print calls, printed one char at a
 * time, a stream the application installs itself (setOut), and a prompt without a newline that must appear
 * before the answer is typed. It knows nothing of any agent.
 */
public class ConsoleApp {
    public static void main(String[] args) throws Exception {
        String secret = System.getenv("APP_PASSWORD");
        System.out.print("split: " + secret.substring(0, 5));
        System.out.print(secret.substring(5));
        System.out.println();
        System.out.print("chars: ");
        for (char c : secret.toCharArray()) {
            System.out.print(c);
        }
        System.out.println();
        System.err.println("stderr: " + secret);
        PrintStream mine = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        System.setOut(mine);
        System.out.println("own stream: " + secret);
        System.out.print("Password: ");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        String answer = in.readLine();
        System.out.println("got " + (answer == null ? 0 : answer.length()) + " chars");
    }
}
