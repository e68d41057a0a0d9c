package dev.secretagent.runtime.audit;

import java.io.PrintStream;

/** Audit lines on the JVM's original stderr (under the redacting wrapper: the lines hold no values). */
final class StderrSink implements AuditSink {
    private final PrintStream err;

    StderrSink(PrintStream err) {
        this.err = err;
    }

    @Override
    public boolean write(String line) {
        err.println(line);
        return !err.checkError();
    }

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public String pendingLossReport() {
        return null;
    }

    @Override
    public void close() {
        err.flush();
    }
}
