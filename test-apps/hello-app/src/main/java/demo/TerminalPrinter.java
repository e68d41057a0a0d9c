package demo;

import java.nio.charset.StandardCharsets;

/**
 * Prints the environment variable named on the command line the way terminal and debugging output does: as a hex
 * dump of its UTF-8 bytes (lower and upper case) and coloured with ANSI escape sequences inside the value, as
 * PowerShell's formatter or a CI step's highlighting does.
 */
public class TerminalPrinter {
    public static void main(String[] args) {
        String value = System.getenv(args[0]);
        System.out.println("hex " + hex(value, "0123456789abcdef") + " HEX " + hex(value, "0123456789ABCDEF"));
        int half = value.length() / 2;
        System.out.println("colour \u001b[32m" + value.substring(0, half) + "\u001b[1;31m" + value.substring(half)
                + "\u001b[0m end");
        System.out.println("done");
    }

    private static String hex(String value, String digits) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            sb.append(digits.charAt((b >> 4) & 15)).append(digits.charAt(b & 15));
        }
        return sb.toString();
    }
}
