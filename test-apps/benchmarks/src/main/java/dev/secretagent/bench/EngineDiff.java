package dev.secretagent.bench;

import java.lang.reflect.Method;
import java.util.Random;

/**
 * Differential run of two builds of the engine (each in its own class loader): random texts dense in what the
 * rules and detectors look for (prefixes, names, separators, times, known values, chars above 255) through every
 * door ({@code EngineOutputs}); prints the first differences and their count. For changes to the search loops
 * that must not change a single output; the property tests in runtime/ remain the contract. Run:
 * {@code java -cp test-apps/benchmarks/target/benchmarks.jar dev.secretagent.bench.EngineDiff old.jar new.jar [texts] [seed]}
 */
public final class EngineDiff {
    private static final String[] PIECES = {"AKIA", "ASIA", "AIza", "ghp_", "gho_", "github_pat_", "glpat-",
        "xoxb-", "xoxp-", "sk_live_", "rk_live_", "sk_test_", "rk_test_",
        "-----BEGIN ", "PRIVATE KEY-----", // secret-agent:allow pieces of the pem format to mix into texts, no key
        "-----END RSA PRIVATE KEY-----", ".eyJ", "eyJhbGciOiJIUzI1NiJ9", "eyJzdWIiOiIxMjM0NTY3ODkwIn0",
        "Authorization", "authorization: ", "Cookie=", "password", "passwd=", "pwd=", "pwd:", "token",
        "\"token\":\"", "secret", "api_key", "x-api-key: ", "sig=", "access_token=", "https://", "http://u:p@h",
        "1://", "12:34:56", "latency=5", ":", "=", " ", "\"", "'", "\t", "\n", "worker", "thread", "payment", "te",
        "rk", "AB12CD34EF56GH78", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789", "-", "_", ".", "/", "//",
        "\u0141", "\u013a", "\u00e9", "\u4e2d", "Bearer ", "[REDACTED:x]", "Set-Cookie: a=b; c=d",
        "X-Amz-Signature="};
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private EngineDiff() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EngineDiff <old benchmarks.jar> <new benchmarks.jar> [texts] [seed]");
            System.exit(2);
        }
        int texts = args.length > 2 ? Integer.parseInt(args[2]) : 20000;
        Random r = new Random(args.length > 3 ? Long.parseLong(args[3]) : 1);
        String[] values = new String[20];
        for (int i = 0; i < values.length; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 8 + r.nextInt(20); k > 0; k--) {
                sb.append((ALNUM + "-_:=").charAt(r.nextInt(ALNUM.length() + 4)));
            }
            values[i] = sb.toString();
        }
        Method[] outputs = new Method[2];
        for (int j = 0; j < 2; j++) {
            Class<?> c = EngineAB.fromBuild(args[j], "dev.secretagent.runtime.redact.EngineOutputs");
            c.getMethod("setUp", String[].class).invoke(null, (Object) values);
            outputs[j] = c.getMethod("outputs", String.class, int.class, int.class, long.class);
        }
        int diffs = 0;
        int redacted = 0;
        for (int t = 0; t < texts; t++) {
            StringBuilder sb = new StringBuilder();
            for (int len = r.nextInt(3200); sb.length() < len; ) {
                int k = r.nextInt(10);
                sb.append(k < 6 ? PIECES[r.nextInt(PIECES.length)] : k < 8 ? String.valueOf((char) ('a' + r.nextInt(26)))
                        : k < 9 ? values[r.nextInt(values.length)] : String.valueOf(ALNUM.charAt(r.nextInt(62))));
            }
            String text = sb.toString();
            int a = r.nextInt(text.length() + 1);
            int b = a + r.nextInt(text.length() + 1 - a);
            long seed = r.nextLong();
            String x = (String) outputs[0].invoke(null, text, a, b, seed);
            String y = (String) outputs[1].invoke(null, text, a, b, seed);
            if (!x.equals(y) && ++diffs <= 3) {
                System.out.println("difference on text " + t + " (range " + a + ".." + b + "):\n" + text
                        + "\n--- old:\n" + x + "\n--- new:\n" + y);
            }
            redacted += x.contains("[REDACTED") ? 1 : 0;
        }
        System.out.println(texts + " texts, " + redacted + " with a redaction, " + diffs + " differences");
        System.exit(diffs == 0 ? 0 : 1);
    }
}
