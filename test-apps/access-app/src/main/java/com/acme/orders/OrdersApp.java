package com.acme.orders;

import com.acme.reports.ReportJob;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * An ordinary service that reads its secrets the ways real code does. It knows nothing of the agent.
 * Steps come from the command line, e.g. {@code read DB_PASSWORD report DB_PASSWORD dump}.
 * Lines marked {@code // READ-SITE} are where the tests expect the audit's caller.line to point.
 */
public class OrdersApp {
    public static void main(String[] args) throws Exception {
        System.out.println("pid " + ProcessHandle.current().pid());
        for (int i = 0; i < args.length; i++) {
            String step = args[i];
            switch (step) {
                case "read": {
                    String name = args[++i];
                    System.out.println("orders read " + name + " -> " + describe(readSecret(name)));
                    break;
                }
                case "print": {
                    String name = args[++i];
                    System.out.println("orders print " + name + "=" + readSecret(name));
                    break;
                }
                case "report": {
                    String name = args[++i];
                    try {
                        System.out.println("report read " + name + " -> " + describe(new ReportJob().read(name)));
                    } catch (SecurityException e) {
                        System.out.println("report read " + name + " -> SecurityException " + e.getMessage());
                    }
                    break;
                }
                case "map-get": {
                    String name = args[++i];
                    System.out.println("orders map-get " + name + " -> " + describe(System.getenv().get(name)));
                    break;
                }
                case "prop": {
                    String name = args[++i];
                    System.out.println("orders prop " + name + " -> " + describe(System.getProperty(name)));
                    break;
                }
                case "loop": {
                    String name = args[++i];
                    int n = Integer.parseInt(args[++i]);
                    int present = 0;
                    for (int k = 0; k < n; k++) {
                        if (System.getenv(name) != null) {
                            present++;
                        }
                    }
                    System.out.println("orders loop " + name + " -> " + present + " of " + n);
                    break;
                }
                case "dump":
                    System.out.println(System.getenv());
                    break;
                case "props":
                    System.out.println("orders props: " + System.getProperties().size() + " properties");
                    break;
                case "spawn": {
                    String name = args[++i];
                    System.out.println("orders child sees " + name + " -> " + childSees(name));
                    break;
                }
                case "report-spawn": {
                    String name = args[++i];
                    System.out.println("report child sees " + name + " -> " + new ReportJob().childSees(name));
                    break;
                }
                case "env-paths":
                    com.acme.reports.EnvPaths.run(args[++i]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown step " + step);
            }
        }
        System.out.println("done");
    }

    static String readSecret(String name) {
        return System.getenv(name); // READ-SITE orders
    }

    static String describe(String value) {
        return value == null ? "null" : "present (" + value.length() + " chars)";
    }

    /** A child shell that says whether it inherited the variable, never its value. */
    public static String childSees(String name) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "if [ -n \"${" + name + "}\" ]; then echo set; else echo unset; fi")
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            p.waitFor();
            return line;
        }
    }
}
