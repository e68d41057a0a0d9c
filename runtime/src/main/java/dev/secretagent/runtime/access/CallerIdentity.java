package dev.secretagent.runtime.access;

/** Who read a secret: the first stack frame outside the JDK and the agent. */
public final class CallerIdentity {
    /** When every frame belongs to the JDK (a JDK thread reading on its own account). */
    public static final CallerIdentity UNKNOWN = new CallerIdentity("unknown", "unknown", -1, "unknown", "unknown");

    private final String className;
    private final String method;
    private final int line;
    /** The jar file or class directory the class came from ({@code jrt:/module} for the JDK). */
    private final String location;
    private final String module;

    public CallerIdentity(String className, String method, int line, String location, String module) {
        this.className = className;
        this.method = method;
        this.line = line;
        this.location = location;
        this.module = module;
    }

    public String className() {
        return className;
    }

    public String method() {
        return method;
    }

    public int line() {
        return line;
    }

    public String location() {
        return location;
    }

    /** The file name of the location ({@code orders-1.2.jar}), for {@code jar:} policy globs. */
    public String locationFileName() {
        String l = location;
        while (l.endsWith("/") && l.length() > 1) {
            l = l.substring(0, l.length() - 1);
        }
        int slash = Math.max(l.lastIndexOf('/'), l.lastIndexOf('\\'));
        return slash >= 0 ? l.substring(slash + 1) : l;
    }

    public String module() {
        return module;
    }

    /** True for the JDK reading on its own account (a class of the boot or platform loader called System directly). */
    public boolean isJdk() {
        return location.startsWith("jrt:/");
    }

    @Override
    public String toString() {
        return className + "." + method + ":" + line + " (" + location + ")";
    }
}
