package dev.secretagent.runtime.leaks;

/** One stack frame of a leak's call site, by name only (no Class reference kept alive). */
public final class Frame {
    final String className;
    final String method;
    final String file;
    final int line;

    Frame(String className, String method, String file, int line) {
        this.className = className;
        this.method = method;
        this.file = file;
        this.line = line;
    }

    public String className() {
        return className;
    }

    public String method() {
        return method;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    @Override
    public String toString() {
        return className + "." + method + "(" + (file == null ? "Unknown Source" : file)
                + (line > 0 ? ":" + line : "") + ")";
    }
}
