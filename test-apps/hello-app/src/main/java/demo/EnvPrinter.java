package demo;

/**
 * Reads the environment variables named on the command line and prints them the careless way
 * applications do: the value in the middle of a sentence, on stdout and stderr.
 */
public class EnvPrinter {
    public static void main(String[] args) {
        for (String name : args) {
            String value = System.getenv(name);
            System.out.println("connecting with " + name + "=" + value + " (len " + (value == null ? 0 : value.length()) + ")");
            System.err.println("debug: " + name + " is " + value);
        }
        System.out.println("done");
    }
}
