package com.acme.reports;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Another component of the same application: the policy lets it read less than the orders code. */
public class ReportJob {
    public String read(String name) {
        return System.getenv(name); // READ-SITE reports
    }

    /** Starts the child itself, so that this class is the caller the policy sees. */
    public String childSees(String name) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "if [ -n \"${" + name + "}\" ]; then echo set; else echo unset; fi")
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            p.waitFor();
            return line;
        }
    }
}
